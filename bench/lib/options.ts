/** What `npm run bench -- [--quick] [--only a,b] [--out file]` asks for. */
export const SUITES = ['engine', 'transform', 'throughput', 'cleverreach', 'memory', 'rateLimit', 'runtime'] as const;
export type SuiteName = (typeof SUITES)[number];

export interface BenchOptions {
  /** A smoke run under a minute: small sizes, short rate-limit runs. */
  quick: boolean;
  suites: SuiteName[];
  /** Where the JSON result goes (quick runs do not overwrite the published figures). */
  out: string;
  /** Record counts for the sync throughput runs. */
  throughputSizes: number[];
  /** Record counts for the memory runs (small, large): the ratio is large ÷ small. */
  memorySizes: [number, number];
  /** Messages per transform-only and engine measurement. */
  transformMessages: number;
  /** How often each transform and engine measurement runs (the fastest counts). */
  repeats: number;
  /** Requests each rate-limit run should make against the limited endpoint. */
  rateLimitRequests: number;
  /** Messages pushed through the real runtime. */
  runtimeMessages: number;
  /** Receivers of the CleverReach initial sync next to its download baseline. */
  cleverreachReceivers: number;
}

export function parseOptions(argv: string[], resultsDir: string): BenchOptions {
  const quick = argv.includes('--quick');
  const onlyIndex = argv.indexOf('--only');
  const only = onlyIndex >= 0 ? (argv[onlyIndex + 1] ?? '').split(',').filter(Boolean) : [];
  for (const name of only) if (!(SUITES as readonly string[]).includes(name)) throw new Error(`Unknown suite "${name}"; known: ${SUITES.join(', ')}`);
  const outIndex = argv.indexOf('--out');
  const partial = quick || only.length > 0;
  return {
    quick,
    suites: only.length ? (only as SuiteName[]) : [...SUITES],
    out: outIndex >= 0 ? argv[outIndex + 1] : `${resultsDir}/${partial ? (quick ? 'quick' : 'partial') : 'latest'}.json`,
    throughputSizes: quick ? [2_000] : [10_000, 100_000],
    memorySizes: quick ? [500, 2_500] : [20_000, 200_000],
    transformMessages: quick ? 500 : 5_000,
    repeats: quick ? 1 : 3,
    rateLimitRequests: quick ? 40 : 120,
    runtimeMessages: quick ? 200 : 5_000,
    cleverreachReceivers: quick ? 2_500 : 25_000,
  };
}
