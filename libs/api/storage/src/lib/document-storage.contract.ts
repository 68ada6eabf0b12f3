/// <reference types="jest" />
// Jest globals rather than an import of '@jest/globals': that package throws when loaded outside
// Jest, and this file is reachable from the library's index (it only *defines* tests when called).
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import {
  contentDisposition,
  type DocumentStorage,
  InvalidObjectKeyError,
  ObjectNotFoundError,
  type ObjectKey,
  objectKeyFor,
  objectKeyPrefixFor,
  ObjectSizeMismatchError,
  ObjectTooLargeError,
} from './document-storage';

export interface DocumentStorageUnderTest {
  storage: DocumentStorage;
  /** Stops whatever the factory started and removes what it created. */
  cleanup(): Promise<void>;
}

const MiB = 1024 * 1024;

/**
 * The behaviour every `DocumentStorage` adapter must have. Each adapter's spec calls this with a
 * factory; the factory runs once for the suite, and every test works under fresh commune ids,
 * so the suite can also run against a shared, real bucket.
 */
export function describeDocumentStorageContract(name: string, factory: () => Promise<DocumentStorageUnderTest>): void {
  describe(`${name}: DocumentStorage contract`, () => {
    let subject: DocumentStorageUnderTest | undefined;
    const storage = (): DocumentStorage => {
      if (subject === undefined) throw new Error('the storage factory failed');
      return subject.storage;
    };

    beforeAll(async () => {
      subject = await factory();
    }, 20_000);

    afterAll(async () => {
      await subject?.cleanup();
    }, 20_000);

    it('stores the bytes as streamed and reports their size and sha256', async () => {
      const key = objectKeyFor(randomUUID(), 'documents', randomUUID(), 'budget.pdf');
      const chunks = [randomBytes(100_000), randomBytes(1), randomBytes(200_000)];
      const bytes = Buffer.concat(chunks);

      const stored = await storage().put(key, Readable.from(chunks), { size: bytes.length, contentType: 'application/pdf' });

      expect(stored).toEqual({ key, size: bytes.length, sha256: sha256(bytes), contentType: 'application/pdf' });
      expect(await readAll(await storage().get(key))).toEqual(bytes);
    });

    it('stores an empty object', async () => {
      const key = objectKeyFor(randomUUID(), 'empty.txt');
      const stored = await storage().put(key, Readable.from([]), { size: 0, contentType: 'text/plain' });
      expect(stored.sha256).toBe(sha256(Buffer.alloc(0)));
      expect(await storage().stat(key)).toEqual({ size: 0, contentType: 'text/plain' });
    });

    it('keeps the content type', async () => {
      const key = objectKeyFor(randomUUID(), 'imports', 'budget.xlsx');
      const contentType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
      await storage().put(key, Readable.from([Buffer.from('xlsx')]), { size: 4, contentType });
      expect(await storage().stat(key)).toEqual({ size: 4, contentType });
    });

    it('replaces an object written again under the same key', async () => {
      const key = objectKeyFor(randomUUID(), 'logo.png');
      await storage().put(key, Readable.from([Buffer.from('first')]), { size: 5, contentType: 'image/png' });
      await storage().put(key, Readable.from([Buffer.from('second')]), { size: 6, contentType: 'image/webp' });
      expect((await readAll(await storage().get(key))).toString()).toBe('second');
      expect(await storage().stat(key)).toEqual({ size: 6, contentType: 'image/webp' });
    });

    // These bodies are refused before a byte reaches an S3 server: s3rver, the test double, keeps
    // aborted uploads as truncated objects (S3 and MinIO do not), which no adapter can undo reliably.
    it('refuses a body shorter than announced and leaves nothing behind', async () => {
      const communeId = randomUUID();
      const key = objectKeyFor(communeId, 'short.pdf');
      await expect(storage().put(key, Readable.from([Buffer.from('12345')]), { size: 10, contentType: 'application/pdf' })).rejects.toBeInstanceOf(
        ObjectSizeMismatchError,
      );
      await expectNothingUnder(storage(), communeId, key);
    });

    it('refuses a body longer than announced and leaves nothing behind', async () => {
      const communeId = randomUUID();
      const key = objectKeyFor(communeId, 'long.pdf');
      const body = Readable.from([Buffer.alloc(6, 1), Buffer.alloc(6, 2)]);
      await expect(storage().put(key, body, { size: 10, contentType: 'application/pdf' })).rejects.toBeInstanceOf(ObjectSizeMismatchError);
      await expectNothingUnder(storage(), communeId, key);
    });

    it('refuses an announced size over maxBytes without reading the body', async () => {
      const communeId = randomUUID();
      const key = objectKeyFor(communeId, 'huge.pdf');
      const body = Readable.from(endless());
      const error = await storage()
        .put(key, body, { size: 20 * MiB, contentType: 'application/pdf', maxBytes: 10 * MiB })
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ObjectTooLargeError);
      expect(error).toMatchObject({ maxBytes: 10 * MiB, code: 'storage.object_too_large' });
      expect(body.destroyed).toBe(true);
      await expectNothingUnder(storage(), communeId, key);
    });

    it('refuses a body that streams past maxBytes, whatever size was announced', async () => {
      const communeId = randomUUID();
      const key = objectKeyFor(communeId, 'liar.pdf');
      const body = Readable.from(endless());
      await expect(storage().put(key, body, { size: 10, contentType: 'application/pdf', maxBytes: 1000 })).rejects.toBeInstanceOf(ObjectTooLargeError);
      expect(body.destroyed).toBe(true);
      await expectNothingUnder(storage(), communeId, key);
    });

    it('reports a missing object', async () => {
      const key = objectKeyFor(randomUUID(), 'missing.pdf');
      await expect(storage().get(key)).rejects.toBeInstanceOf(ObjectNotFoundError);
      expect(await storage().stat(key)).toBeNull();
    });

    it('deletes, and deleting again or deleting a missing object is not an error', async () => {
      const key = objectKeyFor(randomUUID(), 'to-delete.pdf');
      await storage().put(key, Readable.from([Buffer.from('bye')]), { size: 3, contentType: 'application/pdf' });

      await storage().delete(key);
      await storage().delete(key);
      await storage().delete(objectKeyFor(randomUUID(), 'never-stored.pdf'));

      expect(await storage().stat(key)).toBeNull();
      await expect(storage().get(key)).rejects.toBeInstanceOf(ObjectNotFoundError);
    });

    it("lists a commune's keys by prefix and never another commune's", async () => {
      const [mine, theirs] = [randomUUID(), randomUUID()];
      const keys = [
        objectKeyFor(mine, 'documents', 'a', 'v1.pdf'),
        objectKeyFor(mine, 'documents', 'b', 'v1.pdf'),
        objectKeyFor(mine, 'imports', 'budget.csv'),
        objectKeyFor(theirs, 'documents', 'a', 'v1.pdf'),
      ];
      for (const key of keys) {
        await storage().put(key, Readable.from([Buffer.from('x')]), { size: 1, contentType: 'text/plain' });
      }

      expect(await listAll(storage(), objectKeyPrefixFor(mine))).toEqual(keys.slice(0, 3).sort());
      expect(await listAll(storage(), objectKeyPrefixFor(mine, 'documents'))).toEqual(keys.slice(0, 2).sort());
      // A prefix may stop in the middle of a name, as in S3.
      expect(await listAll(storage(), `communes/${mine}/imp`)).toEqual([keys[2]]);
      expect(await listAll(storage(), objectKeyPrefixFor(randomUUID()))).toEqual([]);
    });

    it('streams a 50 MB object in and out without holding it in memory', async () => {
      const key = objectKeyFor(randomUUID(), 'documents', 'big.bin');
      const chunk = randomBytes(64 * 1024);
      const count = 800; // 800 × 64 KiB = 50 MiB
      const expected = createHash('sha256');
      for (let i = 0; i < count; i++) expected.update(chunk);

      // Warm up first, so that loading and compiling code on first use does not count.
      const warmUp = objectKeyFor(randomUUID(), 'warm-up.bin');
      await storage().put(warmUp, Readable.from([chunk, chunk]), { size: 2 * chunk.length, contentType: 'application/octet-stream' });
      await readAll(await storage().get(warmUp));
      await storage().delete(warmUp);

      // The generator hands out the same chunk again and again, so any growth is the adapter's.
      const baseline = process.memoryUsage.rss();
      let peak = baseline;
      async function* generate(): AsyncGenerator<Buffer> {
        for (let i = 0; i < count; i++) {
          peak = Math.max(peak, process.memoryUsage.rss());
          yield chunk;
        }
      }
      const stored = await storage().put(key, Readable.from(generate()), { size: count * chunk.length, contentType: 'application/octet-stream' });
      expect(stored.sha256).toBe(expected.digest('hex'));

      const readBack = createHash('sha256');
      let size = 0;
      for await (const data of (await storage().get(key)) as AsyncIterable<Buffer>) {
        readBack.update(data);
        size += data.length;
        peak = Math.max(peak, process.memoryUsage.rss());
      }
      expect(size).toBe(50 * MiB);
      expect(readBack.digest('hex')).toBe(stored.sha256);
      expect(peak - baseline).toBeLessThan(40 * MiB);
      await storage().delete(key);
    }, 30_000);

    it('refuses unsafe keys loudly', async () => {
      const communeId = randomUUID();
      expect(() => objectKeyFor('not-a-uuid', 'a.pdf')).toThrow(InvalidObjectKeyError);
      expect(() => objectKeyFor('', 'a.pdf')).toThrow(InvalidObjectKeyError);
      for (const part of ['..', '.', '', 'a/b', '.hidden', 'a\\b', 'é.pdf', 'a b.pdf', '%2e%2e']) {
        expect(() => objectKeyFor(communeId, part)).toThrow(InvalidObjectKeyError);
      }
      expect(() => objectKeyFor(communeId)).toThrow(InvalidObjectKeyError);
      expect(objectKeyFor(communeId.toUpperCase(), 'documents', 'v1.pdf')).toBe(`communes/${communeId}/documents/v1.pdf`);

      // A forged key (e.g. a tampered database value) is refused by the adapter itself.
      for (const forged of [`communes/${communeId}/../../../etc/passwd`, '../outside.pdf', `/communes/${communeId}/a.pdf`, 'a.pdf']) {
        const key = forged as ObjectKey;
        const body = Readable.from([Buffer.from('x')]);
        await expect(storage().put(key, body, { size: 1, contentType: 'text/plain' })).rejects.toBeInstanceOf(InvalidObjectKeyError);
        await expect(storage().get(key)).rejects.toBeInstanceOf(InvalidObjectKeyError);
        await expect(storage().stat(key)).rejects.toBeInstanceOf(InvalidObjectKeyError);
        await expect(storage().delete(key)).rejects.toBeInstanceOf(InvalidObjectKeyError);
      }
      for (const prefix of ['', '/', '../', 'communes', `communes/${communeId}/../`]) {
        await expect(listAll(storage(), prefix)).rejects.toBeInstanceOf(InvalidObjectKeyError);
      }
    });

    it('gives either no download URL or one that serves the bytes as an attachment', async () => {
      const key = objectKeyFor(randomUUID(), 'documents', 'pta-2025.pdf');
      const bytes = randomBytes(10_000);
      await storage().put(key, Readable.from([bytes]), { size: bytes.length, contentType: 'application/pdf' });
      const fileName = 'Plan de travail annuel 2025 – Abomey-Calavi (version "finale").pdf';

      const url = await storage().downloadUrl(key, { expiresInSeconds: 60, fileName });
      if (url === null) return; // the adapter has no URLs: the API streams get() instead

      const response = await fetch(url);
      expect(response.status).toBe(200);
      expect(Buffer.from(await response.arrayBuffer())).toEqual(bytes);
      expect(response.headers.get('content-disposition')).toBe(contentDisposition(fileName));
    });
  });
}

async function expectNothingUnder(storage: DocumentStorage, communeId: string, key: ObjectKey): Promise<void> {
  expect(await storage.stat(key)).toBeNull();
  expect(await listAll(storage, objectKeyPrefixFor(communeId))).toEqual([]);
}

async function listAll(storage: DocumentStorage, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  for await (const key of storage.list(prefix)) keys.push(key);
  return keys.sort();
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A body that never ends: only a storage that stops reading can get past it. */
async function* endless(): AsyncGenerator<Buffer> {
  const chunk = Buffer.alloc(64 * 1024, 7);
  for (;;) yield chunk;
}
