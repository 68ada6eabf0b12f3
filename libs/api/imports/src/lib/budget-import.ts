import { BudgetDirection, BudgetLineInput, BudgetSection } from '@communes/shared-contracts';
import { FieldSpec } from './match-headers';
import { normalizeKey } from './normalize';
import { parseAmountXof } from './parse-amount';
import { runImport } from './run-import';
import { ImportInput, ImportResult } from './types';

type BudgetField = 'section' | 'direction' | 'code' | 'label' | 'amount';

/** Column names seen in commune budget tables (normalized: no accents, lower case). */
export const BUDGET_FIELDS: readonly FieldSpec<BudgetField>[] = [
  { key: 'section', label: 'Section', required: true, names: ['section'] },
  {
    key: 'direction',
    label: 'Sens',
    required: true,
    names: ['sens', 'direction', 'recette depense', 'recettes depenses', 'recette ou depense'],
    exactNames: ['type', 'type r d', 'r d'],
  },
  {
    key: 'code',
    label: 'Code',
    required: true,
    names: ['code', 'compte', 'article', 'imputation', 'n compte', 'no compte', 'numero compte', 'numero de compte', 'numero du compte'],
    exactNames: ['nature'], // the economic nature of the line, a code in the communal nomenclature
  },
  { key: 'label', label: 'Libellé', required: true, names: ['libelle', 'libelles', 'intitule', 'intitules', 'designation', 'designations'] },
  {
    key: 'amount',
    label: 'Montant',
    required: true,
    names: ['montant', 'montants', 'montant fcfa', 'montant en fcfa', 'montant f cfa', 'montant xof', 'prevision', 'previsions', 'realisation', 'realisations', 'credits', 'credits ouverts'],
  },
];

/**
 * Reads a budget table (CSV or XLSX) into budget lines and a line-by-line error report.
 * Required columns: section, sens (recette/dépense), code, libellé, montant.
 */
export function parseBudgetFile(input: ImportInput): Promise<ImportResult<BudgetLineInput>> {
  return runImport(input, {
    fields: BUDGET_FIELDS,
    readRow: (row) => {
      const code = row.text('code');
      const label = row.text('label');
      // Subtotal lines are in most budget tables; importing them would count amounts twice.
      if (code === '' && /^(?:sous )?tota(?:l|ux)\b/.test(normalizeKey(label))) {
        row.error(null, 'Ligne de total : retirez-la du fichier, les totaux sont calculés par la plateforme');
        return null;
      }

      const sectionText = row.text('section');
      const section = parseSection(sectionText);
      if (sectionText === '') row.error('section', 'Section manquante');
      else if (section === null) row.error('section', `Section inconnue : « ${sectionText} » (attendu : fonctionnement ou investissement)`);

      const directionText = row.text('direction');
      const direction = parseDirection(directionText);
      if (directionText === '') row.error('direction', 'Sens manquant');
      else if (direction === null) row.error('direction', `Sens inconnu : « ${directionText} » (attendu : recette ou dépense)`);

      if (code === '') row.error('code', 'Code manquant');
      if (label === '') row.error('label', 'Libellé manquant');

      const amount = parseAmountXof(row.cell('amount'));
      if (!amount.ok) row.error('amount', amount.message);
      else if (amount.value.startsWith('-')) row.error('amount', `Montant négatif refusé : « ${row.text('amount')} »`);

      if (section === null || direction === null || code === '' || label === '' || !amount.ok) return null;
      return { section, direction, code, label, amount: amount.value };
    },
  });
}

/** "Fonctionnement", "Section de fonctionnement", "INVESTISSEMENT ". Abbreviations are refused: too easy to misread. */
function parseSection(text: string): BudgetSection | null {
  const key = normalizeKey(text).replace(/^section (?:de |d )?/, '');
  return key === 'fonctionnement' || key === 'investissement' ? key : null;
}

/** "Recette(s)", "Dépense(s)", or the usual one-letter "R" / "D". */
function parseDirection(text: string): BudgetDirection | null {
  const key = normalizeKey(text);
  if (['r', 'recette', 'recettes'].includes(key)) return 'recette';
  if (['d', 'depense', 'depenses'].includes(key)) return 'depense';
  return null;
}
