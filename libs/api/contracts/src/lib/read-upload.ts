import type { Readable } from 'node:stream';

export class UploadTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`The file is larger than ${maxBytes} bytes.`);
  }
}

/**
 * Reads an upload into memory, up to `maxBytes` (an import is parsed whole anyway). Stops as soon
 * as the limit is passed; a stream the multipart parser cut at its own limit (`truncated`)
 * counts as too large too.
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
