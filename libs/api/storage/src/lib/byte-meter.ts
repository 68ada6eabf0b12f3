import { createHash, type Hash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { ObjectSizeMismatchError, ObjectTooLargeError } from './document-storage';

/**
 * A pass-through stream that both adapters put between the caller's body and the destination:
 * it hashes and counts the bytes as they flow, and fails the pipeline as soon as the body is
 * longer than announced or than allowed, and at its end if it is shorter.
 *
 * It holds back the latest chunk until the next one (or the end) shows the body is still valid,
 * so the destination never receives all the announced bytes of a body that turns out to be
 * wrong: an S3 PUT then stays incomplete and the server stores nothing. Memory cost: one chunk.
 */
export class ByteMeter extends Transform {
  private readonly hash: Hash = createHash('sha256');
  private count = 0;
  private held: Buffer | undefined;
  private digest: string | undefined;

  constructor(
    private readonly expectedBytes: number,
    private readonly maxBytes: number | undefined,
  ) {
    super();
  }

  get bytes(): number {
    return this.count;
  }

  /** Lowercase hex sha256; only once the whole body went through. */
  get sha256(): string {
    if (this.digest === undefined) {
      throw new Error('ByteMeter: the body has not been fully read.');
    }
    return this.digest;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.count += chunk.length;
    if (this.maxBytes !== undefined && this.count > this.maxBytes) {
      callback(new ObjectTooLargeError(this.maxBytes));
      return;
    }
    if (this.count > this.expectedBytes) {
      callback(new ObjectSizeMismatchError(this.expectedBytes, this.count));
      return;
    }
    this.hash.update(chunk);
    const previous = this.held;
    this.held = chunk;
    callback(null, previous);
  }

  override _flush(callback: TransformCallback): void {
    if (this.count !== this.expectedBytes) {
      callback(new ObjectSizeMismatchError(this.expectedBytes, this.count));
      return;
    }
    this.digest = this.hash.digest('hex');
    callback(null, this.held);
  }
}
