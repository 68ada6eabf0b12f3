/**
 * The part of s3rver 3 that the S3 adapter's spec uses (the package ships no types).
 * See node_modules/s3rver/README.md and lib/s3rver.js.
 */
declare module 's3rver' {
  import type { AddressInfo } from 'node:net';

  interface S3rverOptions {
    address?: string;
    /** 0 picks a free port; `run()` reports the one chosen. */
    port?: number;
    silent?: boolean;
    directory?: string;
    resetOnClose?: boolean;
    allowMismatchedSignatures?: boolean;
    vhostBuckets?: boolean;
    configureBuckets?: { name: string; configs?: (string | Buffer)[] }[];
  }

  class S3rver {
    /** Accepts requests signed with access key "S3RVER" and secret "S3RVER" (it checks signatures). */
    constructor(options?: S3rverOptions);
    run(): Promise<AddressInfo>;
    close(): Promise<void>;
  }

  export = S3rver;
}
