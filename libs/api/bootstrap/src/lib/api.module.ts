import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, CoreModule, InvalidConfigurationError } from '@communes/api-core';
import { readStorageConfig, StorageModule, StorageOptions } from '@communes/api-storage';
import { DocumentsModule } from '@communes/api-documents';
import { FinanceModule } from '@communes/api-finance';
import { ContractsModule } from '@communes/api-contracts';
import { AgendaModule } from '@communes/api-agenda';
import { FeedbackModule } from '@communes/api-feedback';
import { NotificationOutboxModule, NotificationsModule } from '@communes/api-notifications';
import { CouncilSessionsModule } from '@communes/api-council-sessions';
import { ConsultationsModule } from '@communes/api-consultations';
import { DebatesModule } from '@communes/api-debates';
import { ModerationModule } from '@communes/api-moderation';
import { GoodPracticesModule } from '@communes/api-good-practices';
import { NewsModule } from '@communes/api-news';
import { loadSearchConfig, SearchFeatureModule, SearchModule } from '@communes/api-search';
import { DatabaseModule } from '@communes/api-database';
import { AuditModule } from '@communes/api-audit';
import { AuthModule } from '@communes/api-auth';
import { CommunesModule } from '@communes/api-communes';
import { HealthModule } from '@communes/api-health';

/** Every feature of the API. New features are added here and nowhere else. */
@Module({})
export class ApiModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        CoreModule.forRoot(config),
        DatabaseModule,
        StorageModule.register(storageOptions(config)),
        SearchModule.register(
          loadSearchConfig({
            NODE_ENV: config.NODE_ENV,
            SEARCH_ENGINE: config.SEARCH_ENGINE,
            MEILISEARCH_URL: config.MEILISEARCH_URL,
            MEILISEARCH_API_KEY: config.MEILISEARCH_API_KEY,
          }),
        ),
        AuditModule,
        NotificationOutboxModule,
        AuthModule,
        CommunesModule,
        SearchFeatureModule,
        DocumentsModule,
        FinanceModule,
        ContractsModule,
        AgendaModule,
        FeedbackModule,
        CouncilSessionsModule,
        ConsultationsModule,
        DebatesModule,
        ModerationModule,
        GoodPracticesModule,
        NewsModule,
        NotificationsModule,
        HealthModule,
      ],
    };
  }
}

function storageOptions(config: AppConfig): StorageOptions {
  try {
    return readStorageConfig({
      STORAGE_DRIVER: config.STORAGE_DRIVER,
      STORAGE_FS_ROOT: config.STORAGE_FS_ROOT,
      S3_ENDPOINT: config.S3_ENDPOINT,
      S3_ACCESS_KEY: config.S3_ACCESS_KEY,
      S3_SECRET_KEY: config.S3_SECRET_KEY,
      S3_BUCKET: config.S3_BUCKET,
      S3_REGION: config.S3_REGION,
    });
  } catch (error) {
    throw new InvalidConfigurationError(error instanceof Error ? error.message : String(error));
  }
}
