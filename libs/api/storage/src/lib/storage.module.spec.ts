import { Test } from '@nestjs/testing';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DocumentStorage } from './document-storage';
import { FilesystemDocumentStorage } from './filesystem-document-storage';
import { StorageModule } from './storage.module';

describe('StorageModule', () => {
  it('provides the file system adapter', async () => {
    const root = await mkdtemp(join(tmpdir(), 'communes-storage-module-'));
    try {
      const moduleRef = await Test.createTestingModule({ imports: [StorageModule.register({ driver: 'filesystem', root })] }).compile();
      const storage = moduleRef.get(DocumentStorage);
      expect(storage).toBeInstanceOf(FilesystemDocumentStorage);
      expect((storage as FilesystemDocumentStorage).root).toBe(root);
      await moduleRef.close();
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('stops the start with a clear message when S3 cannot be reached', async () => {
    const port = await closedPort();
    const module = StorageModule.register({
      driver: 's3',
      endPoint: '127.0.0.1',
      port,
      useSSL: false,
      accessKey: 'key',
      secretKey: 'secret',
      bucket: 'communes-documents',
      region: 'us-east-1',
    });
    await expect(Test.createTestingModule({ imports: [module] }).compile()).rejects.toThrow(
      `Document storage: cannot use bucket "communes-documents" at http://127.0.0.1:${port}`,
    );
  });
});

/** A port nothing listens on: bind to a free one, then release it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}
