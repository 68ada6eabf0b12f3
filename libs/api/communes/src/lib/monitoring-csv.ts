import { DOCUMENT_CATEGORY_LABELS_FR, EXPECTED_PUBLICATIONS, type CommuneStatus, type PublicationsMonitoring } from '@communes/shared-contracts';

const STATUS_FR: Readonly<Record<CommuneStatus, string>> = {
  not_onboarded: 'non intégrée',
  onboarding: 'en intégration',
  active: 'active',
  suspended: 'suspendue',
};

/**
 * The publication summary as CSV for Excel as the ministry uses it (French locale): a UTF-8 byte
 * order mark (without it Excel reads UTF-8 as Windows-1252 and "Missérété" breaks), semicolons
 * (the list separator of French Excel), CRLF line ends, dates as YYYY-MM-DD. Cells that a
 * spreadsheet would run as a formula are prefixed with an apostrophe.
 */
export function publicationsCsv(data: PublicationsMonitoring): string {
  // Headers from the reference year, not from the first line, so that an empty export still has them.
  const publicationHeaders = EXPECTED_PUBLICATIONS.map(
    (p) => `${DOCUMENT_CATEGORY_LABELS_FR[p.category]} ${data.fiscalYear + p.yearOffset}${p.expected ? '' : ' (pas encore exigible)'}`,
  );
  const contractHeaders = [data.previousFiscalYear, data.fiscalYear].map((year) => `Marchés publiés ${year}`);
  const header = ['Rang', 'Commune', 'Département', 'Statut', `Score (sur ${data.scoring.maxScore})`, ...publicationHeaders, ...contractHeaders, 'Dernière publication', 'Jours depuis la dernière publication'];
  const lines = data.communes.map((c) => [
    String(c.rank),
    c.name,
    c.department,
    STATUS_FR[c.status],
    String(c.score),
    ...c.publications.map((p) => (p.published ? `oui (${p.firstPublishedAt?.slice(0, 10)})` : 'non')),
    ...c.contracts.map((k) => String(k.published)),
    c.lastPublishedAt?.slice(0, 10) ?? '',
    c.daysSinceLastPublication === null ? '' : String(c.daysSinceLastPublication),
  ]);
  const footer = [[], [`Exercice de référence : ${data.fiscalYear}. Généré le ${data.generatedAt.slice(0, 10)}. Formule : ${data.scoring.formulaFr}`]];
  return '\uFEFF' + [header, ...lines, ...footer].map((cells) => cells.map(cell).join(';')).join('\r\n') + '\r\n';
}

function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
