// Brotli and gzip copies of the built web app's text files (dist/apps/web/browser), made once at
// build time at the highest quality; the API serves them to browsers that accept them
// (@fastify/static preCompressed). About a quarter of the bytes on a slow mobile connection.
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const root = join(import.meta.dirname, '../../../dist/apps/web/browser');
const TEXT = /\.(js|css|html|json|svg|webmanifest|txt)$/;
const MIN_BYTES = 1024;

let before = 0;
let after = 0;
for (const entry of await readdir(root, { recursive: true })) {
  const path = join(root, entry);
  if (!TEXT.test(path) || (await stat(path)).size < MIN_BYTES) continue;
  const bytes = await readFile(path);
  const br = await promisify(brotliCompress)(bytes, {
    params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
  });
  await writeFile(`${path}.br`, br);
  await writeFile(`${path}.gz`, await promisify(gzip)(bytes, { level: constants.Z_BEST_COMPRESSION }));
  before += bytes.length;
  after += br.length;
}
console.log(`compressed copies: ${Math.round(before / 1024)} kB → ${Math.round(after / 1024)} kB with brotli`);
