export * from './lib/consultations.module';
export * from './lib/consultations.service';
export * from './lib/consultations.repository';
