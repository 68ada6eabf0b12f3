import { Readable } from 'node:stream';
import { readUpload, UploadTooLargeError } from './read-upload';

describe('readUpload', () => {
  it('reads every chunk', async () => {
    expect((await readUpload(Readable.from([Buffer.from('Section;'), Buffer.from('Sens')]), 100)).toString()).toBe('Section;Sens');
  });

  it('accepts exactly the limit and refuses one byte more, without reading the rest', async () => {
    expect(await readUpload(Readable.from([Buffer.alloc(10)]), 10)).toHaveLength(10);
    let pulled = 0;
    const endless = new Readable({
      read() {
        pulled += 1;
        this.push(Buffer.alloc(4));
      },
    });
    await expect(readUpload(endless, 10)).rejects.toBeInstanceOf(UploadTooLargeError);
    expect(pulled).toBeLessThan(10);
    expect(endless.destroyed).toBe(true);
  });

  it('reports the multipart plugin’s own limit as too large', async () => {
    const failing = new Readable({
      read() {
        this.destroy(Object.assign(new Error('request file too large'), { code: 'FST_REQ_FILE_TOO_LARGE' }));
      },
    });
    await expect(readUpload(failing, 10)).rejects.toBeInstanceOf(UploadTooLargeError);
  });
});
