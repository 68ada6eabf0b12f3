export * from './lib/agenda.module';
export * from './lib/agenda.service';
export * from './lib/agenda.repository';
