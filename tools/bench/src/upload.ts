import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { hashPassword } from '@communes/api-core';
import { apiEnvironment, log, login, sleep, startApiProcess, withBenchDatabase } from './harness';

/**
 * Benchmark of a 500 MiB document upload through the real endpoints: the API process's memory
 * must stay flat (the upload is streamed to a spool file, then to storage), and its throughput is
 * compared with writing the same bytes to a file with fs.createWriteStream in the same run.
 *
 * The API runs in a child process and its RSS is read from /proc/<pid>/status (VmRSS, and VmHWM,
 * the kernel's own peak): sampling process.memoryUsage() in-process would also count the load
 * generator's buffers and share its event loop, and could be late exactly when the API is busy.
 */

const MiB = 1024 * 1024;
const UPLOAD_BYTES = 500 * MiB;
const MAX_UPLOAD_BYTES = 600 * MiB;
const WARMUP_BYTES = 1 * MiB;
const SAMPLE_EVERY_MS = 100;
const IDLE_MS = 2_000;
const UPLOAD_RUNS = 3;
/** Generated on the fly from one reused chunk: the 500 MiB never exist in memory. */
const PDF_HEADER = Buffer.from('%PDF-1.7\n');
const FILLER = Buffer.alloc(MiB, '% benchmark filler line of a large scanned document\n');
const COMMUNE = 'cotonou';
const EDITOR_EMAIL = 'editeur@bench.communes.local';

interface Sample {
  /** performance.now() when the sample was taken. */
  at: number;
  rssKiB: number;
  /** Bytes under the API's TMPDIR (the spool file) and under the storage root. */
  spoolBytes: number;
  storedBytes: number;
}

interface UploadOutcome {
  status: number;
  body: string;
  /** performance.now() before the first byte was written. */
  startedAt: number;
  /** From the first byte written to the end of the response. */
  elapsedMs: number;
}

interface DiskWrite {
  flush: boolean;
  elapsedMs: number;
  size: number;
}

export function upload(): Promise<number> {
  return withBenchDatabase(async ({ appUrl, db, cleanup }) => {
    const work = await mkdtemp(join(tmpdir(), 'communes-bench-upload-'));
    cleanup.add('removing the upload folders', () => rm(work, { recursive: true, force: true }));
    const folders = { storage: join(work, 'storage'), spool: join(work, 'tmp'), disk: join(work, 'disk') };
    for (const folder of Object.values(folders)) await mkdir(folder);

    // An editor of a pilot commune, written as test-context.ts does (superuser, bypasses RLS).
    const password = randomBytes(12).toString('hex');
    const user = await db.query<{ id: string }>(
      `insert into users (email, password_hash, display_name) values ($1, $2, 'Point focal (bench)') returning id`,
      [EDITOR_EMAIL, await hashPassword(password)],
    );
    await db.query(`insert into memberships (commune_id, user_id, role) select id, $2, 'editor' from communes where slug = $1`, [
      COMMUNE,
      user.rows[0].id,
    ]);

    const api = await startApiProcess(
      apiEnvironment(appUrl, {
        MAX_UPLOAD_BYTES: String(MAX_UPLOAD_BYTES),
        STORAGE_DRIVER: 'filesystem',
        STORAGE_FS_ROOT: folders.storage,
        // os.tmpdir() of the API, where spoolUpload() writes: inside our folder, removed with it.
        TMPDIR: folders.spool,
      }),
      cleanup,
    );
    log(`API process ${api.pid} listening on ${api.baseUrl}; storage ${folders.storage}, spool ${folders.spool}`);
    const token = await login(api.baseUrl, EDITOR_EMAIL, password);
    const document = await createDocument(api.baseUrl, token);
    const versionsPath = `${new URL(api.baseUrl).pathname}/communes/${COMMUNE}/documents/${document}/versions`;
    const port = Number(new URL(api.baseUrl).port);

    // Warm-up: the first upload loads the multipart, spool and storage code paths.
    const warmup = await uploadFile(port, versionsPath, token, WARMUP_BYTES);
    if (warmup.status !== 201) throw new Error(`warm-up upload answered ${warmup.status}: ${warmup.body.slice(0, 300)}`);

    // Sampled all along, in this process: the API's RSS and the bytes in its spool and storage folders.
    const samples: Sample[] = [];
    const sampler = setInterval(() => {
      const at = performance.now();
      void Promise.all([readRssKiB(api.pid), folderBytes(folders.spool), folderBytes(folders.storage)]).then(
        ([rss, spool, stored]) => samples.push({ at, rssKiB: rss.rssKiB, spoolBytes: spool, storedBytes: stored }),
        () => undefined, // one sample missed (a file or the process gone while reading) is not an error
      );
    }, SAMPLE_EVERY_MS);
    const uploads: UploadOutcome[] = [];
    try {
      await sleep(IDLE_MS);
      // Several uploads, one after the other, as new versions: a leak would show as RSS climbing
      // from one to the next, a buffered body as growth in proportion to the size.
      for (let run = 1; run <= UPLOAD_RUNS; run++) {
        log(`upload ${run}/${UPLOAD_RUNS}: ${UPLOAD_BYTES} bytes (MAX_UPLOAD_BYTES ${MAX_UPLOAD_BYTES}) to POST ${versionsPath}`);
        const outcome = await uploadFile(port, versionsPath, token, UPLOAD_BYTES);
        log(`  answered ${outcome.status} after ${(outcome.elapsedMs / 1000).toFixed(2)} s`);
        if (outcome.status !== 201) throw new Error(`upload answered ${outcome.status}: ${outcome.body.slice(0, 300)}`);
        uploads.push(outcome);
        // Idle between and after uploads: a late rise (GC, buffers freed lazily) would show here.
        await sleep(IDLE_MS);
      }
    } finally {
      clearInterval(sampler);
    }
    await sleep(SAMPLE_EVERY_MS);
    const hwmKiB = (await readRssKiB(api.pid)).hwmKiB;

    // The same bytes, the same generator, to a file in this process: plain, and with fsync at
    // close as the file system storage adapter does (`flush: true`), alternately, several times.
    const disk: DiskWrite[] = [];
    for (let run = 0; run < UPLOAD_RUNS; run++) {
      for (const flush of [false, true]) {
        const target = join(folders.disk, `raw-${flush ? 'fsync' : 'plain'}.bin`);
        const started = performance.now();
        await pipeline(Readable.from(fileBytes(UPLOAD_BYTES)), createWriteStream(target, { flush }));
        disk.push({ flush, elapsedMs: performance.now() - started, size: (await stat(target)).size });
        await rm(target);
      }
    }

    // Integrity, after the timings: every stored version has the sha256 of the bytes generated.
    const expected = createHash('sha256');
    for await (const chunk of fileBytes(UPLOAD_BYTES)) expected.update(chunk);
    const digest = expected.digest('hex');
    const intact = uploads.every((outcome) => {
      const version = JSON.parse(outcome.body) as { sizeBytes: number | string; sha256: string };
      return Number(version.sizeBytes) === UPLOAD_BYTES && version.sha256 === digest;
    });

    printReport(samples, uploads, hwmKiB, disk, intact);
    return intact ? 0 : 1;
  });
}

async function createDocument(baseUrl: string, token: string): Promise<string> {
  const response = await fetch(`${baseUrl}/communes/${COMMUNE}/documents`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ category: 'autre', title: 'Archives numérisées du service technique (benchmark 500 MiB)' }),
  });
  const body = (await response.json()) as { id?: unknown };
  if (response.status !== 201 || typeof body.id !== 'string') {
    throw new Error(`POST /documents answered ${response.status}: ${JSON.stringify(body).slice(0, 300)}`);
  }
  return body.id;
}

/** The file's bytes: a PDF signature, then filler, chunk by chunk on demand. */
async function* fileBytes(size: number): AsyncGenerator<Buffer> {
  yield PDF_HEADER;
  for (let remaining = size - PDF_HEADER.length; remaining > 0; remaining -= FILLER.length) {
    yield remaining >= FILLER.length ? FILLER : FILLER.subarray(0, remaining);
  }
}

/** A multipart/form-data upload in the field `file`, streamed with its exact content-length. */
function uploadFile(port: number, path: string, token: string, size: number): Promise<UploadOutcome> {
  const boundary = `----communesbench${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="archives-numerisees.pdf"\r\n` +
      'Content-Type: application/pdf\r\n\r\n',
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  async function* body(): AsyncGenerator<Buffer> {
    yield head;
    yield* fileBytes(size);
    yield tail;
  }
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'content-length': String(head.length + size + tail.length),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            startedAt: started,
            elapsedMs: performance.now() - started,
          }),
        );
        response.on('error', reject);
      },
    );
    req.on('error', reject);
    pipeline(Readable.from(body()), req).catch(reject);
  });
}

/** VmRSS and VmHWM (peak resident set since the process started) of a process, in KiB. */
async function readRssKiB(pid: number): Promise<{ rssKiB: number; hwmKiB: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssKiB: field('VmRSS'), hwmKiB: field('VmHWM') };
}

/** Total size of the files under a folder (the spool file, the object being written). */
async function folderBytes(folder: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(folder, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    total += await stat(join(entry.parentPath, entry.name)).then(
      (s) => s.size,
      () => 0, // removed between readdir and stat (the spool file at the end)
    );
  }
  return total;
}

function printReport(samples: readonly Sample[], uploads: readonly UploadOutcome[], hwmKiB: number, disk: readonly DiskWrite[], intact: boolean): void {
  const sorted = [...samples].sort((a, b) => a.at - b.at);
  const mib = (kib: number) => (kib / 1024).toFixed(1);
  const seconds = (elapsedMs: number) => (elapsedMs / 1000).toFixed(2);
  const rate = (bytes: number, elapsedMs: number) => (bytes / MiB / (elapsedMs / 1000)).toFixed(0);
  const within = (from: number, to: number) => sorted.filter((s) => s.at >= from && s.at <= to);
  const first = uploads[0];
  const last = uploads[uploads.length - 1];
  const idle = sorted.filter((s) => s.at < first.startedAt).map((s) => s.rssKiB);
  const baseline = median(idle);
  const after = sorted.filter((s) => s.at > last.startedAt + last.elapsedMs).map((s) => s.rssKiB);
  // The warm-up's 1 MiB object is already in storage: the timeline counts what the uploads add.
  const storedBefore = Math.min(...sorted.map((s) => s.storedBytes));

  const uploadRows = uploads.map((outcome, index) => {
    const during = within(outcome.startedAt, outcome.startedAt + outcome.elapsedMs);
    const peak = Math.max(...during.map((s) => s.rssKiB));
    // When the spool file was complete: the body was received; the rest is the copy to storage.
    const spooled = during.find((s) => s.spoolBytes >= UPLOAD_BYTES);
    const receivedMs = spooled === undefined ? null : spooled.at - outcome.startedAt;
    return (
      `| ${index + 1} | ${seconds(outcome.elapsedMs)} | ${rate(UPLOAD_BYTES, outcome.elapsedMs)} | ` +
      `${receivedMs === null ? '–' : `${seconds(receivedMs)} (${rate(UPLOAD_BYTES, receivedMs)})`} | ` +
      `${receivedMs === null ? '–' : `${seconds(outcome.elapsedMs - receivedMs)} (${rate(UPLOAD_BYTES, outcome.elapsedMs - receivedMs)})`} | ` +
      `${mib(during[0]?.rssKiB ?? NaN)} | ${mib(peak)} | +${mib(peak - baseline)} |`
    );
  });
  const diskRows = [false, true].map((flush) => {
    const runs = disk.filter((d) => d.flush === flush).map((d) => d.size / MiB / (d.elapsedMs / 1000));
    const label = flush ? 'fs.createWriteStream, flush: true (fsync at close, as the storage adapter)' : 'fs.createWriteStream';
    return `| ${label} | ${runs.length} | ${median(runs).toFixed(0)} | ${Math.min(...runs).toFixed(0)}–${Math.max(...runs).toFixed(0)} |`;
  });
  const uploadRates = uploads.map((outcome) => UPLOAD_BYTES / MiB / (outcome.elapsedMs / 1000));

  console.log(
    [
      '',
      `### ${uploads.length} uploads of ${UPLOAD_BYTES / MiB} MiB (${UPLOAD_BYTES} bytes) to POST /api/v1/communes/${COMMUNE}/documents/:id/versions`,
      '',
      `API process RSS from /proc/<pid>/status (VmRSS every ${SAMPLE_EVERY_MS} ms, ${samples.length} samples). ` +
        `Idle before the first upload (after a 1 MiB warm-up upload): median ${mib(baseline)} MiB; ` +
        `idle after the last: median ${mib(median(after))} MiB; VmHWM (kernel peak since start) ${mib(hwmKiB)} MiB.`,
      '',
      '| upload | seconds | MiB/s | body received + spooled: s (MiB/s) | spool → storage + rows: s (MiB/s) | RSS at start MiB | RSS peak MiB | peak − idle MiB |',
      '|---:|---:|---:|---:|---:|---:|---:|---:|',
      ...uploadRows,
      '',
      `Upload median ${median(uploadRates).toFixed(0)} MiB/s. The same bytes written to a file by this process, same generator:`,
      '',
      '| write | runs | median MiB/s | min–max MiB/s |',
      '|---|---:|---:|---:|',
      ...diskRows,
      '',
      `Stored versions: ${intact ? 'size and sha256 match the bytes sent' : 'SIZE OR SHA256 DIFFER FROM THE BYTES SENT'}.`,
      '',
      'Timeline, one line a second (RSS of the API process; MiB in its spool folder and added to storage):',
      '',
      '```text',
      ...sorted
        .filter((_, index) => index % Math.round(1000 / SAMPLE_EVERY_MS) === 0)
        .map(
          (s) =>
            `${((s.at - first.startedAt) / 1000).toFixed(1).padStart(6)} s  rss ${mib(s.rssKiB).padStart(7)}  ` +
            `spool ${(s.spoolBytes / MiB).toFixed(0).padStart(4)}  stored ${((s.storedBytes - storedBefore) / MiB).toFixed(0).padStart(5)}`,
        ),
      '```',
    ].join('\n'),
  );
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
