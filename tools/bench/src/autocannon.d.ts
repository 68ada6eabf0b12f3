/**
 * The part of autocannon 9 that the benchmark uses (the package ships no types).
 * See node_modules/autocannon/lib/aggregateResult.js and hdr-histogram-percentiles-obj.
 */
declare module 'autocannon' {
  export interface AutocannonOptions {
    url: string;
    title?: string;
    connections?: number;
    /** Seconds. */
    duration?: number;
    /** Worker threads firing the requests (connections are split between them). */
    workers?: number;
    method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
    headers?: Record<string, string>;
    body?: string;
    /** Seconds before a request counts as a timeout. */
    timeout?: number;
  }

  /** Percentiles as computed by hdr-histogram-percentiles-obj (p97_5 is the 97.5th). */
  export interface AutocannonHistogram {
    average: number;
    mean: number;
    stddev: number;
    min: number;
    max: number;
    total: number;
    p50: number;
    p90: number;
    p97_5: number;
    p99: number;
    p99_9: number;
  }

  export interface AutocannonResult {
    title?: string;
    url: string;
    connections: number;
    /** Seconds actually run. */
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
    resets: number;
    '2xx': number;
    '4xx': number;
    '5xx': number;
    /** Per second, over the samples; `total` is the number of completed requests. */
    requests: AutocannonHistogram & { sent: number };
    /** Milliseconds. */
    latency: AutocannonHistogram & { totalCount: number };
    /** Bytes per second. */
    throughput: AutocannonHistogram;
  }

  function autocannon(options: AutocannonOptions): Promise<AutocannonResult>;
  export default autocannon;
}
