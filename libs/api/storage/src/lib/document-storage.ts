import type { Readable } from 'node:stream';

/**
 * The document storage port. Features depend on this abstract class only; `StorageModule` binds
 * it to the file system adapter (embedded default) or the S3 adapter (production). An abstract
 * class rather than an interface so that it exists at run time and can be the injection token.
 *
 * Every adapter passes `describeDocumentStorageContract`, so callers can rely on what is written
 * here whatever the driver.
 */
export abstract class DocumentStorage {
  /**
   * Streams `body` into the object `key`, computing its sha256 and byte count on the way, with
   * memory use that does not depend on the object's size. The object becomes visible only once
   * it is complete. Refuses with `ObjectTooLargeError` past `maxBytes` and with
   * `ObjectSizeMismatchError` when the stream's length differs from `size`; a refused or failed
   * put leaves no object behind. `put` consumes `body`: on failure `body` is destroyed.
   */
  abstract put(key: ObjectKey, body: Readable, options: PutObjectOptions): Promise<StoredObject>;

  /** Streams the object's bytes. Throws `ObjectNotFoundError` when there is no such object. */
  abstract get(key: ObjectKey): Promise<Readable>;

  /** Size and content type, or `null` when there is no such object. */
  abstract stat(key: ObjectKey): Promise<ObjectStat | null>;

  /** Removes the object; removing a missing object is not an error. */
  abstract delete(key: ObjectKey): Promise<void>;

  /**
   * Every key starting with `prefix` (a plain string prefix, as in S3), in no particular order.
   * Meant for the orphan sweeper: `list(objectKeyPrefixFor(communeId))`.
   */
  abstract list(prefix: string): AsyncIterable<ObjectKey>;

  /**
   * A time-limited URL that downloads the object with `Content-Disposition: attachment` and
   * `fileName`, or `null` when the adapter cannot make one: the API then streams `get()` itself
   * (with `contentDisposition(fileName)`).
   */
  abstract downloadUrl(key: ObjectKey, options: DownloadUrlOptions): Promise<string | null>;
}

export interface PutObjectOptions {
  /** The number of bytes the caller announces (e.g. the upload's Content-Length); checked. */
  size: number;
  contentType: string;
  /** Refuse objects larger than this many bytes. */
  maxBytes?: number;
}

export interface StoredObject {
  key: ObjectKey;
  size: number;
  /** Lowercase hex sha256 of the bytes actually stored. */
  sha256: string;
  contentType: string;
}

export interface ObjectStat {
  size: number;
  contentType: string;
}

export interface DownloadUrlOptions {
  expiresInSeconds: number;
  /** The name the browser saves the file as; any Unicode, it is encoded for the header. */
  fileName: string;
}

// ---------------------------------------------------------------------------------------------
// Errors. Each has a stable `code` so the feature that calls the port can map it to a response
// (e.g. 413 for too large) without depending on the adapter.

export abstract class StorageError extends Error {
  abstract readonly code: string;

  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export class ObjectTooLargeError extends StorageError {
  readonly code = 'storage.object_too_large';

  constructor(readonly maxBytes: number) {
    super(`The file is larger than the limit of ${maxBytes} bytes.`);
  }
}

export class ObjectSizeMismatchError extends StorageError {
  readonly code = 'storage.size_mismatch';

  /** `actualBytes` is a lower bound when the stream was stopped for being too long. */
  constructor(
    readonly expectedBytes: number,
    readonly actualBytes: number,
  ) {
    super(
      actualBytes > expectedBytes
        ? `The upload announced ${expectedBytes} bytes but sent more.`
        : `The upload announced ${expectedBytes} bytes but sent ${actualBytes}.`,
    );
  }
}

export class ObjectNotFoundError extends StorageError {
  readonly code = 'storage.object_not_found';

  constructor(readonly key: string) {
    super(`No stored object at ${key}.`);
  }
}

export class InvalidObjectKeyError extends StorageError {
  readonly code = 'storage.invalid_key';
}

// ---------------------------------------------------------------------------------------------
// Object keys. Every key starts with the commune id (the tenancy rule "object keys carry the
// commune id"), and only ever contains safe segments, so that no caller input can reach another
// commune's objects or escape the file system root.

declare const objectKeyBrand: unique symbol;

/** `communes/<commune uuid>/<safe segments…>`; only `objectKeyFor` and `parseObjectKey` make one. */
export type ObjectKey = string & { readonly [objectKeyBrand]: true };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
// No leading dot: rules out "." and "..", and keeps dot-files free for the adapters' own
// temporary and metadata files.
const SAFE_SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;
const MAX_SEGMENT_LENGTH = 200; // below the usual 255-byte file name limit, with room for temp names
const MAX_KEY_LENGTH = 1024; // S3's limit
const ROOT = 'communes';

/** Builds the key of an object of one commune, e.g. `objectKeyFor(id, 'documents', docId, 'v1.pdf')`. */
export function objectKeyFor(communeId: string, ...parts: string[]): ObjectKey {
  if (parts.length === 0) {
    throw new InvalidObjectKeyError('An object key needs at least one part after the commune id.');
  }
  return checkedKey([ROOT, checkedCommuneId(communeId), ...parts.map(checkedSegment)].join('/'));
}

/** The prefix of a commune's keys (optionally narrowed by more segments), for `list()`. */
export function objectKeyPrefixFor(communeId: string, ...parts: string[]): string {
  return [ROOT, checkedCommuneId(communeId), ...parts.map(checkedSegment)].join('/') + '/';
}

/** Checks a key read back from the database (or anywhere outside this library). */
export function parseObjectKey(value: string): ObjectKey {
  const [root, communeId, ...parts] = value.split('/');
  if (root !== ROOT || communeId === undefined || parts.length === 0) {
    throw new InvalidObjectKeyError(`Not an object key: ${JSON.stringify(value)}.`);
  }
  if (!UUID.test(communeId)) {
    throw new InvalidObjectKeyError(`Not an object key (commune id): ${JSON.stringify(value)}.`);
  }
  parts.forEach(checkedSegment);
  return checkedKey(value);
}

/**
 * Checks a `list()` prefix: it must stay inside `communes/` and be made of safe characters. It may
 * end in the middle of a segment, as S3 prefixes can.
 */
export function assertListPrefix(prefix: string): void {
  const segments = prefix.split('/');
  const valid =
    segments[0] === ROOT &&
    segments.length >= 2 &&
    segments.every((segment, index) => index === segments.length - 1 ? /^[A-Za-z0-9._-]*$/.test(segment) : SAFE_SEGMENT.test(segment));
  if (!valid || segments.includes('..')) {
    throw new InvalidObjectKeyError(`Not a storage prefix: ${JSON.stringify(prefix)} (expected "communes/…").`);
  }
}

function checkedCommuneId(communeId: string): string {
  // Lowercased so that one commune always maps to one prefix (PostgreSQL prints uuids lowercase).
  const normalized = typeof communeId === 'string' ? communeId.toLowerCase() : '';
  if (!UUID.test(normalized)) {
    throw new InvalidObjectKeyError(`The commune id of an object key must be a UUID, got ${JSON.stringify(communeId)}.`);
  }
  return normalized;
}

function checkedSegment(part: string): string {
  if (typeof part !== 'string' || part.length > MAX_SEGMENT_LENGTH || !SAFE_SEGMENT.test(part)) {
    throw new InvalidObjectKeyError(
      `Unsafe object key part ${JSON.stringify(part)}: use 1-${MAX_SEGMENT_LENGTH} characters among A-Z a-z 0-9 . _ -, not starting with a dot.`,
    );
  }
  return part;
}

function checkedKey(key: string): ObjectKey {
  if (key.length > MAX_KEY_LENGTH) {
    throw new InvalidObjectKeyError(`Object key longer than ${MAX_KEY_LENGTH} characters.`);
  }
  return key as ObjectKey;
}

// ---------------------------------------------------------------------------------------------
// Checks shared by the adapters, so that both refuse the same inputs the same way.

/** Re-checks a key at the adapter boundary: the brand is only a compile-time promise. */
export function assertObjectKey(key: string): asserts key is ObjectKey {
  parseObjectKey(key);
}

export function assertPutOptions(options: PutObjectOptions): void {
  const { size, contentType, maxBytes } = options;
  if (!Number.isSafeInteger(size) || size < 0) {
    throw new RangeError(`size must be a non-negative integer, got ${size}.`);
  }
  if (maxBytes !== undefined && (!Number.isSafeInteger(maxBytes) || maxBytes < 0)) {
    throw new RangeError(`maxBytes must be a non-negative integer, got ${maxBytes}.`);
  }
  // A content type ends up in an HTTP header: refuse anything that could break it.
  if (typeof contentType !== 'string' || !/^[\x21-\x7e][\x20-\x7e]{0,254}$/.test(contentType)) {
    throw new RangeError(`contentType must be a printable ASCII media type, got ${JSON.stringify(contentType)}.`);
  }
}

export const MAX_DOWNLOAD_URL_SECONDS = 7 * 24 * 3600; // S3's limit for presigned URLs

export function assertDownloadUrlOptions(options: DownloadUrlOptions): void {
  const { expiresInSeconds, fileName } = options;
  if (!Number.isInteger(expiresInSeconds) || expiresInSeconds < 1 || expiresInSeconds > MAX_DOWNLOAD_URL_SECONDS) {
    throw new RangeError(`expiresInSeconds must be an integer between 1 and ${MAX_DOWNLOAD_URL_SECONDS}, got ${expiresInSeconds}.`);
  }
  if (typeof fileName !== 'string' || fileName.trim() === '') {
    throw new RangeError('fileName must not be empty.');
  }
}

/**
 * `Content-Disposition: attachment` for any file name (RFC 6266): an ASCII fallback for old
 * clients plus the exact UTF-8 name, so "Budget primitif 2024 – Abomey-Calavi.pdf" survives.
 * Used for presigned URLs and by the API when it streams a file itself.
 */
export function contentDisposition(fileName: string): string {
  // Path separators and control characters never belong in a saved file name.
  // eslint-disable-next-line no-control-regex
  const cleaned = fileName.replace(/[\u0000-\u001f\u007f/\\]/g, '_').trim() || 'document';
  const ascii = cleaned
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // é → e
    .replace(/[^\x20-\x7e]|["%]/g, '_');
  const encoded = encodeURIComponent(cleaned).replace(/['()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
