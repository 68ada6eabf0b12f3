export { parseBudgetFile } from './lib/budget-import';
export { parseContractsFile } from './lib/contract-import';
export { parseAmountXof } from './lib/parse-amount';
export { parseFrenchDate } from './lib/parse-date';
export type { Cell, ImportError, ImportFormat, ImportInput, ImportResult, ImportRow, ParseResult } from './lib/types';
