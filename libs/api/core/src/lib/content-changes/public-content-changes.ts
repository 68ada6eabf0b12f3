import { Injectable } from '@nestjs/common';

/**
 * Tells whoever keeps copies of public pages (the cache of server-rendered pages, in
 * libs/api/bootstrap) that what they show changed outside a request: background work, such as
 * search indexing, that the write's own answer did not wait for. Writes through the API are
 * seen without this (every successful non-GET request clears that cache).
 */
@Injectable()
export class PublicContentChanges {
  private readonly listeners = new Set<() => void>();

  /** Calls `listener` on every change; returns how to stop. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** What the public may see has changed. */
  notify(): void {
    for (const listener of this.listeners) listener();
  }
}
