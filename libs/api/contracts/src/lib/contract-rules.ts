import type { ContractInput } from '@communes/shared-contracts';
import type { ImportError, ImportRow } from '@communes/api-imports';

/**
 * Limits shared by the DTOs, the import preview and the database checks (contracts migration),
 * so that anything accepted at the edge or in a preview can be stored.
 */
export const CONTRACT_LIMITS = {
  reference: 100,
  object: 1000,
  awardeeName: 300,
  awardeeIdentifier: 50,
  fundingSource: 300,
} as const;

/** 15 digits: every amount stays an exact JSON number in the OCDS export (2^53 has 16 digits). */
export const MAX_AMOUNT_DIGITS = 15;
export const FIRST_YEAR = 1990;
export const LAST_YEAR = 2100;

export interface RowProblem {
  column: string;
  message: string;
}

const LABELS: Record<keyof typeof CONTRACT_LIMITS, string> = {
  reference: 'Référence',
  object: 'Objet',
  awardeeName: 'Attributaire',
  awardeeIdentifier: 'IFU',
  fundingSource: 'Source de financement',
};

/**
 * What the parser accepts but the database would refuse (too long, amount too large, a year
 * out of range), in French like the parser's own messages, for the import preview.
 */
export function contractRowProblems(contract: ContractInput): RowProblem[] {
  const problems: RowProblem[] = [];
  for (const field of Object.keys(CONTRACT_LIMITS) as (keyof typeof CONTRACT_LIMITS)[]) {
    const value = contract[field];
    if (value !== null && value.length > CONTRACT_LIMITS[field]) {
      problems.push({ column: LABELS[field], message: `Texte trop long : ${value.length} caractères (maximum ${CONTRACT_LIMITS[field]})` });
    }
  }
  if (contract.amount.replace(/^0+(?=\d)/, '').length > MAX_AMOUNT_DIGITS) {
    problems.push({ column: 'Montant', message: `Montant trop élevé : ${contract.amount} FCFA (${MAX_AMOUNT_DIGITS} chiffres au plus)` });
  }
  const year = Number(contract.awardDate.slice(0, 4));
  if (year < FIRST_YEAR || year > LAST_YEAR) {
    problems.push({ column: "Date d'attribution", message: `Année d'attribution invraisemblable : ${year} (attendu entre ${FIRST_YEAR} et ${LAST_YEAR})` });
  }
  return problems;
}

/** Adds what the database would refuse (lengths, amount, year) to the parser's report. */
export function withRowChecks(rows: ImportRow<ContractInput>[], errors: ImportError[]): { rows: ImportRow<ContractInput>[]; errors: ImportError[] } {
  const valid: ImportRow<ContractInput>[] = [];
  const all = [...errors];
  for (const row of rows) {
    const problems = contractRowProblems(row.value);
    if (problems.length === 0) valid.push(row);
    else all.push(...problems.map((problem) => ({ line: row.line, ...problem })));
  }
  all.sort((a, b) => a.line - b.line);
  return { rows: valid, errors: all };
}
