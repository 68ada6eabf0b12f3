export * from './lib/values';
export * from './lib/csv';
export * from './lib/ocds/ocds.types';
export * from './lib/ocds/release-package';
export * from './lib/ocds/validate-release-package';
export * from './lib/fiscal/budget-data-package';
