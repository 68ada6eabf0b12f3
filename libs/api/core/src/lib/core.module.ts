import { DynamicModule, Global, Module } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { ClsModule } from 'nestjs-cls';
import { AppConfig } from './config/app-config';
import { RequestContext } from './request-context/request-context';

/** Configuration and the per-request context, available everywhere. */
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
      providers: [{ provide: AppConfig, useValue: config }, RequestContext],
      exports: [AppConfig, RequestContext],
    };
  }
}
