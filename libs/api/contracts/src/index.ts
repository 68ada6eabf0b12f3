export * from './lib/contracts.module';
export * from './lib/contracts.service';
export * from './lib/contracts.repository';
export * from './lib/contract-imports.service';
export * from './lib/contracts-open-data.service';
export * from './lib/contract-search.source';
export * from './lib/contract-labels';
