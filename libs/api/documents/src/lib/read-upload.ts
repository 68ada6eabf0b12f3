import type { Readable } from 'node:stream';
import { UploadTooLargeError } from './upload-spool';

export { UploadTooLargeError };

/**
 * Reads a small upload (an import file, parsed whole) into memory, stopping as soon as it passes
 * `maxBytes`; a stream the multipart parser cut at its own limit (`truncated`) is too large too.
 * Documents themselves are never read into memory: they are spooled (upload-spool.ts).
 */
export async function readUpload(stream: Readable & { truncated?: boolean }, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    size += bytes.length;
    if (size > maxBytes) {
      stream.destroy();
      throw new UploadTooLargeError(maxBytes);
    }
    chunks.push(bytes);
  }
  if (stream.truncated) throw new UploadTooLargeError(maxBytes);
  return Buffer.concat(chunks);
}
