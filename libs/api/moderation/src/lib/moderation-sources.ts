import type { ModeratedContentKind, ModeratedContentSource } from '@communes/shared-contracts';

/** The features' contents known to moderation, one source per kind (see `ModeratedContentSource`). */
export class ModerationSources {
  private readonly byKind = new Map<ModeratedContentKind, ModeratedContentSource>();

  constructor(sources: readonly ModeratedContentSource[]) {
    for (const source of sources) {
      if (this.byKind.has(source.kind)) throw new Error(`Two moderation sources for ${source.kind}`);
      this.byKind.set(source.kind, source);
    }
  }

  get(kind: ModeratedContentKind): ModeratedContentSource {
    const source = this.byKind.get(kind);
    if (!source) throw new Error(`No moderation source for ${kind}`);
    return source;
  }

  all(): ModeratedContentSource[] {
    return [...this.byKind.values()];
  }
}
