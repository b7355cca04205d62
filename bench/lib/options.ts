/** What `npm run bench -- [--quick] [--only a,b] [--out file]` asks for. */
export const SUITES = ['engine', 'transform', 'throughput', 'cleverreach', 'memory', 'rateLimit', 'runtime', 'million'] as const;
/** Suites only run when named with --only (the million-record sync takes most of an hour). */
const ON_REQUEST: readonly string[] = ['million'];
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
  /** Records of the killed-and-restarted sync through sailor (`--records`, default 1,000,000). */
  millionRecords: number;
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
    suites: only.length ? (only as SuiteName[]) : SUITES.filter((s) => !ON_REQUEST.includes(s)),
    out: outIndex >= 0 ? argv[outIndex + 1] : `${resultsDir}/${partial ? (quick ? 'quick' : 'partial') : 'latest'}.json`,
    throughputSizes: quick ? [2_000] : [10_000, 100_000],
    memorySizes: quick ? [500, 2_500] : [20_000, 200_000],
    transformMessages: quick ? 500 : 5_000,
    repeats: quick ? 1 : 3,
    rateLimitRequests: quick ? 40 : 120,
    runtimeMessages: quick ? 200 : 5_000,
    millionRecords: recordsOption(argv) ?? (quick ? 20_000 : 1_000_000),
    cleverreachReceivers: quick ? 2_500 : 25_000,
  };
}

function recordsOption(argv: string[]): number | undefined {
  const index = argv.indexOf('--records');
  if (index < 0) return undefined;
  const n = Number(argv[index + 1]);
  if (!Number.isInteger(n) || n < 1000) throw new Error(`--records must be a whole number of at least 1000, got "${argv[index + 1]}"`);
  return n;
}
