import { mkdir } from 'node:fs/promises';
import { ARTIFACTS_DIR, STACK_URL_ENV, startStack, type RunningStack } from './stack';

const handleKey = Symbol.for('communes.web-e2e-stack');

/** One stack for the whole run (tests run in band, so they share this process's environment). */
export default async function globalSetup(): Promise<void> {
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  const stack = await startStack();
  process.env[STACK_URL_ENV] = stack.url;
  (globalThis as Record<symbol, RunningStack>)[handleKey] = stack;
}
