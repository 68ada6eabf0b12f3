import type { S3DocumentStorageOptions } from './s3-document-storage';

export interface FilesystemStorageOptions {
  driver: 'filesystem';
  /** Folder holding the documents; relative paths are resolved from the working directory. */
  root: string;
}

export interface S3StorageOptions extends S3DocumentStorageOptions {
  driver: 's3';
}

export type StorageOptions = FilesystemStorageOptions | S3StorageOptions;

export class InvalidStorageConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid document storage configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'InvalidStorageConfigError';
  }
}

export const STORAGE_DEFAULTS = {
  driver: 'filesystem',
  fsRoot: '.data/documents',
  bucket: 'communes-documents',
  region: 'us-east-1',
} as const;

// S3 bucket naming rules: 3-63 characters, lowercase letters, digits, dots and hyphens.
const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/**
 * Reads the storage settings from environment variables, once, at start. Every problem is named
 * in one error, so that a misconfigured deployment fails immediately with a message saying what
 * to fix. Empty variables count as unset. Pure: pass `process.env`.
 *
 * - `STORAGE_DRIVER`: `filesystem` (default) or `s3`
 * - `STORAGE_FS_ROOT`: folder for the file system driver (default `.data/documents`)
 * - `S3_ENDPOINT`: e.g. `http://minio:9000` (https for TLS); `S3_ACCESS_KEY`, `S3_SECRET_KEY`
 * - `S3_BUCKET` (default `communes-documents`), `S3_REGION` (default `us-east-1`)
 */
export function readStorageConfig(env: Readonly<Record<string, string | undefined>>): StorageOptions {
  const read = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === '' ? undefined : value;
  };

  const driver = read('STORAGE_DRIVER') ?? STORAGE_DEFAULTS.driver;
  if (driver === 'filesystem') {
    return { driver, root: read('STORAGE_FS_ROOT') ?? STORAGE_DEFAULTS.fsRoot };
  }
  if (driver !== 's3') {
    throw new InvalidStorageConfigError([`STORAGE_DRIVER must be "filesystem" or "s3", got "${driver}"`]);
  }

  const problems: string[] = [];
  const endpoint = parseEndpoint(read('S3_ENDPOINT'), problems);
  const accessKey = read('S3_ACCESS_KEY');
  const secretKey = read('S3_SECRET_KEY');
  if (accessKey === undefined) problems.push('S3_ACCESS_KEY is required when STORAGE_DRIVER=s3');
  if (secretKey === undefined) problems.push('S3_SECRET_KEY is required when STORAGE_DRIVER=s3');
  const bucket = read('S3_BUCKET') ?? STORAGE_DEFAULTS.bucket;
  if (!BUCKET_NAME.test(bucket) || bucket.includes('..')) {
    problems.push(`S3_BUCKET must be a valid bucket name (3-63 lowercase letters, digits, dots, hyphens), got "${bucket}"`);
  }
  const region = read('S3_REGION') ?? STORAGE_DEFAULTS.region;
  if (!/^[a-z0-9-]+$/.test(region)) {
    problems.push(`S3_REGION must look like "us-east-1", got "${region}"`);
  }

  if (endpoint === undefined || accessKey === undefined || secretKey === undefined || problems.length > 0) {
    throw new InvalidStorageConfigError(problems);
  }
  return { driver, ...endpoint, accessKey, secretKey, bucket, region };
}

function parseEndpoint(value: string | undefined, problems: string[]): Pick<S3StorageOptions, 'endPoint' | 'port' | 'useSSL'> | undefined {
  if (value === undefined) {
    problems.push('S3_ENDPOINT is required when STORAGE_DRIVER=s3 (e.g. http://minio:9000)');
    return undefined;
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    problems.push(`S3_ENDPOINT must be a URL like http://minio:9000, got "${value}"`);
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    problems.push(`S3_ENDPOINT must start with http:// or https://, got "${value}"`);
    return undefined;
  }
  if (url.username !== '' || url.password !== '') {
    // Not echoed: the value holds a secret.
    problems.push('S3_ENDPOINT must not contain credentials: use S3_ACCESS_KEY and S3_SECRET_KEY');
    return undefined;
  }
  // The bucket and keys are set separately: anything after the host would be silently ignored.
  if ((url.pathname !== '/' && url.pathname !== '') || url.search !== '' || url.hash !== '') {
    problems.push(`S3_ENDPOINT must be only a scheme, host and port (no path or query), got "${value}"`);
    return undefined;
  }
  const useSSL = url.protocol === 'https:';
  return {
    endPoint: url.hostname.replace(/^\[(.*)\]$/, '$1'), // the client wants IPv6 hosts without brackets
    port: url.port === '' ? (useSSL ? 443 : 80) : Number(url.port),
    useSSL,
  };
}
