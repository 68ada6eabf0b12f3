import { Readable } from 'node:stream';
import { readUpload, UploadTooLargeError } from './read-upload';

describe('readUpload', () => {
  it('reads every chunk', async () => {
    const bytes = await readUpload(Readable.from([Buffer.from('Référence;'), Buffer.from('Objet\n')]), 100);
    expect(bytes.toString('utf-8')).toBe('Référence;Objet\n');
  });

  it('accepts exactly the limit and refuses one byte more', async () => {
    await expect(readUpload(Readable.from([Buffer.alloc(10)]), 10)).resolves.toHaveLength(10);
    await expect(readUpload(Readable.from([Buffer.alloc(6), Buffer.alloc(5)]), 10)).rejects.toBeInstanceOf(UploadTooLargeError);
  });

  it('refuses a stream the multipart parser truncated', async () => {
    const stream = Object.assign(Readable.from([Buffer.alloc(3)]), { truncated: true });
    await expect(readUpload(stream, 10)).rejects.toBeInstanceOf(UploadTooLargeError);
  });
});
