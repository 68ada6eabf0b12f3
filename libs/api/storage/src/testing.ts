// The contract every DocumentStorage adapter passes (Jest only).
export * from './lib/document-storage.contract';
