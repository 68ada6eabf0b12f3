import 'reflect-metadata';
import { serveApi } from './harness';
import { imports } from './imports';
import { live } from './live';
import { pages } from './pages';
import { registry } from './registry';
import { search } from './search';
import { upload } from './upload';

/**
 * Benchmarks against a real PostgreSQL (embedded, thrown away) and the real API; traffic goes to
 * 127.0.0.1 only. See tools/bench/README.md.
 *
 *   node dist/tools/bench/main.js [registry|search|upload|imports|live|pages]   (registry by default)
 *
 * `serve` is internal: the API child process started by the search and upload benchmarks.
 */
const COMMANDS: Record<string, () => Promise<number>> = { registry, search, upload, imports, live, pages };

const command = process.argv[2] ?? 'registry';
if (command === 'serve') {
  serveApi().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
} else if (!(command in COMMANDS)) {
  console.error(`Unknown benchmark "${command}". Usage: node dist/tools/bench/main.js [${Object.keys(COMMANDS).join('|')}]`);
  process.exit(2);
} else {
  COMMANDS[command]().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
