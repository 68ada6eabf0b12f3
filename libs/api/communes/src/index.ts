export * from './lib/communes.module';
export * from './lib/commune-access.service';
export * from './lib/communes.repository';
export { CommuneSlugParams } from './lib/dto/communes.dto';
