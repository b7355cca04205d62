import type { MachineInfo } from './machine';
import type { CleverReachSyncResult } from '../suites/cleverreachSync';
import type { EngineResult } from '../suites/engine';
import type { MemoryResult } from '../suites/memory';
import type { MillionResult } from '../suites/million';
import type { RateLimitResult } from '../suites/rateLimit';
import type { RuntimeResult } from '../suites/runtime';
import type { ThroughputResult } from '../suites/throughput';
import type { TransformResult } from '../suites/transform';

/** A goal from issue 8 and whether this run met it. */
export interface GoalCheck {
  goal: string;
  subject: string;
  value: string;
  met: boolean;
}

/** The JSON result file (bench/results/*.json). */
export interface BenchResults {
  command: string;
  quick: boolean;
  startedAt: string;
  finishedAt?: string;
  machine: MachineInfo;
  components: { built: string[]; missing: string[] };
  engine?: EngineResult;
  transform: TransformResult[];
  throughput: ThroughputResult[];
  cleverreach?: CleverReachSyncResult;
  memory: MemoryResult[];
  rateLimit: RateLimitResult[];
  runtime?: RuntimeResult;
  million?: MillionResult;
  goals: GoalCheck[];
  /** What did not run, and why. */
  skipped: string[];
}
