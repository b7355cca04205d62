import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Bus } from './bus';
import { Child } from './child';
import { readImageCommand } from './dockerfile';
import type { MessageCipher } from './cipher';
import type { PlatformStub } from './platform';

export type RuntimeKind = 'sailor' | 'ferryman';

/** What every step shares: the broker, the platform stub and the message keys. */
export interface RuntimeEnv {
  brokerUrl: string;
  platform: PlatformStub;
  cipher: MessageCipher;
}

export interface StepDefinition {
  /** The packaged folder (sailor: dist-packages/<p>, ferryman: dist-packages/<p>-oih), the runtime's working directory. */
  packageDir: string;
  /** Trigger or action id in component.json. */
  fn: string;
  /** Credentials and step fields (sailor: step API `config`; ferryman: the token's `fields`). */
  config: Record<string, unknown>;
  /** A flow's ids (the flow test); by default a flow of its own with one step, `step_1`. */
  flowId?: string;
  stepId?: string;
}

export interface DecodedError {
  name: string;
  message: string;
  stack?: string;
  /** The input the runtime failed on, as it was published (still encrypted). */
  errorInput?: string;
}

/** sailor's documented entry point (what the elastic.io buildpack's `sail.sh` runs), relative to the package. */
const SAILOR_ENTRY = 'node_modules/elasticio-sailor-nodejs/run.js';

interface Jwt {
  sign(payload: object, secret: string): string;
}

/**
 * One flow step run by the real sailor or ferryman from the packaged folder, wired to a Bus.
 * Several processes may run the same step one after the other (the trigger's two runs).
 */
export class StepRunner {
  readonly flowId: string;
  readonly stepId: string;
  /** ferryman sends it as Bearer token to the snapshots service. */
  readonly iamToken: string;

  constructor(
    readonly kind: RuntimeKind,
    private readonly env: RuntimeEnv,
    readonly bus: Bus,
    private readonly step: StepDefinition,
  ) {
    this.flowId = step.flowId ?? `flow-${bus.id}`;
    this.stepId = step.stepId ?? 'step_1';
    this.iamToken = `iam-${bus.id}`;
    env.platform.defineStep(this.flowId, this.stepId, step.config);
  }

  /** Spawns the runtime and waits until it consumes the input queue. */
  async start(timeoutMs = 15_000): Promise<Child> {
    const [command, args, imageEnv] = this.command();
    const child = new Child({
      name: `${this.kind} ${this.step.fn}`,
      command,
      args,
      cwd: this.step.packageDir,
      env: { ...imageEnv, ...(this.kind === 'sailor' ? this.sailorEnv() : this.ferrymanEnv()) },
    });
    try {
      await Promise.race([
        this.bus.waitForConsumer(timeoutMs),
        child.exited.then((code) => {
          throw new Error(`${this.kind} exited (${code}) before consuming`);
        }),
      ]);
    } catch (error) {
      await child.stop(2000);
      throw new Error(`${(error as Error).message}\n${child.tail()}`);
    }
    return child;
  }

  /**
   * ferryman runs exactly as the OIH image does: the Dockerfile's ENTRYPOINT/CMD and ENV, in the
   * image's build context (what WORKDIR holds after COPY and `npm ci`), with this node as `node`.
   */
  private command(): [string, string[], Record<string, string>] {
    if (this.kind === 'sailor') return [process.execPath, [SAILOR_ENTRY], {}];
    const image = readImageCommand(this.step.packageDir);
    const [program, ...args] = image.argv;
    if (program !== 'node') throw new Error(`the OIH image runs ${program}, not node: the harness cannot start it`);
    return [process.execPath, args, image.env];
  }

  /** Publishes one input message in the runtime's format: sailor `{id, body, ...}`, ferryman `{metadata, data}` + token. */
  send(payload: Record<string, unknown>, metadata: Record<string, unknown> = {}): string {
    const { cipher } = this.env;
    if (this.kind === 'sailor') {
      return this.bus.publish(cipher.encrypt({ id: randomUUID(), body: payload, metadata, headers: {}, attachments: {} }));
    }
    return this.bus.publish(cipher.encrypt({ metadata, data: payload }), { orchestratorToken: this.token() });
  }

  /** Decrypted data messages so far. */
  data<T = Record<string, unknown>>(): T[] {
    return this.bus.out.data.messages.map((m) => this.env.cipher.decrypt<T>(m.content));
  }

  errors(): DecodedError[] {
    return this.bus.out.error.messages.map((m) => {
      const outer = JSON.parse(m.content.toString('utf8')) as { error: string; errorInput?: string };
      return { ...this.env.cipher.decrypt<DecodedError>(outer.error), errorInput: outer.errorInput };
    });
  }

  /** The platform's part: persist what the run published on the snapshot routing key. */
  storeSnapshots(): Record<string, unknown> {
    this.env.platform.store(this.flowId, this.stepId, this.bus.out.snapshot.messages);
    return this.env.platform.snapshotOf(this.flowId, this.stepId);
  }

  private common(): Record<string, string> {
    return {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      LOG_LEVEL: 'info',
      ELASTICIO_AMQP_URI: this.env.brokerUrl,
      ELASTICIO_API_URI: this.env.platform.url,
      ELASTICIO_COMP_ID: 'comp1',
      ELASTICIO_LISTEN_MESSAGES_ON: this.bus.inputQueue,
      ELASTICIO_REBOUND_ROUTING_KEY: this.bus.keys.rebound,
      ELASTICIO_ERROR_ROUTING_KEY: this.bus.keys.error,
      ELASTICIO_SNAPSHOT_ROUTING_KEY: this.bus.keys.snapshot,
      // A broker problem must fail the test, not make emit() retry for ever.
      ELASTICIO_AMQP_PUBLISH_RETRY_ATTEMPTS: '3',
      // Rebounds come back after 1 s instead of 15 s.
      ELASTICIO_REBOUND_INITIAL_EXPIRATION: '1000',
      ...this.env.cipher.env(),
    };
  }

  private sailorEnv(): Record<string, string> {
    return {
      ...this.common(),
      ELASTICIO_API_USERNAME: 'runtime-test@example.com',
      ELASTICIO_API_KEY: 'platform-api-key',
      ELASTICIO_FLOW_ID: this.flowId,
      ELASTICIO_STEP_ID: this.stepId,
      ELASTICIO_EXEC_ID: `exec-${this.bus.id}`,
      ELASTICIO_CONTAINER_ID: `container-${this.bus.id}`,
      ELASTICIO_WORKSPACE_ID: 'ws1',
      ELASTICIO_USER_ID: 'user1',
      ELASTICIO_FUNCTION: this.step.fn,
      ELASTICIO_PUBLISH_MESSAGES_TO: this.bus.exchange,
      ELASTICIO_DATA_ROUTING_KEY: this.bus.keys.data,
    };
  }

  private ferrymanEnv(): Record<string, string> {
    return {
      ...this.common(),
      ELASTICIO_BACKCHANNEL_EXCHANGE: this.bus.exchange,
      ELASTICIO_NODE_EXCHANGE: this.bus.exchange,
      ELASTICIO_SNAPSHOTS_EXCHANGE: this.bus.exchange,
      ELASTICIO_OUTPUT_ROUTING_KEY: this.bus.keys.data,
      ELASTICIO_STATE_ROUTING_KEY: this.bus.keys.state,
      ELASTICIO_SNAPSHOTS_SERVICE_BASE_URL: this.env.platform.url,
    };
  }

  /** ferryman only decodes the orchestrator's JWT (never verifies it): config travels in it per message. */
  private token(): string {
    const jwt = require(
      require.resolve('jsonwebtoken', { paths: [path.join(this.step.packageDir, 'node_modules/@openintegrationhub/ferryman')] }),
    ) as Jwt;
    return jwt.sign(
      {
        flowId: this.flowId,
        stepId: this.stepId,
        function: this.step.fn,
        fields: this.step.config,
        nodeSettings: {},
        userId: 'user1',
        tenant: 'tenant1',
        apiKey: this.iamToken,
        flowExecId: `exec-${this.bus.id}`,
      },
      'orchestrator-signing-key',
    );
  }
}
