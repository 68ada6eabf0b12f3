import type { RunningStack } from './stack';

const handleKey = Symbol.for('communes.web-e2e-stack');

export default async function globalTeardown(): Promise<void> {
  await (globalThis as Record<symbol, RunningStack | undefined>)[handleKey]?.stop();
}
