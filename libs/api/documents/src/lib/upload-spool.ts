import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export class UploadTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`The file is larger than ${maxBytes} bytes.`);
  }
}

export interface SpooledUpload {
  path: string;
  size: number;
  sha256: string;
  /** The first bytes, to tell the file's type. */
  head: Buffer;
  remove(): Promise<void>;
}

const HEAD_BYTES = 4100;

/**
 * Streams an upload to a temporary file, counting, hashing and keeping its first bytes on the
 * way: memory stays flat whatever the size, the type can be checked before anything is
 * stored, and the storage then receives an object of known size. Past `maxBytes` the upload is
 * cut and the temporary file removed.
 */
export async function spoolUpload(source: Readable, maxBytes: number): Promise<SpooledUpload> {
  const path = join(tmpdir(), `communes-upload-${randomUUID()}`);
  const hash = createHash('sha256');
  const headChunks: Buffer[] = [];
  let headLength = 0;
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.length;
      if (size > maxBytes) {
        callback(new UploadTooLargeError(maxBytes));
        return;
      }
      hash.update(chunk);
      if (headLength < HEAD_BYTES) {
        headChunks.push(chunk.subarray(0, HEAD_BYTES - headLength));
        headLength += Math.min(chunk.length, HEAD_BYTES - headLength);
      }
      callback(null, chunk);
    },
  });
  const remove = () => rm(path, { force: true });
  try {
    await pipeline(source, meter, createWriteStream(path, { mode: 0o600 }));
  } catch (error) {
    await remove();
    throw error;
  }
  return { path, size, sha256: hash.digest('hex'), head: Buffer.concat(headChunks), remove };
}
