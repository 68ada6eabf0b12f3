import type { Readable } from 'node:stream';

export class UploadTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`The file is larger than ${maxBytes} bytes.`);
  }
}

/**
 * Reads an upload into memory, refusing it as soon as it passes `maxBytes`. Budget tables are
 * small (a few hundred lines; 50,000 lines are about 4 MB), and the parser needs the whole file.
 */
export async function readUpload(stream: Readable, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
      size += buffer.length;
      if (size > maxBytes) throw new UploadTooLargeError(maxBytes);
      chunks.push(buffer);
    }
  } catch (error) {
    stream.destroy();
    // The multipart plugin has its own limit (the documents' one): past it, the same answer.
    if (error instanceof UploadTooLargeError || isPluginLimit(error)) {
      throw new UploadTooLargeError(maxBytes);
    }
    throw error;
  }
  return Buffer.concat(chunks, size);
}

function isPluginLimit(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'FST_REQ_FILE_TOO_LARGE';
}
