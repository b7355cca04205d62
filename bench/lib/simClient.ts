import { ChildProcess, fork } from 'node:child_process';
import path from 'node:path';
import type { Cfg, SimulatorOptions } from './components';
import type { FromHost, SimStats, ToHost } from './simProtocol';

/** A provider simulator running in a child process (see simHost). */
export class RemoteSimulator {
  private constructor(
    private readonly child: ChildProcess,
    readonly baseUrl: string,
    readonly cfg: Cfg,
    /** Plain data the simulator handle carries besides its credentials (see simHost). */
    readonly extras: Record<string, unknown>,
  ) {}

  static async start(provider: string, options: SimulatorOptions): Promise<RemoteSimulator> {
    // Large record stores need more than the default old space in the simulator process.
    const child = fork(path.join(__dirname, 'simHost.js'), [], {
      execArgv: ['--max-old-space-size=4096'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const started = await request(child, { type: 'start', provider, options }, 'started');
    return new RemoteSimulator(child, started.baseUrl, started.cfg, started.extras);
  }

  async stats(): Promise<SimStats> {
    return (await request(this.child, { type: 'stats' }, 'stats')).stats;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.send({ type: 'stop' } satisfies ToHost);
    const timer = setTimeout(() => this.child.kill(), 5000);
    await exited;
    clearTimeout(timer);
  }
}

function request<K extends FromHost['type']>(child: ChildProcess, message: ToHost, answer: K): Promise<Extract<FromHost, { type: K }>> {
  return new Promise((resolve, reject) => {
    const onMessage = (reply: FromHost): void => {
      if (reply.type === answer) {
        cleanup();
        resolve(reply as Extract<FromHost, { type: K }>);
      } else if (reply.type === 'failed') {
        cleanup();
        reject(new Error(`simulator: ${reply.message}`));
      }
    };
    const onExit = (code: number | null): void => {
      cleanup();
      reject(new Error(`simulator process exited (${code})`));
    };
    const cleanup = (): void => {
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    child.on('message', onMessage);
    child.on('exit', onExit);
    child.send(message);
  });
}
