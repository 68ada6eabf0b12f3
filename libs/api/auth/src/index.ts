export * from './lib/auth.module';
export * from './lib/auth.service';
export * from './lib/refresh-token-cookie';
export * from './lib/users.repository';
export * from './lib/identifier';
export * from './lib/guards/access.decorators';
export * from './lib/dto/auth.dto';
