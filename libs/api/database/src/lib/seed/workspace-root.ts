import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The monorepo root (where nx.json is), found from the current directory upwards. */
export function findWorkspaceRoot(from = process.cwd()): string {
  let dir = from;
  while (!existsSync(join(dir, 'nx.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`No nx.json above ${from}: run from inside the repository.`);
    dir = parent;
  }
  return dir;
}
