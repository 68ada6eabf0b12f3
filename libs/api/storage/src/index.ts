export * from './lib/document-storage';
export * from './lib/filesystem-document-storage';
export * from './lib/s3-document-storage';
export * from './lib/storage-config';
export * from './lib/storage.module';
