import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@communes/api-core';
import { TenantTransaction } from './tenant/tenant-transaction';
import { UploadIntentsRepository } from './upload-intents/upload-intents.repository';

/**
 * The application's pool, connected as the app role (RLS applies to every query), and the upload
 * intents every feature that writes to storage shares.
 */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        type: 'postgres',
        url: config.DATABASE_URL,
        synchronize: false,
        migrationsRun: false,
        entities: [],
        logging: ['error'],
        extra: { max: config.DATABASE_POOL_SIZE, application_name: 'communes-api' },
      }),
    }),
  ],
  providers: [TenantTransaction, UploadIntentsRepository],
  exports: [TenantTransaction, UploadIntentsRepository],
})
export class DatabaseModule {}
