import { performance } from 'node:perf_hooks';
import iconv from 'iconv-lite';
import { hashPassword } from '@communes/api-core';
import { parseBudgetFile } from '@communes/api-imports';
import { apiEnvironment, log, login, percentile, startApiProcess, withBenchDatabase } from './harness';

/**
 * Benchmark of a 50,000-line budget import: lines per second of the parser alone (UTF-8 and
 * Windows-1252 CSV), then of the whole path over HTTP (upload + preview, then the
 * all-or-nothing commit) against the real API and PostgreSQL.
 */

const LINES = 50_000;
const PARSE_RUNS = 5;
const HTTP_RUNS = 3;
const COMMUNE = 'cotonou';
const EDITOR_EMAIL = 'editeur.imports@bench.communes.local';
const PASSWORD = 'bench-password-123';

/** A budget file as a commune's finance office exports it: `;`, French headers, spaced amounts. */
function budgetCsv(lines: number): string {
  const rows = ['Section;Sens;Compte;Libellé;Montant (FCFA)'];
  const labels = ['Taxe foncière unique', 'Taxe sur les marchés', 'Entretien des pistes rurales', 'Salaires du personnel communal', 'Construction de modules de classes', 'Éclairage public'];
  for (let i = 0; i < lines; i += 1) {
    const section = i % 3 === 0 ? 'Investissement' : 'Fonctionnement';
    const direction = i % 2 === 0 ? 'Recette' : 'Dépense';
    const amount = (1_000_000 + ((i * 7919) % 90_000_000)).toLocaleString('fr-FR').replace(/\u202f/g, ' ');
    rows.push(`${section};${direction};${700000 + i};${labels[i % labels.length]} n° ${i + 1};${amount}`);
  }
  return rows.join('\r\n') + '\r\n';
}

export async function imports(): Promise<number> {
  const csv = budgetCsv(LINES);
  const files = { 'UTF-8': Buffer.from(csv, 'utf8'), 'Windows-1252': iconv.encode(csv, 'win1252') };
  for (const [encoding, bytes] of Object.entries(files)) {
    const times: number[] = [];
    for (let run = 0; run < PARSE_RUNS + 1; run += 1) {
      const started = performance.now();
      const result = await parseBudgetFile({ bytes, fileName: 'budget-2025.csv' });
      const elapsed = performance.now() - started;
      if (result.rows.length !== LINES || result.errors.length > 0) throw new Error(`parser returned ${result.rows.length} rows, ${result.errors.length} errors`);
      if (run > 0) times.push(elapsed); // the first run warms the JIT
    }
    times.sort((a, b) => a - b);
    const median = percentile(times, 50);
    log(`parse ${LINES} lines, ${encoding} CSV (${(bytes.length / 1024 / 1024).toFixed(1)} MB): median ${median.toFixed(0)} ms → ${Math.round(LINES / (median / 1000)).toLocaleString('en')} lines/s`);
  }

  return withBenchDatabase(async ({ appUrl, db, cleanup }) => {
    const user = await db.query<{ id: string }>(
      `insert into users (email, password_hash, display_name) values ($1, $2, 'Point focal (bench imports)') returning id`,
      [EDITOR_EMAIL, await hashPassword(PASSWORD)],
    );
    await db.query(`insert into memberships (commune_id, user_id, role) select id, $2, 'editor' from communes where slug = $1`, [COMMUNE, user.rows[0].id]);
    const api = await startApiProcess(apiEnvironment(appUrl, { BACKGROUND_JOBS_INTERVAL_MS: '0' }), cleanup);
    const token = await login(api.baseUrl, EDITOR_EMAIL, PASSWORD);
    const bytes = files['UTF-8'];
    const previews: number[] = [];
    const commits: number[] = [];
    for (let run = 0; run < HTTP_RUNS; run += 1) {
      const form = new FormData();
      form.append('file', new Blob([bytes], { type: 'text/csv' }), 'budget-2025.csv');
      let started = performance.now();
      const preview = await fetch(`${api.baseUrl}/communes/${COMMUNE}/budgets/imports?fiscalYear=${2000 + run}&stage=primitif`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        body: form,
      });
      const previewBody = (await preview.json()) as { importId?: string; validLines?: number };
      previews.push(performance.now() - started);
      if (preview.status !== 201 || !previewBody.importId || previewBody.validLines !== LINES) {
        throw new Error(`preview answered ${preview.status}: ${JSON.stringify(previewBody).slice(0, 300)}`);
      }
      started = performance.now();
      const commit = await fetch(`${api.baseUrl}/communes/${COMMUNE}/budgets/imports/${previewBody.importId}/commit`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
      });
      commits.push(performance.now() - started);
      if (commit.status !== 201 && commit.status !== 200) throw new Error(`commit answered ${commit.status}: ${(await commit.text()).slice(0, 300)}`);
      log(`run ${run + 1}: upload + preview ${previews[run].toFixed(0)} ms, commit ${commits[run].toFixed(0)} ms`);
    }
    const lines = await db.query<{ n: number }>(`select count(*)::int as n from budget_lines`);
    const totalMedian = percentile([...previews.map((p, i) => p + commits[i])].sort((a, b) => a - b), 50);
    log(`HTTP import of ${LINES} lines (${lines.rows[0].n} lines stored over ${HTTP_RUNS} runs): median preview ${percentile([...previews].sort((a, b) => a - b), 50).toFixed(0)} ms, commit ${percentile([...commits].sort((a, b) => a - b), 50).toFixed(0)} ms → ${Math.round(LINES / (totalMedian / 1000)).toLocaleString('en')} lines/s end to end`);
    return 0;
  });
}
