import * as http from 'node:http';
import * as https from 'node:https';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Client, S3Error } from 'minio';
import { ByteMeter } from './byte-meter';
import {
  assertDownloadUrlOptions,
  assertListPrefix,
  assertObjectKey,
  assertPutOptions,
  contentDisposition,
  DocumentStorage,
  type DownloadUrlOptions,
  ObjectNotFoundError,
  type ObjectKey,
  type ObjectStat,
  ObjectTooLargeError,
  parseObjectKey,
  type PutObjectOptions,
  type StoredObject,
} from './document-storage';

export interface S3DocumentStorageOptions {
  /** Host name only, e.g. `minio` or `s3.eu-west-3.amazonaws.com`. */
  endPoint: string;
  port: number;
  useSSL: boolean;
  accessKey: string;
  secretKey: string;
  bucket: string;
  region: string;
}

/** How long the internal upload URL stays valid; the upload only has to *start* within it. */
const UPLOAD_URL_SECONDS = 15 * 60;

/**
 * Documents in an S3-compatible bucket (MinIO in production) through the `minio` client.
 *
 * Uploads are one streamed PUT with the announced Content-Length. Not `client.putObject()`:
 * in minio 8 it reads a stream of up to 64 MiB entirely into memory before sending it, and
 * switches to multipart above that (which s3rver cannot do: no ListMultipartUploads, and an
 * aborted multipart upload leaves parts behind). Instead the client signs a short-lived PUT URL
 * and the body is piped through the `ByteMeter` straight into the request, so memory stays flat
 * and an over-long or short body aborts the request: S3 and MinIO then store nothing.
 */
export class S3DocumentStorage extends DocumentStorage {
  readonly client: Client;
  readonly bucket: string;
  private readonly region: string;
  private readonly transport: typeof http | typeof https;

  constructor(options: S3DocumentStorageOptions) {
    super();
    this.client = new Client({
      endPoint: options.endPoint,
      port: options.port,
      useSSL: options.useSSL,
      accessKey: options.accessKey,
      secretKey: options.secretKey,
      // Known region: the client then never has to ask the server for the bucket's location.
      region: options.region,
      pathStyle: true,
    });
    this.bucket = options.bucket;
    this.region = options.region;
    this.transport = options.useSSL ? https : http;
  }

  /** Creates the bucket if it does not exist yet (run at start). */
  async ensureBucket(): Promise<void> {
    if (!(await this.client.bucketExists(this.bucket))) {
      try {
        await this.client.makeBucket(this.bucket, this.region);
      } catch (error) {
        // Another replica created it between our check and our call: that is fine.
        if (!(error instanceof S3Error && (error.code === 'BucketAlreadyOwnedByYou' || error.code === 'BucketAlreadyExists'))) {
          throw error;
        }
      }
    }
  }

  async put(key: ObjectKey, body: Readable, options: PutObjectOptions): Promise<StoredObject> {
    // pipeline() below reports the body's errors, but it is attached only once the destination
    // is ready: until then an error (client gone) must not go unhandled and crash the process.
    body.on('error', ignore);
    try {
      assertObjectKey(key);
      assertPutOptions(options);
      if (options.maxBytes !== undefined && options.size > options.maxBytes) {
        throw new ObjectTooLargeError(options.maxBytes);
      }
    } catch (error) {
      body.destroy();
      throw error;
    }

    // Thanks to the meter, a refused body never reaches the server complete, so S3 and MinIO
    // store nothing. But an object can still be written anyway: by a server that keeps aborted
    // uploads (s3rver writes in place), or when the connection fails after the last byte. So a
    // failed put deletes the key, if it was free before: never someone else's object.
    // (Documents use a fresh key per version, so two puts do not race on one key.)
    let existedBefore = true;
    let request: http.ClientRequest | undefined;
    const meter = new ByteMeter(options.size, options.maxBytes);
    try {
      existedBefore = (await this.stat(key)) !== null;
      const url = await this.client.presignedPutObject(this.bucket, key, UPLOAD_URL_SECONDS);
      const sending = this.transport.request(url, {
        method: 'PUT',
        headers: { 'Content-Length': options.size, 'Content-Type': options.contentType },
      });
      request = sending;
      const response = new Promise<http.IncomingMessage>((resolve, reject) => {
        sending.once('response', resolve);
        sending.once('error', reject);
      });
      // Both must succeed: the body fully sent (meter checks passed), and the server's 200.
      // If the server answers early with an error, the response check fails fast.
      await Promise.all([pipeline(body, meter, sending), response.then(checkUploadResponse)]);
    } catch (error) {
      body.destroy();
      request?.destroy();
      if (!existedBefore) {
        await this.client.removeObject(this.bucket, key).catch(() => undefined);
      }
      throw error;
    }
    return { key, size: meter.bytes, sha256: meter.sha256, contentType: options.contentType };
  }

  async get(key: ObjectKey): Promise<Readable> {
    assertObjectKey(key);
    try {
      return await this.client.getObject(this.bucket, key);
    } catch (error) {
      throw isNotFound(error) ? new ObjectNotFoundError(key) : error;
    }
  }

  async stat(key: ObjectKey): Promise<ObjectStat | null> {
    assertObjectKey(key);
    try {
      const stats = await this.client.statObject(this.bucket, key);
      const contentType: unknown = stats.metaData['content-type'];
      return { size: stats.size, contentType: typeof contentType === 'string' ? contentType : 'application/octet-stream' };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async delete(key: ObjectKey): Promise<void> {
    assertObjectKey(key);
    await this.client.removeObject(this.bucket, key); // S3 answers 204 for a missing key too
  }

  async *list(prefix: string): AsyncIterable<ObjectKey> {
    assertListPrefix(prefix);
    // The client's stream pages through ListObjectsV2 for us. Its declared item type is loose,
    // so each item is checked rather than cast.
    const items: AsyncIterable<unknown> = this.client.listObjectsV2(this.bucket, prefix, true);
    for await (const item of items) {
      if (typeof item === 'object' && item !== null && 'name' in item && typeof item.name === 'string') {
        yield parseObjectKey(item.name);
      }
    }
  }

  async downloadUrl(key: ObjectKey, options: DownloadUrlOptions): Promise<string | null> {
    assertObjectKey(key);
    assertDownloadUrlOptions(options);
    return this.client.presignedGetObject(this.bucket, key, options.expiresInSeconds, {
      'response-content-disposition': contentDisposition(options.fileName),
    });
  }
}

async function checkUploadResponse(response: http.IncomingMessage): Promise<void> {
  const status = response.statusCode ?? 0;
  if (status >= 200 && status < 300) {
    response.resume(); // nothing to read, but the socket must be freed
    return;
  }
  // S3 explains errors in a small XML document: keep its code and message for the logs.
  response.setEncoding('utf8');
  let text = '';
  for await (const chunk of response as AsyncIterable<string>) {
    text += chunk;
    if (text.length > 16_384) break;
  }
  const code = /<Code>([^<]*)<\/Code>/.exec(text)?.[1] ?? 'UnknownError';
  const message = /<Message>([^<]*)<\/Message>/.exec(text)?.[1] ?? text.slice(0, 200);
  throw new Error(`Object storage refused the upload (HTTP ${status} ${code}): ${message}`);
}

function isNotFound(error: unknown): boolean {
  return error instanceof S3Error && (error.code === 'NoSuchKey' || error.code === 'NotFound');
}

function ignore(): void {
  // see put()
}
