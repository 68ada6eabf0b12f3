import type {
  CommuneDocument,
  DocumentCategory,
} from '@communes/web-data-access';

/** The order categories are shown in: budget cycle first, then plans, then acts. */
export const DOCUMENT_CATEGORIES: readonly DocumentCategory[] = [
  'budget_primitif',
  'budget_collectif',
  'compte_administratif',
  'compte_de_gestion',
  'plan_developpement_communal',
  'plan_annuel_investissement',
  'plan_travail_annuel',
  'plan_passation_marches',
  'deliberation',
  'proces_verbal_session',
  'arrete',
  'rapport_reddition_comptes',
  'autre',
];

export interface YearGroup {
  /** Null for documents without a fiscal year. */
  year: number | null;
  documents: CommuneDocument[];
}

export interface CategoryGroup {
  category: DocumentCategory;
  years: YearGroup[];
}

/** Public documents (published or withdrawn) by category, then year (newest first). */
export function groupDocuments(
  documents: readonly CommuneDocument[],
): CategoryGroup[] {
  const visible = documents.filter((d) => d.state !== 'draft');
  return DOCUMENT_CATEGORIES.map((category) => {
    const inCategory = visible.filter((d) => d.category === category);
    const years = [...new Set(inCategory.map((d) => d.fiscalYear))].sort(
      (a, b) => (b ?? -1) - (a ?? -1),
    );
    return {
      category,
      years: years.map((year) => ({
        year,
        documents: inCategory
          .filter((d) => d.fiscalYear === year)
          .sort((a, b) => a.title.localeCompare(b.title, 'fr')),
      })),
    };
  }).filter((group) => group.years.length > 0);
}

/** File size for people: "350 Ko", "2,4 Mo" (decimal comma in French via the locale). */
export function fileSize(
  bytes: string | number,
  locale: string,
): { unit: 'kb' | 'mb'; value: string } {
  const size = Number(bytes);
  const format = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  if (size < 1024 * 1024) {
    return {
      unit: 'kb',
      value: format.format(Math.max(1, Math.round(size / 1024))),
    };
  }
  return { unit: 'mb', value: format.format(size / (1024 * 1024)) };
}
