import { ContractInput, ContractStatus, ProcurementCategory, ProcurementMethod } from '@communes/shared-contracts';
import { FieldSpec } from './match-headers';
import { normalizeKey } from './normalize';
import { parseAmountXof } from './parse-amount';
import { parseFrenchDate } from './parse-date';
import { RowReader, runImport } from './run-import';
import { ImportInput, ImportResult } from './types';

type ContractField =
  | 'reference'
  | 'object'
  | 'procurementMethod'
  | 'category'
  | 'awardeeName'
  | 'awardeeIdentifier'
  | 'amount'
  | 'awardDate'
  | 'startDate'
  | 'endDate'
  | 'status'
  | 'fundingSource';

/** Column names seen in communes' lists of contracts awarded (normalized: no accents, lower case). */
export const CONTRACT_FIELDS: readonly FieldSpec<ContractField>[] = [
  {
    key: 'reference',
    label: 'Référence',
    required: true,
    // A bare "N°" is left out on purpose: it is usually the row's order number.
    names: ['reference', 'references', 'ref', 'n marche', 'no marche', 'n du marche', 'n de marche', 'numero marche', 'numero du marche', 'numero de marche', 'n contrat', 'n du contrat', 'numero du contrat', 'numero de contrat'],
  },
  { key: 'object', label: 'Objet', required: true, names: ['objet', 'intitule', 'designation', 'libelle'] },
  {
    key: 'procurementMethod',
    label: 'Mode de passation',
    required: true,
    names: ['mode de passation', 'mode passation', 'methode de passation', 'procedure de passation', 'type de procedure', 'procedure'],
    exactNames: ['mode', 'methode'],
  },
  {
    key: 'category',
    label: 'Catégorie',
    required: true,
    names: ['categorie', 'nature', 'type de marche', 'nature du marche', 'nature des prestations'],
    exactNames: ['type'],
  },
  {
    key: 'awardeeName',
    label: 'Attributaire',
    required: true,
    names: ['attributaire', 'titulaire', 'entreprise', 'prestataire', 'fournisseur', 'adjudicataire', 'raison sociale', 'nom de l attributaire', 'nom du titulaire', 'soumissionnaire retenu'],
  },
  {
    key: 'awardeeIdentifier',
    label: 'IFU',
    required: false,
    names: ['ifu', 'n ifu', 'no ifu', 'numero ifu', 'identifiant', 'identifiant fiscal', 'numero d identification'],
  },
  {
    key: 'amount',
    label: 'Montant',
    required: true,
    // "Montant TTC" is named exactly so that it wins over "Montant HT" when both are there.
    names: ['montant', 'montant ttc', 'montant fcfa', 'montant en fcfa', 'montant du marche', 'montant du contrat', 'cout', 'valeur'],
  },
  {
    key: 'awardDate',
    label: "Date d'attribution",
    required: true,
    names: ['date d attribution', 'date attribution', 'date de l attribution', 'date de signature', 'date signature'],
    exactNames: ['date'],
  },
  { key: 'startDate', label: 'Date de début', required: false, names: ['date de debut', 'date debut', 'debut', 'date de demarrage', 'date demarrage', 'demarrage', 'date de commencement'] },
  { key: 'endDate', label: 'Date de fin', required: false, names: ['date de fin', 'date fin', 'fin', 'date d achevement', 'date d echeance', 'echeance'] },
  { key: 'status', label: 'Statut', required: false, names: ['statut', 'etat', 'situation', 'etat d execution'] },
  { key: 'fundingSource', label: 'Source de financement', required: false, names: ['source de financement', 'sources de financement', 'source financement', 'financement', 'bailleur', 'bailleurs'] },
];

/**
 * Reads a list of contracts awarded (CSV or XLSX) into contracts and a line-by-line error report.
 * Optional columns: IFU, dates de début et de fin, statut (default: en cours), source de financement.
 * A reference used twice in the file is an error on its second line.
 */
export function parseContractsFile(input: ImportInput): Promise<ImportResult<ContractInput>> {
  const seen = new Map<string, number>();
  return runImport(input, {
    fields: CONTRACT_FIELDS,
    readRow: (row) => {
      const reference = row.text('reference');
      if (reference === '') {
        row.error('reference', 'Référence manquante');
      } else {
        // Case and spacing differ between typists; the reference does not.
        const key = reference.toUpperCase();
        const firstLine = seen.get(key);
        if (firstLine !== undefined) row.error('reference', `Référence en double : « ${reference} » (déjà utilisée ligne ${firstLine})`);
        else seen.set(key, row.line);
      }

      const object = row.text('object');
      if (object === '') row.error('object', 'Objet manquant');
      const awardeeName = row.text('awardeeName');
      if (awardeeName === '') row.error('awardeeName', 'Attributaire manquant');

      const procurementMethod = coded(row, 'procurementMethod', parseMethod, {
        missing: 'Mode de passation manquant',
        unknown: (text) => `Mode de passation inconnu : « ${text} » (attendu : appel d'offres ouvert, appel d'offres restreint, demande de cotation ou gré à gré)`,
      });
      const category = coded(row, 'category', parseCategory, {
        missing: 'Catégorie manquante',
        unknown: (text) => `Catégorie inconnue : « ${text} » (attendu : travaux, fournitures ou services)`,
      });
      // No status column, or a blank cell: a contract just awarded is in force.
      const statusText = row.text('status');
      const status = statusText === '' ? 'active' : parseStatus(normalizeKey(statusText));
      if (status === null) {
        row.error('status', `Statut inconnu : « ${statusText} » (attendu : en cours, en attente, terminé, résilié ou annulé)`);
      }

      const amount = parseAmountXof(row.cell('amount'));
      if (!amount.ok) row.error('amount', amount.message);
      else if (amount.value.startsWith('-')) row.error('amount', `Montant négatif refusé : « ${row.text('amount')} »`);

      const awardDate = parseFrenchDate(row.cell('awardDate'));
      if (!awardDate.ok) row.error('awardDate', awardDate.message === 'Date manquante' ? "Date d'attribution manquante" : awardDate.message);
      const startDate = optionalDate(row, 'startDate');
      const endDate = optionalDate(row, 'endDate');
      if (startDate && endDate && endDate < startDate) {
        row.error('endDate', `La date de fin (${row.text('endDate')}) précède la date de début (${row.text('startDate')})`);
      }

      if (!procurementMethod || !category || !status || !amount.ok || !awardDate.ok) return null;
      const identifier = row.text('awardeeIdentifier');
      const fundingSource = row.text('fundingSource');
      return {
        reference,
        object,
        procurementMethod,
        category,
        awardeeName,
        awardeeIdentifier: identifier === '' ? null : identifier,
        amount: amount.value,
        awardDate: awardDate.value,
        startDate,
        endDate,
        status,
        fundingSource: fundingSource === '' ? null : fundingSource,
      };
    },
  });
}

/** Reads a required coded column (mode, catégorie) through its mapping, recording an error if needed. */
function coded<T>(
  row: RowReader<ContractField>,
  key: ContractField,
  parse: (normalized: string) => T | null,
  messages: { missing: string; unknown: (text: string) => string },
): T | null {
  const text = row.text(key);
  if (text === '') {
    row.error(key, messages.missing);
    return null;
  }
  const value = parse(normalizeKey(text));
  if (value === null) row.error(key, messages.unknown(text));
  return value;
}

function optionalDate(row: RowReader<ContractField>, key: 'startDate' | 'endDate'): string | null {
  if (row.cell(key) === null) return null;
  const date = parseFrenchDate(row.cell(key));
  if (date.ok) return date.value;
  row.error(key, date.message);
  return null;
}

/** True when `phrase` appears in `text` as whole words (both normalized). */
function hasWords(text: string, ...phrases: string[]): boolean {
  return phrases.some((phrase) => ` ${text} `.includes(` ${phrase} `));
}

/**
 * French names of procurement methods (Code des marchés publics du Bénin) to OCDS codes. Checked
 * from the most specific: "consultation restreinte" is selective, a plain "consultation" limited.
 */
export function parseMethod(text: string): ProcurementMethod | null {
  if (hasWords(text, 'gre a gre', 'entente directe', 'direct')) return 'direct';
  if (hasWords(text, 'restreint', 'restreinte', 'aor', 'selective')) return 'selective';
  if (hasWords(text, 'cotation', 'consultation', 'demande de prix', 'demande de renseignements et de prix', 'drp', 'limited')) return 'limited';
  if (hasWords(text, 'appel d offres', 'appel d offre', 'ao', 'aoo', 'aoi', 'aon', 'ouvert', 'open')) return 'open';
  return null;
}

/** Travaux, fournitures, services (prestations intellectuelles included) to OCDS categories. */
export function parseCategory(text: string): ProcurementCategory | null {
  const first = text.split(' ')[0];
  if (['travaux', 'works'].includes(first)) return 'works';
  if (['fourniture', 'fournitures', 'biens', 'equipement', 'equipements', 'goods'].includes(first)) return 'goods';
  if (['service', 'services', 'prestation', 'prestations'].includes(first)) return 'services';
  return null;
}

const STATUS_WORDS: readonly [string, ContractStatus][] = [
  ['en attente', 'pending'],
  ['non demarre', 'pending'],
  ['pending', 'pending'],
  ['en cours', 'active'],
  ['en execution', 'active'],
  ['actif', 'active'],
  ['active', 'active'],
  ['attribue', 'active'],
  ['signe', 'active'],
  ['demarre', 'active'],
  // OCDS "terminated": the contract has come to a close, by completion or early termination.
  ['resilie', 'terminated'],
  ['termine', 'terminated'],
  ['acheve', 'terminated'],
  ['receptionne', 'terminated'],
  ['reception', 'terminated'],
  ['clos', 'terminated'],
  ['cloture', 'terminated'],
  ['terminated', 'terminated'],
  ['annule', 'cancelled'],
  ['cancelled', 'cancelled'],
];

/** Statut as written ("En cours", "Résilié pour faute", "Achevé") to its OCDS code. */
export function parseStatus(text: string): ContractStatus | null {
  const found = STATUS_WORDS.find(([words]) => text === words || text.startsWith(`${words} `));
  return found ? found[1] : null;
}
