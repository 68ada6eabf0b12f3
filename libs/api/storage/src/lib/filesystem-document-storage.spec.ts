import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { describeDocumentStorageContract } from './document-storage.contract';
import { type ObjectKey, objectKeyFor, ObjectSizeMismatchError } from './document-storage';
import { FilesystemDocumentStorage } from './filesystem-document-storage';

async function newRoot(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'communes-storage-'));
}

describeDocumentStorageContract('FilesystemDocumentStorage', async () => {
  const root = await newRoot();
  return { storage: new FilesystemDocumentStorage(root), cleanup: () => rm(root, { recursive: true, force: true }) };
});

describe('FilesystemDocumentStorage', () => {
  let root: string;
  let storage: FilesystemDocumentStorage;

  beforeEach(async () => {
    root = await newRoot();
    storage = new FilesystemDocumentStorage(join(root, 'documents'));
  });

  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('lays objects out by key under the root, with a content-type sidecar', async () => {
    const communeId = randomUUID();
    const key = objectKeyFor(communeId, 'documents', 'v1.pdf');
    await storage.put(key, Readable.from([Buffer.from('%PDF')]), { size: 4, contentType: 'application/pdf' });

    const folder = join(root, 'documents', 'communes', communeId, 'documents');
    expect((await readdir(folder)).sort()).toEqual(['.v1.pdf.meta.json', 'v1.pdf']);
    expect(JSON.parse(await readFile(join(folder, '.v1.pdf.meta.json'), 'utf8'))).toEqual({ contentType: 'application/pdf' });

    await storage.delete(key);
    expect(await readdir(folder)).toEqual([]);
  });

  it('shows nothing until the object is complete, then all of it', async () => {
    const key = objectKeyFor(randomUUID(), 'slow.pdf');
    const body = new PassThrough();
    const putting = storage.put(key, body, { size: 6, contentType: 'application/pdf' });

    body.write('abc');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await storage.stat(key)).toBeNull();

    body.end('def');
    await putting;
    expect(await storage.stat(key)).toEqual({ size: 6, contentType: 'application/pdf' });
  });

  it('removes its temporary files when a put fails', async () => {
    const communeId = randomUUID();
    const key = objectKeyFor(communeId, 'documents', 'short.pdf');
    const body = new PassThrough();
    const putting = storage.put(key, body, { size: 100, contentType: 'application/pdf' });
    body.end('only a few bytes');

    await expect(putting).rejects.toBeInstanceOf(ObjectSizeMismatchError);
    expect(await readdir(join(root, 'documents', 'communes', communeId, 'documents'))).toEqual([]);
  });

  it('fails cleanly when the stream itself fails', async () => {
    const communeId = randomUUID();
    const key = objectKeyFor(communeId, 'broken.pdf');
    const body = new PassThrough();
    const putting = storage.put(key, body, { size: 100, contentType: 'application/pdf' });
    body.write('partial');
    body.destroy(new Error('client went away'));

    await expect(putting).rejects.toThrow('client went away');
    expect(await readdir(join(root, 'documents', 'communes', communeId))).toEqual([]);
  });

  it('never resolves a key outside its root, even a forged one', async () => {
    const forged = 'communes/../../escape.txt' as ObjectKey;
    await expect(storage.put(forged, Readable.from([Buffer.from('x')]), { size: 1, contentType: 'text/plain' })).rejects.toThrow();
    expect(await readdir(root)).toEqual([]);
  });

  it('has no download URLs: the API streams the file itself', async () => {
    const key = objectKeyFor(randomUUID(), 'a.pdf');
    await expect(storage.downloadUrl(key, { expiresInSeconds: 60, fileName: 'a.pdf' })).resolves.toBeNull();
    await expect(storage.downloadUrl(key, { expiresInSeconds: 0, fileName: 'a.pdf' })).rejects.toThrow(RangeError);
  });

  it('lists nothing for a commune that has no folder yet', async () => {
    const keys: string[] = [];
    for await (const key of storage.list('communes/')) keys.push(key);
    expect(keys).toEqual([]);
  });
});
