import { DynamicModule, Global, Module } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { ClsModule } from 'nestjs-cls';
import { AppConfig } from './config/app-config';
import { PublicContentChanges } from './content-changes/public-content-changes';
import { RequestContext } from './request-context/request-context';

/** Configuration, the per-request context and the public content changes, available everywhere. */
@Global()
@Module({})
export class CoreModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CoreModule,
      imports: [
        ClsModule.forRoot({
          global: true,
          middleware: {
            mount: true,
            generateId: true,
            // Same id as Fastify's request id (see createApiApplication's genReqId).
            idGenerator: (request: IncomingMessage) => String(request.headers['x-request-id'] ?? ''),
          },
        }),
      ],
      providers: [{ provide: AppConfig, useValue: config }, RequestContext, PublicContentChanges],
      exports: [AppConfig, RequestContext, PublicContentChanges],
    };
  }
}
