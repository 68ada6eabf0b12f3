export * from './lib/finance.module';
export * from './lib/budgets.service';
export * from './lib/budgets.repository';
export * from './lib/budget-imports.service';
export * from './lib/budget-line-id';
export * from './lib/budget-preview';
