/**
 * @jest-environment node
 */
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';

/**
 * The committed client (src/lib/generated) must be exactly what ng-openapi-gen makes from the
 * committed openapi.json with the committed ng-openapi-gen.json: nobody edits it by hand, and
 * nobody changes the document or the options without regenerating (`npm run openapi`).
 * The API side (openapi.json still matches the API) is checked by apps/api-e2e/src/openapi.spec.ts.
 */
const LIBRARY_ROOT = join(__dirname, '..');
const WORKSPACE_ROOT = join(LIBRARY_ROOT, '..', '..', '..');
const CONFIG = join(LIBRARY_ROOT, 'ng-openapi-gen.json');
const RERUN =
  'the generated client differs from what ng-openapi-gen makes of openapi.json: run npm run openapi and commit';

interface GeneratorOptions {
  input: string;
  output: string;
  [option: string]: unknown;
}

/** The generator's command-line entry point, found from its package.json `bin`. */
function generatorBin(): string {
  const manifestPath = require.resolve('ng-openapi-gen/package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    bin: string | Record<string, string>;
  };
  const bin =
    typeof manifest.bin === 'string'
      ? manifest.bin
      : manifest.bin['ng-openapi-gen'];
  return join(dirname(manifestPath), bin);
}

/** Relative path (with `/`) → content, for every file under `root`. */
function readTree(root: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(root, {
    recursive: true,
    withFileTypes: true,
  })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(
      relative(root, path).split(sep).join('/'),
      readFileSync(path, 'utf8'),
    );
  }
  return files;
}

describe('generated API client', () => {
  let temp: string;

  beforeAll(() => {
    temp = mkdtempSync(join(tmpdir(), 'communes-api-client-'));
  });
  afterAll(() => rmSync(temp, { recursive: true, force: true }));

  it('is what ng-openapi-gen makes of the committed openapi.json', () => {
    const options = JSON.parse(
      readFileSync(CONFIG, 'utf8'),
    ) as GeneratorOptions;
    const committedDir = join(WORKSPACE_ROOT, options.output);
    const freshDir = join(temp, 'generated');
    // Same options as `npm run openapi`; only the paths change (absolute input, throwaway output).
    const config = join(temp, 'ng-openapi-gen.json');
    writeFileSync(
      config,
      JSON.stringify({
        ...options,
        $schema: undefined,
        input: join(WORKSPACE_ROOT, options.input),
        output: freshDir,
      }),
    );

    // A bad configuration makes the CLI print to stderr and still exit 0: check what it wrote too.
    const run = spawnSync(
      process.execPath,
      [generatorBin(), '--config', config],
      {
        cwd: WORKSPACE_ROOT,
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    if (
      run.error ||
      run.status !== 0 ||
      run.stderr.trim() !== '' ||
      !existsSync(join(freshDir, 'index.ts'))
    ) {
      throw new Error(
        `ng-openapi-gen failed on ${options.input} (exit ${String(run.status)}): ${run.error?.message ?? ''}${run.stderr}${run.stdout}`,
      );
    }
    if (!existsSync(committedDir)) {
      throw new Error(`${options.output} does not exist: ${RERUN}`);
    }

    const fresh = readTree(freshDir);
    const committed = readTree(committedDir);
    const changes = [
      ...[...fresh.keys()]
        .filter((file) => !committed.has(file))
        .map((file) => `missing: ${file}`),
      ...[...committed.keys()]
        .filter((file) => !fresh.has(file))
        .map((file) => `not generated (stale or hand-written): ${file}`),
      ...[...fresh.keys()]
        .filter(
          (file) =>
            committed.has(file) && committed.get(file) !== fresh.get(file),
        )
        .map((file) => `changed: ${file}`),
    ].sort();
    if (changes.length > 0) {
      throw new Error(`${RERUN}.\n  ${changes.join('\n  ')}`);
    }
    expect(committed.size).toBeGreaterThan(0);
  });
});
