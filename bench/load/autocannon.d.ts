/** Minimal types for the parts of autocannon's programmatic API the load benchmark uses. */
declare module 'autocannon' {
  interface Histogram { average: number; mean: number; stddev: number; min: number; max: number; total: number; p50: number; p90: number; p99: number; p99_9: number; p97_5: number }
  interface RawRequest { method?: string; path?: string; headers?: Record<string, string> }
  interface Options {
    url: string;
    connections?: number;
    duration?: number;
    /** Stop after this many requests (instead of `duration`). */
    amount?: number;
    /** Requests per second over all connections. */
    overallRate?: number;
    timeout?: number;
    requests?: Array<RawRequest & { setupRequest?: (req: RawRequest, context: Record<string, unknown>) => RawRequest }>;
  }
  interface Result {
    /** `sent`: requests written, including those still in flight when the run stopped. */
    requests: Histogram & { sent: number };
    latency: Histogram;
    throughput: Histogram;
    errors: number;
    timeouts: number;
    non2xx: number;
    '2xx': number;
    duration: number;
    statusCodeStats?: Record<string, { count: number }>;
  }
  /** A running benchmark: awaitable for the result, and an event emitter while it runs. */
  interface Instance extends Promise<Result> {
    on(event: 'response', fn: (client: unknown, statusCode: number, resBytes: number, responseTime: number) => void): Instance;
    on(event: 'reqError', fn: (error: Error) => void): Instance;
  }
  function autocannon(opts: Options): Instance;
  export = autocannon;
}
