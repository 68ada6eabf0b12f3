import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { InvalidConfigurationError, loadAppConfig } from '@communes/api-core';
import { createApiApplication } from '@communes/api-bootstrap';

/**
 * Production entry point: PostgreSQL from DATABASE_URL, migrations already applied
 * (`npm run db:migrate`). For the embedded stack with demo data, use `npm start`.
 */
async function main(): Promise<void> {
  const config = loadAppConfig();
  const app = await createApiApplication(config);
  app.enableShutdownHooks();
  await app.listen({ port: config.PORT, host: '0.0.0.0' });
  Logger.log(`Communes+ API listening on port ${config.PORT}`, 'Bootstrap');
}

main().catch((error: unknown) => {
  if (error instanceof InvalidConfigurationError) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  process.exit(1);
});
