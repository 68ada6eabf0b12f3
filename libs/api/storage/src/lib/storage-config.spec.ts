import { InvalidStorageConfigError, readStorageConfig } from './storage-config';

const S3 = {
  STORAGE_DRIVER: 's3',
  S3_ENDPOINT: 'http://minio:9000',
  S3_ACCESS_KEY: 'communes',
  S3_SECRET_KEY: 'a-long-secret',
};

function problemsOf(env: Record<string, string | undefined>): string[] {
  try {
    readStorageConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidStorageConfigError);
    return (error as InvalidStorageConfigError).problems;
  }
  throw new Error('expected the configuration to be refused');
}

describe('readStorageConfig', () => {
  it('defaults to the file system under .data/documents', () => {
    expect(readStorageConfig({})).toEqual({ driver: 'filesystem', root: '.data/documents' });
    expect(readStorageConfig({ STORAGE_DRIVER: '', STORAGE_FS_ROOT: '  ' })).toEqual({ driver: 'filesystem', root: '.data/documents' });
    expect(readStorageConfig({ STORAGE_FS_ROOT: '/var/lib/communes' })).toEqual({ driver: 'filesystem', root: '/var/lib/communes' });
  });

  it('ignores S3 variables for the file system driver', () => {
    expect(readStorageConfig({ STORAGE_DRIVER: 'filesystem', S3_ENDPOINT: 'not a url' }).driver).toBe('filesystem');
  });

  it('reads an S3 configuration, with bucket and region defaults', () => {
    expect(readStorageConfig(S3)).toEqual({
      driver: 's3',
      endPoint: 'minio',
      port: 9000,
      useSSL: false,
      accessKey: 'communes',
      secretKey: 'a-long-secret',
      bucket: 'communes-documents',
      region: 'us-east-1',
    });
  });

  it('derives TLS and the default port from the endpoint URL', () => {
    expect(readStorageConfig({ ...S3, S3_ENDPOINT: 'https://s3.example.org', S3_BUCKET: 'docs.prod', S3_REGION: 'eu-west-3' })).toMatchObject({
      endPoint: 's3.example.org',
      port: 443,
      useSSL: true,
      bucket: 'docs.prod',
      region: 'eu-west-3',
    });
    expect(readStorageConfig({ ...S3, S3_ENDPOINT: 'http://127.0.0.1/' })).toMatchObject({ endPoint: '127.0.0.1', port: 80, useSSL: false });
  });

  it('names everything missing in one error', () => {
    const problems = problemsOf({ STORAGE_DRIVER: 's3' });
    expect(problems).toEqual([
      expect.stringContaining('S3_ENDPOINT is required'),
      expect.stringContaining('S3_ACCESS_KEY is required'),
      expect.stringContaining('S3_SECRET_KEY is required'),
    ]);
    expect(() => readStorageConfig({ STORAGE_DRIVER: 's3' })).toThrow(/S3_ENDPOINT.*\n.*S3_ACCESS_KEY.*\n.*S3_SECRET_KEY/);
  });

  it('names everything wrong', () => {
    expect(problemsOf({ STORAGE_DRIVER: 'ftp' })).toEqual([expect.stringContaining('STORAGE_DRIVER must be "filesystem" or "s3"')]);
    expect(problemsOf({ ...S3, S3_ENDPOINT: 'minio:9000' })).toEqual([expect.stringContaining('S3_ENDPOINT must start with http:// or https://')]);
    expect(problemsOf({ ...S3, S3_ENDPOINT: 'nope' })).toEqual([expect.stringContaining('S3_ENDPOINT must be a URL')]);
    expect(problemsOf({ ...S3, S3_ENDPOINT: 'http://minio:9000/bucket' })).toEqual([expect.stringContaining('no path')]);
    expect(problemsOf({ ...S3, S3_BUCKET: 'Communes_Documents', S3_REGION: 'EU West' })).toEqual([
      expect.stringContaining('S3_BUCKET must be a valid bucket name'),
      expect.stringContaining('S3_REGION'),
    ]);
  });

  it('never repeats a secret in its message', () => {
    const message = (() => {
      try {
        readStorageConfig({ ...S3, S3_ENDPOINT: 'http://admin:hunter2@minio:9000' });
      } catch (error) {
        return (error as Error).message;
      }
      return '';
    })();
    expect(message).toContain('must not contain credentials');
    expect(message).not.toContain('hunter2');
  });
});
