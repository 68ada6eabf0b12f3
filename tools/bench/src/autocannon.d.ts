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
    /** Each connection sends these in turn, again and again (relative to `url`'s origin). */
    requests?: AutocannonRequest[];
  }

  export interface AutocannonRequest {
    method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
    /** Path and query string, e.g. `/api/v1/search?q=ecole`. */
    path: string;
    headers?: Record<string, string>;
    body?: string;
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

  /** The run: awaitable for its result, and an emitter of per-response events (lib/run.js). */
  export interface AutocannonInstance extends PromiseLike<AutocannonResult> {
    /**
     * Emitted for every response, in the thread that runs the connections (so only without the
     * `workers` option); `responseTime` is in ms, from process.hrtime.
     */
    on(event: 'response', listener: (client: unknown, statusCode: number, resBytes: number, responseTime: number) => void): this;
  }

  function autocannon(options: AutocannonOptions): AutocannonInstance;
  export default autocannon;
}
