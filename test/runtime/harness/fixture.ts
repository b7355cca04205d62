import type { Fault, SimRequest } from '@oih-suite/kit/simulator';

/** An OIH message as both runtimes carry it once the envelope is taken off. */
export interface OihRecord {
  metadata: { recordUid?: string; applicationUid?: string; [key: string]: unknown };
  data: Record<string, unknown>;
}

/** What the runtime tests need of a component's simulator (`components/<p>/simulator`). */
export interface SimulatorHandle {
  baseUrl: string;
  /** The credential fields that reach this simulator. */
  cfg: Record<string, unknown>;
  server: { inject(fault: Fault): unknown; clearFaults(): void; requests: SimRequest[] };
  stop(): Promise<void>;
}

/**
 * Per-component knowledge for the runtime suite (test/runtime/fixtures/<p>.ts): which trigger and
 * action to run, with what, how to change the provider's data between two runs, and what to expect.
 */
export interface RuntimeFixture<Sim extends SimulatorHandle = SimulatorHandle> {
  startSimulator(): Promise<Sim>;
  /** Credentials the simulator rejects (for verifyCredentials → `{verified: false}`). */
  badCredentials(sim: Sim): Record<string, unknown>;
  trigger: {
    id: string;
    /** Step fields besides the credentials. */
    fields(sim: Sim): Record<string, unknown>;
    /** Asserts the first run's records (all of them, field by field where it matters). */
    checkFirstRun(records: OihRecord[], sim: Sim): void;
    /**
     * Changes the provider's data after run 1 (whose stored snapshot it gets); returns the
     * recordUids the second run must emit, and nothing else.
     */
    change(sim: Sim, snapshot: Record<string, unknown>): Promise<string[]> | string[];
    checkSecondRun(records: OihRecord[], sim: Sim): void;
  };
  action: {
    id: string;
    fields(sim: Sim): Record<string, unknown>;
    goodInput(sim: Sim): Record<string, unknown>;
    /** Asserts the emitted record and the provider's state after the good input. */
    checkGood(record: OihRecord, sim: Sim): void;
    badInput(sim: Sim): Record<string, unknown>;
    /** The error message must name this field. */
    badField: string;
    /** The requests the 429 storm hits (default: every request). */
    stormMatch?: (req: SimRequest) => boolean;
  };
}
