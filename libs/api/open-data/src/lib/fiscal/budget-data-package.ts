import {
  BUDGET_DIRECTIONS,
  BUDGET_SECTIONS,
  BUDGET_STAGES,
  type BudgetLineInput,
  type BudgetStage,
} from '@communes/shared-contracts';
import { CSV_LINE_TERMINATOR, toCsv } from '../csv';
import type { OpenDataCommune } from '../ocds/ocds.types';
import { OpenDataExportError, normalizeXofInteger } from '../values';

export interface BudgetForExport {
  fiscalYear: number;
  stage: BudgetStage;
  lines: readonly BudgetLineInput[];
}

export interface BuildBudgetDataPackageInput {
  commune: OpenDataCommune;
  budgets: readonly BudgetForExport[];
}

// ---- Descriptor types: the parts of Data Package / Table Schema / Fiscal Data Package we use --

export interface TableSchemaField {
  name: string;
  type: 'string' | 'integer' | 'year';
  title: string;
  description?: string;
  constraints?: { required?: boolean; enum?: readonly string[] };
}

export interface FiscalDimension {
  dimensionType: 'datetime' | 'entity' | 'classification' | 'activity' | 'fact' | 'location' | 'other';
  classificationType?: 'functional' | 'administrative' | 'economic';
  attributes: Record<string, { source: string; labelfor?: string }>;
  primaryKey: string | string[];
}

export interface FiscalDataPackageDescriptor {
  profile: 'fiscal-data-package';
  name: string;
  title: string;
  description: string;
  countryCode: string;
  granularity: 'aggregated';
  fiscalPeriod?: { start: string; end: string };
  resources: {
    name: string;
    path: string;
    profile: 'tabular-data-resource';
    format: 'csv';
    mediatype: 'text/csv';
    encoding: 'utf-8';
    dialect: { delimiter: ','; doubleQuote: true; quoteChar: '"'; lineTerminator: string; header: true };
    schema: { fields: TableSchemaField[]; missingValues: string[] };
  }[];
  model: {
    measures: Record<string, { source: string; resource: string; currency: 'XOF' }>;
    dimensions: Record<string, FiscalDimension>;
  };
}

const RESOURCE = 'budget-lines';

/** Column order of the CSV; the descriptor's fields follow the same order. */
const FIELDS: TableSchemaField[] = [
  { name: 'commune', type: 'string', title: 'Commune', constraints: { required: true } },
  { name: 'fiscal_year', type: 'year', title: 'Exercice budgétaire', constraints: { required: true } },
  {
    name: 'stage',
    type: 'string',
    title: 'Étape',
    // In Fiscal Data Package terms: primitif = approved, collectif = adjusted, execute = executed.
    description: 'primitif : budget primitif voté ; collectif : budget modifié en cours d’exercice ; execute : budget exécuté',
    constraints: { required: true, enum: BUDGET_STAGES },
  },
  { name: 'section', type: 'string', title: 'Section', constraints: { required: true, enum: BUDGET_SECTIONS } },
  { name: 'direction', type: 'string', title: 'Sens', description: 'recette ou depense', constraints: { required: true, enum: BUDGET_DIRECTIONS } },
  { name: 'code', type: 'string', title: 'Code budgétaire', description: 'Texte : les zéros en tête comptent', constraints: { required: true } },
  { name: 'label', type: 'string', title: 'Libellé', constraints: { required: true } },
  { name: 'amount', type: 'integer', title: 'Montant (francs CFA, XOF)', constraints: { required: true } },
];

/**
 * A commune's budgets as a Fiscal Data Package (https://specs.frictionlessdata.io/fiscal-data-package/):
 * `datapackage.json` (the descriptor) plus one CSV, one row per budget line, in the order given.
 * Amounts stay integer francs written as text, so no size limit and no floating point.
 */
export function buildBudgetDataPackage(input: BuildBudgetDataPackageInput): {
  descriptor: FiscalDataPackageDescriptor;
  csv: string;
} {
  const { commune, budgets } = input;
  const rows = budgets.flatMap((budget) => {
    const where = `budget ${commune.slug} ${budget.fiscalYear} ${budget.stage}`;
    assertFiscalYear(budget.fiscalYear, where);
    assertOneOf(budget.stage, BUDGET_STAGES, `${where}: stage`);
    return budget.lines.map((line) => {
      const what = `${where} line ${line.code}`;
      assertOneOf(line.section, BUDGET_SECTIONS, `${what}: section`);
      assertOneOf(line.direction, BUDGET_DIRECTIONS, `${what}: direction`);
      return [
        commune.name,
        budget.fiscalYear,
        budget.stage,
        line.section,
        line.direction,
        line.code,
        line.label,
        normalizeXofInteger(line.amount, what),
      ];
    });
  });

  const name = `budgets-${commune.slug}`;
  const years = budgets.map((budget) => budget.fiscalYear);
  const descriptor: FiscalDataPackageDescriptor = {
    profile: 'fiscal-data-package',
    name,
    title: `Budgets de la commune ${of(commune.name)}`,
    description: `Lignes budgétaires (budget primitif, collectif, exécuté) publiées par la commune ${of(commune.name)} (${commune.department}). Montants en francs CFA (XOF), entiers.`,
    countryCode: commune.country,
    granularity: 'aggregated',
    // Benin's communes budget by calendar year (1 January – 31 December).
    ...(years.length > 0 && {
      fiscalPeriod: { start: `${Math.min(...years)}-01-01`, end: `${Math.max(...years)}-12-31` },
    }),
    resources: [
      {
        name: RESOURCE,
        path: `${name}.csv`,
        profile: 'tabular-data-resource',
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        dialect: { delimiter: ',', doubleQuote: true, quoteChar: '"', lineTerminator: CSV_LINE_TERMINATOR, header: true },
        // Every column is required, and an empty label or code is data, not a missing value.
        schema: { fields: FIELDS, missingValues: [] },
      },
    ],
    model: {
      measures: { amount: { source: 'amount', resource: RESOURCE, currency: 'XOF' } },
      dimensions: {
        commune: { dimensionType: 'entity', attributes: { commune: { source: 'commune' } }, primaryKey: 'commune' },
        fiscal_year: { dimensionType: 'datetime', attributes: { year: { source: 'fiscal_year' } }, primaryKey: 'year' },
        stage: { dimensionType: 'other', attributes: { stage: { source: 'stage' } }, primaryKey: 'stage' },
        section: {
          dimensionType: 'classification',
          classificationType: 'economic',
          attributes: { section: { source: 'section' } },
          primaryKey: 'section',
        },
        direction: { dimensionType: 'other', attributes: { direction: { source: 'direction' } }, primaryKey: 'direction' },
        budget_line: {
          dimensionType: 'classification',
          classificationType: 'economic',
          attributes: { code: { source: 'code' }, label: { source: 'label', labelfor: 'code' } },
          primaryKey: 'code',
        },
      },
    },
  };

  return { descriptor, csv: toCsv(FIELDS.map((field) => field.name), rows) };
}

/** French elision: "de Cotonou" but "d’Abomey-Calavi". */
function of(name: string): string {
  return /^[aeiouyàâéèêîôû]/i.test(name) ? `d’${name}` : `de ${name}`;
}

function assertFiscalYear(year: number, what: string): void {
  if (!Number.isInteger(year) || year < 1900 || year > 9999) {
    throw new OpenDataExportError(`${what}: fiscal year ${year} is not a four-digit year`);
  }
}

function assertOneOf(value: string, allowed: readonly string[], what: string): void {
  if (!allowed.includes(value)) {
    throw new OpenDataExportError(`${what} "${value}" is not one of ${allowed.join(', ')}`);
  }
}
