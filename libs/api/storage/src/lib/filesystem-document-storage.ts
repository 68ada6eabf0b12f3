import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ByteMeter } from './byte-meter';
import {
  assertDownloadUrlOptions,
  assertListPrefix,
  assertObjectKey,
  assertPutOptions,
  DocumentStorage,
  type DownloadUrlOptions,
  ObjectNotFoundError,
  type ObjectKey,
  type ObjectStat,
  ObjectTooLargeError,
  parseObjectKey,
  type PutObjectOptions,
  type StoredObject,
} from './document-storage';

const DEFAULT_CONTENT_TYPE = 'application/octet-stream';

interface Sidecar {
  contentType: string;
}

/**
 * Documents as files under one root folder (the embedded default, `.data/documents`). The key is
 * the relative path. Next to each object `name`, a dot-file `.name.meta.json` keeps its content
 * type; keys never start with a dot, so neither it nor the temporary files can clash with a key.
 */
export class FilesystemDocumentStorage extends DocumentStorage {
  readonly root: string;

  constructor(root: string) {
    super();
    this.root = resolve(root);
  }

  async put(key: ObjectKey, body: Readable, options: PutObjectOptions): Promise<StoredObject> {
    // pipeline() below reports the body's errors, but it is attached only once the destination
    // is ready: until then an error (client gone) must not go unhandled and crash the process.
    body.on('error', ignore);
    let target: string;
    try {
      assertObjectKey(key);
      assertPutOptions(options);
      target = this.pathFor(key);
      // Refuse before reading a byte when the announced size is already over the limit.
      if (options.maxBytes !== undefined && options.size > options.maxBytes) {
        throw new ObjectTooLargeError(options.maxBytes);
      }
    } catch (error) {
      body.destroy();
      throw error;
    }

    const directory = dirname(target);
    // Temporary files live in the object's own folder so that rename() is atomic (same file
    // system) and readers see either nothing or the whole object, never half of it.
    const nonce = randomUUID();
    const temporary = join(directory, `.${basename(target)}.${nonce}.tmp`);
    const temporarySidecar = join(directory, `.${basename(target)}.${nonce}.meta.tmp`);
    const meter = new ByteMeter(options.size, options.maxBytes);
    try {
      await mkdir(directory, { recursive: true });
      // `flush`: fsync before close, so that a crash cannot leave a truncated "complete" file.
      await pipeline(body, meter, createWriteStream(temporary, { flags: 'wx', flush: true }));
      // Sidecar first: an object is never visible without its content type.
      await writeFile(temporarySidecar, JSON.stringify({ contentType: options.contentType } satisfies Sidecar), { flag: 'wx' });
      await rename(temporarySidecar, sidecarPath(target));
      await rename(temporary, target);
    } catch (error) {
      body.destroy();
      await Promise.all([rm(temporary, { force: true }), rm(temporarySidecar, { force: true })]);
      throw error;
    }
    return { key, size: meter.bytes, sha256: meter.sha256, contentType: options.contentType };
  }

  async get(key: ObjectKey): Promise<Readable> {
    assertObjectKey(key);
    const file = await open(this.pathFor(key), 'r').catch((error: unknown) => {
      throw isMissing(error) ? new ObjectNotFoundError(key) : error;
    });
    // A folder at that path (because of a longer key) is not an object, as in S3.
    if (!(await file.stat()).isFile()) {
      await file.close();
      throw new ObjectNotFoundError(key);
    }
    return file.createReadStream();
  }

  async stat(key: ObjectKey): Promise<ObjectStat | null> {
    assertObjectKey(key);
    const target = this.pathFor(key);
    const stats = await stat(target).catch((error: unknown) => {
      if (isMissing(error)) return null;
      throw error;
    });
    if (stats === null || !stats.isFile()) return null;
    return { size: stats.size, contentType: await readContentType(target) };
  }

  async delete(key: ObjectKey): Promise<void> {
    assertObjectKey(key);
    const target = this.pathFor(key);
    // Object first: a sidecar without its object is invisible, the reverse would not be.
    await removeFile(target);
    await removeFile(sidecarPath(target));
  }

  async *list(prefix: string): AsyncIterable<ObjectKey> {
    assertListPrefix(prefix);
    // Walk from the deepest folder the prefix names, then filter: S3 prefixes may end mid-name.
    const folderKey = prefix.slice(0, prefix.lastIndexOf('/') + 1);
    yield* this.walk(this.pathFor(folderKey.slice(0, -1)), folderKey, prefix);
  }

  async downloadUrl(key: ObjectKey, options: DownloadUrlOptions): Promise<string | null> {
    assertObjectKey(key);
    assertDownloadUrlOptions(options);
    return null; // no server to sign for: the API streams get() itself
  }

  private async *walk(directory: string, folderKey: string, prefix: string): AsyncIterable<ObjectKey> {
    const entries = await readdir(directory, { withFileTypes: true }).catch((error: unknown) => {
      if (isMissing(error)) return [];
      throw error;
    });
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.name.startsWith('.')) continue; // temporary files and sidecars
      if (entry.isDirectory()) {
        const childKey = `${folderKey}${entry.name}/`;
        if (childKey.startsWith(prefix) || prefix.startsWith(childKey)) {
          yield* this.walk(join(directory, entry.name), childKey, prefix);
        }
      } else if (entry.isFile()) {
        const key = `${folderKey}${entry.name}`;
        if (key.startsWith(prefix)) {
          const parsed = tryParseObjectKey(key);
          if (parsed !== null) yield parsed; // a stray file with an impossible key is not ours
        }
      }
    }
  }

  /** Never lets a key out of the root, even if key validation were ever loosened. */
  private pathFor(key: string): string {
    const path = resolve(this.root, ...key.split('/'));
    if (!path.startsWith(this.root + sep)) {
      throw new Error(`Object key ${JSON.stringify(key)} resolves outside the storage root.`);
    }
    return path;
  }
}

function sidecarPath(objectPath: string): string {
  return join(dirname(objectPath), `.${basename(objectPath)}.meta.json`);
}

async function readContentType(objectPath: string): Promise<string> {
  try {
    const sidecar: Partial<Sidecar> = JSON.parse(await readFile(sidecarPath(objectPath), 'utf8'));
    return typeof sidecar.contentType === 'string' ? sidecar.contentType : DEFAULT_CONTENT_TYPE;
  } catch (error) {
    if (isMissing(error)) return DEFAULT_CONTENT_TYPE;
    throw error;
  }
}

async function removeFile(path: string): Promise<void> {
  await unlink(path).catch((error: unknown) => {
    // EISDIR: a folder stands where the key would be, so there is no object to remove.
    if (!isMissing(error) && errorCode(error) !== 'EISDIR') throw error;
  });
}

function tryParseObjectKey(key: string): ObjectKey | null {
  try {
    return parseObjectKey(key);
  } catch {
    return null;
  }
}

function isMissing(error: unknown): boolean {
  const code = errorCode(error);
  return code === 'ENOENT' || code === 'ENOTDIR';
}

function errorCode(error: unknown): string | undefined {
  // Duck-typed, not `instanceof Error`: errors from Node's core may come from another realm (Jest).
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

function ignore(): void {
  // see put()
}
