import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, CoreModule } from '@communes/api-core';
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
      imports: [CoreModule.forRoot(config), DatabaseModule, AuditModule, AuthModule, CommunesModule, HealthModule],
    };
  }
}
