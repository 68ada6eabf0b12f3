import { type DynamicModule, Module } from '@nestjs/common';
import { DocumentStorage } from './document-storage';
import { FilesystemDocumentStorage } from './filesystem-document-storage';
import { S3DocumentStorage } from './s3-document-storage';
import type { StorageOptions } from './storage-config';

/**
 * Provides `DocumentStorage` with the adapter the options name. Register it once, in the API's
 * root module (`StorageModule.register(readStorageConfig(process.env))`): it is global, so every
 * feature simply injects `DocumentStorage`.
 */
@Module({})
export class StorageModule {
  static register(options: StorageOptions): DynamicModule {
    return {
      module: StorageModule,
      global: true,
      providers: [{ provide: DocumentStorage, useFactory: () => createDocumentStorage(options) }],
      exports: [DocumentStorage],
    };
  }
}

/** Builds the adapter; for S3, checks at start that the server answers and the bucket exists. */
export async function createDocumentStorage(options: StorageOptions): Promise<DocumentStorage> {
  if (options.driver === 'filesystem') {
    return new FilesystemDocumentStorage(options.root);
  }
  const storage = new S3DocumentStorage(options);
  try {
    await storage.ensureBucket();
  } catch (error) {
    const where = `${options.useSSL ? 'https' : 'http'}://${options.endPoint}:${options.port}`;
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Document storage: cannot use bucket "${options.bucket}" at ${where}: ${reason}`, { cause: error });
  }
  return storage;
}
