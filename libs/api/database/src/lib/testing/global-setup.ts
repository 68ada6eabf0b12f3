import { join } from 'node:path';
import { register } from 'tsconfig-paths';
import { findWorkspaceRoot } from '../seed/workspace-root';

/**
 * Jest loads global setup outside its module map, so `@communes/*` aliases are resolved here
 * from tsconfig.base.json before the helpers that use them are loaded.
 */
export default async function globalSetup(): Promise<void> {
  const root = findWorkspaceRoot();
  const { compilerOptions } = (await import(join(root, 'tsconfig.base.json'))) as {
    compilerOptions: { paths: Record<string, string[]> };
  };
  register({ baseUrl: root, paths: compilerOptions.paths });
  const { startTestPostgres } = await import('./test-postgres');
  await startTestPostgres();
}
