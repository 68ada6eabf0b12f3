import { type ChildProcess, fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describeDocumentStorageContract } from './document-storage.contract';
import { type ObjectKey, objectKeyFor, type PutObjectOptions, type StoredObject } from './document-storage';
import { type S3DocumentStorageOptions, S3DocumentStorage } from './s3-document-storage';
import { readStorageConfig } from './storage-config';

/**
 * s3rver on 127.0.0.1 and a free port, data in a fresh temporary folder. In a child process,
 * so that the contract's memory check measures the adapter, not the server's buffers.
 */
async function startS3rver(): Promise<{ options: S3DocumentStorageOptions; stop(): Promise<void> }> {
  const directory = await mkdtemp(join(tmpdir(), 'communes-s3rver-'));
  const child = fork(join(__dirname, '..', 'testing', 's3rver-process.cjs'), [directory], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const stop = async (): Promise<void> => {
    await stopProcess(child);
    await rm(directory, { recursive: true, force: true });
  };
  try {
    const port = await listeningPort(child);
    return {
      // s3rver checks signatures, against these fixed credentials.
      options: { endPoint: '127.0.0.1', port, useSSL: false, accessKey: 'S3RVER', secretKey: 'S3RVER', bucket: 'communes-documents-test', region: 'us-east-1' },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

function listeningPort(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`s3rver exited before listening (exit code ${code})`)));
    child.once('message', (message: unknown) => {
      const port = typeof message === 'object' && message !== null && 'port' in message ? message.port : undefined;
      if (typeof port === 'number') resolve(port);
      else reject(new Error(`unexpected message from s3rver: ${JSON.stringify(message)}`));
    });
  });
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  await exited;
}

describeDocumentStorageContract('S3DocumentStorage on s3rver', async () => {
  const server = await startS3rver();
  const storage = new S3DocumentStorage(server.options);
  await storage.ensureBucket();
  return { storage, cleanup: server.stop };
});

describe('S3DocumentStorage on s3rver', () => {
  let server: Awaited<ReturnType<typeof startS3rver>>;

  beforeAll(async () => {
    server = await startS3rver();
  });

  afterAll(async () => {
    await server.stop();
  });

  it('creates its bucket once, and again is a no-op', async () => {
    const storage = new S3DocumentStorage({ ...server.options, bucket: 'ensure-bucket-test' });
    await storage.ensureBucket();
    await storage.ensureBucket();
    expect(await storage.client.bucketExists('ensure-bucket-test')).toBe(true);
  });

  it('signs download URLs that carry the Content-Disposition', async () => {
    const storage = new S3DocumentStorage(server.options);
    await storage.ensureBucket();
    const url = await storage.downloadUrl(objectKeyFor(randomUUID(), 'a.pdf'), { expiresInSeconds: 300, fileName: 'Délibération n°12.pdf' });
    expect(url).toEqual(expect.any(String));
    const query = new URL(url ?? '').searchParams;
    expect(query.get('response-content-disposition')).toBe(`attachment; filename="Deliberation n_12.pdf"; filename*=UTF-8''D%C3%A9lib%C3%A9ration%20n%C2%B012.pdf`);
    expect(query.get('X-Amz-Expires')).toBe('300');
  });

  it("reports the server's refusal of an upload", async () => {
    const storage = new S3DocumentStorage({ ...server.options, bucket: 'no-such-bucket' });
    const body = Readable.from([Buffer.from('hello')]);
    await expect(storage.put(objectKeyFor(randomUUID(), 'a.txt'), body, { size: 5, contentType: 'text/plain' })).rejects.toThrow(
      /HTTP 404 NoSuchBucket/,
    );
    expect(body.destroyed).toBe(true);
  });
});

// The same contract against a real MinIO (or any S3), when one is reachable, e.g.
//   S3_TEST_ENDPOINT=http://127.0.0.1:9000 S3_TEST_ACCESS_KEY=minioadmin S3_TEST_SECRET_KEY=minioadmin nx test api-storage
const realEndpoint = process.env['S3_TEST_ENDPOINT'];
if (realEndpoint) {
  describeDocumentStorageContract(`S3DocumentStorage on ${realEndpoint}`, async () => {
    const config = readStorageConfig({
      STORAGE_DRIVER: 's3',
      S3_ENDPOINT: realEndpoint,
      S3_ACCESS_KEY: process.env['S3_TEST_ACCESS_KEY'],
      S3_SECRET_KEY: process.env['S3_TEST_SECRET_KEY'],
      S3_BUCKET: process.env['S3_TEST_BUCKET'] || 'communes-documents-test',
      S3_REGION: process.env['S3_TEST_REGION'],
    });
    if (config.driver !== 's3') throw new Error('expected an S3 configuration');
    const storage = new RecordingS3DocumentStorage(config);
    await storage.ensureBucket();
    // A real bucket may be shared: remove exactly what the suite wrote, nothing else.
    return { storage, cleanup: () => Promise.all([...storage.written].map((key) => storage.delete(key))).then(() => undefined) };
  });
} else {
  describe.skip('S3DocumentStorage on a real MinIO: skipped, set S3_TEST_ENDPOINT, S3_TEST_ACCESS_KEY and S3_TEST_SECRET_KEY to run it', () => {
    it('passes the DocumentStorage contract', () => undefined);
  });
}

class RecordingS3DocumentStorage extends S3DocumentStorage {
  readonly written = new Set<ObjectKey>();

  override put(key: ObjectKey, body: Readable, options: PutObjectOptions): Promise<StoredObject> {
    this.written.add(key);
    return super.put(key, body, options);
  }
}
