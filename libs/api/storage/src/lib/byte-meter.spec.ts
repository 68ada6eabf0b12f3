import { createHash } from 'node:crypto';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ByteMeter } from './byte-meter';
import { ObjectSizeMismatchError, ObjectTooLargeError } from './document-storage';

/** Runs chunks through a meter and returns what reached the destination, and the outcome. */
async function meter(chunks: string[], expectedBytes: number, maxBytes?: number): Promise<{ forwarded: string; error?: unknown; meter: ByteMeter }> {
  const byteMeter = new ByteMeter(expectedBytes, maxBytes);
  let forwarded = '';
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      forwarded += chunk.toString();
      callback();
    },
  });
  try {
    await pipeline(Readable.from(chunks.map((chunk) => Buffer.from(chunk))), byteMeter, destination);
    return { forwarded, meter: byteMeter };
  } catch (error) {
    return { forwarded, error, meter: byteMeter };
  }
}

describe('ByteMeter', () => {
  it('passes a valid body through, counted and hashed', async () => {
    const { forwarded, error, meter: result } = await meter(['ab', 'cd', 'e'], 5, 5);
    expect(error).toBeUndefined();
    expect(forwarded).toBe('abcde');
    expect(result.bytes).toBe(5);
    expect(result.sha256).toBe(createHash('sha256').update('abcde').digest('hex'));
  });

  // The destination must never get all the announced bytes of a wrong body: an S3 PUT with
  // the full Content-Length would complete and store it.
  it('never forwards the announced bytes of a body that turns out longer', async () => {
    const { forwarded, error } = await meter(['abc', 'de', 'f'], 5);
    expect(error).toBeInstanceOf(ObjectSizeMismatchError);
    expect(forwarded.length).toBeLessThan(5);
  });

  it('refuses a short body at its end', async () => {
    const { forwarded, error } = await meter(['ab', 'c'], 5);
    expect(error).toBeInstanceOf(ObjectSizeMismatchError);
    expect(error).toMatchObject({ expectedBytes: 5, actualBytes: 3 });
    expect(forwarded.length).toBeLessThan(3);
  });

  it('refuses a body past maxBytes before the size check', async () => {
    const { error } = await meter(['abcdefgh'], 2, 4);
    expect(error).toBeInstanceOf(ObjectTooLargeError);
  });

  it('has no hash until the body is complete', () => {
    expect(() => new ByteMeter(1, undefined).sha256).toThrow(/not been fully read/);
  });
});
