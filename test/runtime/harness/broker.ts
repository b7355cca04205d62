import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Child } from './child';
import { connectAmqp } from './amqp';
import { freePort, waitUntil } from './ports';

export const RABBITMQ_SERVER = '/usr/lib/rabbitmq/bin/rabbitmq-server';
export const INSTALL_HINT = 'apt-get install rabbitmq-server (Debian package; the tests start a private node on 127.0.0.1)';

export function rabbitmqInstalled(): boolean {
  return fs.existsSync(RABBITMQ_SERVER);
}

/**
 * A private RabbitMQ node for the whole runtime suite: state in a temp folder, loopback only,
 * its own AMQP, distribution and epmd ports (so it never meets a system broker), and an epmd we
 * start ourselves so that we can stop it by pid (the one a node starts on its own outlives it).
 */
export class Broker {
  url = '';
  private epmd?: Child;
  private server?: Child;
  private dir = '';
  private epmdPort = 0;
  private epmdBin = 'epmd';

  async start(): Promise<void> {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oih-rmq-'));
    for (const sub of ['mnesia', 'log', 'home']) fs.mkdirSync(path.join(this.dir, sub));
    const [amqpPort, distPort, epmdPort] = [await freePort(), await freePort(), await freePort()];
    this.epmdPort = epmdPort;
    const file = (name: string, text: string): string => {
      fs.writeFileSync(path.join(this.dir, name), text);
      return path.join(this.dir, name);
    };
    const config = file(
      'rabbitmq.conf',
      `listeners.tcp.default = 127.0.0.1:${amqpPort}\nloopback_users.guest = true\nlog.console = false\nlog.file.level = warning\n`,
    );
    const base = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: path.join(this.dir, 'home'),
      ERL_EPMD_PORT: String(epmdPort),
      ERL_EPMD_ADDRESS: '127.0.0.1',
    };
    const epmdBin = fs.existsSync('/usr/bin/epmd') ? '/usr/bin/epmd' : 'epmd';
    this.epmdBin = epmdBin;
    this.epmd = new Child({
      name: 'epmd',
      command: epmdBin,
      args: ['-port', String(epmdPort), '-address', '127.0.0.1'],
      cwd: this.dir,
      env: base,
      group: true,
    });
    // The node starts an `epmd -daemon` of its own when ours is not listening yet, and that one
    // outlives everything: wait for ours first.
    await waitUntil('epmd to listen', 10_000, async () => ((await portOpen(epmdPort)) ? true : undefined), 50);
    this.server = new Child({
      name: 'rabbitmq-server',
      command: RABBITMQ_SERVER,
      args: [],
      cwd: this.dir,
      group: true,
      suiteWide: true,
      env: {
        ...base,
        RABBITMQ_CONF_ENV_FILE: file('none-env.conf', ''),
        RABBITMQ_NODENAME: `oihtest${process.pid}@localhost`,
        RABBITMQ_NODE_IP_ADDRESS: '127.0.0.1',
        RABBITMQ_NODE_PORT: String(amqpPort),
        RABBITMQ_DIST_PORT: String(distPort),
        RABBITMQ_CONFIG_FILE: config,
        RABBITMQ_MNESIA_BASE: path.join(this.dir, 'mnesia'),
        RABBITMQ_LOG_BASE: path.join(this.dir, 'log'),
        RABBITMQ_ENABLED_PLUGINS_FILE: file('enabled_plugins', '[].\n'),
        RABBITMQ_PID_FILE: path.join(this.dir, 'rabbit.pid'),
        RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS: '-kernel inet_dist_use_interface {127,0,0,1}',
      },
    });
    this.url = `amqp://guest:guest@127.0.0.1:${amqpPort}`;
    // RabbitMQ needs ~5-6 s; connecting is the readiness test that matters to the runtimes.
    await waitUntil(
      'RabbitMQ to accept AMQP connections',
      60_000,
      async () => {
        if (!this.server?.alive) throw new Error(`rabbitmq-server exited\n${this.server?.tail()}`);
        const connection = await connectAmqp(this.url);
        await connection.close();
        return true;
      },
      250,
    );
  }

  async stop(): Promise<void> {
    try {
      await this.server?.stop(15_000);
      await this.epmd?.stop(3000);
      // Whatever epmd still answers on our private port (one an Erlang tool started as a daemon) goes too.
      if (this.epmdPort && (await portOpen(this.epmdPort))) {
        try {
          execFileSync(this.epmdBin, ['-port', String(this.epmdPort), '-kill'], { stdio: 'ignore', timeout: 5000 });
        } catch {
          // Nothing left to kill.
        }
      }
    } finally {
      // The node's files go even when stopping it failed: no oih-rmq-* folder outlives the run.
      if (this.dir) fs.rmSync(this.dir, { recursive: true, force: true });
    }
  }
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}
