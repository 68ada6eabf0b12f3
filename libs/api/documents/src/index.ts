export * from './lib/documents.module';
export * from './lib/documents.service';
export * from './lib/documents.repository';
export * from './lib/file-type-policy';
export * from './lib/document-text.worker';
export * from './lib/upload-intent.sweeper';
export * from './lib/pdf-text';
export * from './lib/read-upload';
