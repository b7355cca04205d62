import { randomUUID } from 'node:crypto';
import { AmqpChannel, AmqpConnection, AmqpMessage, connectAmqp } from './amqp';
import { waitUntil } from './ports';

/** Messages arriving on one output queue, kept in order for assertions. */
export class Collector {
  readonly messages: AmqpMessage[] = [];
  private readonly listeners: ((message: AmqpMessage) => void)[] = [];
  constructor(readonly routingKey: string) {}

  /** Called for every message from now on (the flow test's orchestrator forwards step outputs). */
  onMessage(listener: (message: AmqpMessage) => void): void {
    this.listeners.push(listener);
  }

  add(message: AmqpMessage): void {
    this.messages.push(message);
    for (const listener of this.listeners) listener(message);
  }

  async waitFor(count: number, timeoutMs: number, what = `${count} message(s) on ${this.routingKey}`): Promise<AmqpMessage[]> {
    return waitUntil(what, timeoutMs, () => (this.messages.length >= count ? this.messages.slice() : undefined));
  }
}

export type Output = 'data' | 'error' | 'snapshot' | 'rebound' | 'state';

/**
 * One test's private piece of the broker: an exchange, the step's input queue and a consumed queue
 * per output routing key, all with unique names so tests never see each other's messages. The
 * exchange exists before the runtime starts (sailor retries a publish to a missing exchange forever).
 */
export class Bus {
  readonly id = randomUUID().slice(0, 8);
  readonly exchange = `rt.${this.id}.exchange`;
  readonly inputQueue = `rt.${this.id}.messages`;
  readonly keys: Record<Output, string> = {
    data: `rt.${this.id}.data`,
    error: `rt.${this.id}.error`,
    snapshot: `rt.${this.id}.snapshot`,
    rebound: `rt.${this.id}.rebound`,
    state: `rt.${this.id}.state`,
  };
  readonly out = {} as Record<Output, Collector>;
  private connection?: AmqpConnection;
  private channel?: AmqpChannel;
  private readonly queues: string[] = [];

  /** `redeliverReboundsToInput` emulates the platform: a rebound comes back to the input queue after its expiration. */
  async open(url: string, options: { redeliverReboundsToInput?: boolean } = {}): Promise<this> {
    this.connection = await connectAmqp(url);
    this.connection.on('error', () => undefined);
    const ch = (this.channel = await this.connection.createChannel());
    await ch.assertExchange(this.exchange, 'direct', { durable: false, autoDelete: false });
    await ch.assertQueue(this.inputQueue, { durable: false });
    this.queues.push(this.inputQueue);
    for (const [output, key] of Object.entries(this.keys) as [Output, string][]) {
      const queue = `${key}.observed`;
      await ch.assertQueue(queue, { durable: false });
      await ch.bindQueue(queue, this.exchange, key);
      this.queues.push(queue);
      const collector = (this.out[output] = new Collector(key));
      await ch.consume(
        queue,
        (message) => {
          if (message) collector.add(message);
        },
        { noAck: true },
      );
    }
    if (options.redeliverReboundsToInput) {
      const parking = `${this.keys.rebound}.parking`;
      await ch.assertQueue(parking, { durable: false, arguments: { 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': this.inputQueue } });
      await ch.bindQueue(parking, this.exchange, this.keys.rebound);
      this.queues.push(parking);
    }
    return this;
  }

  /** Publishes to the step's input queue the way the platform does (messageId is mandatory for sailor 2.7.8). */
  publish(content: Buffer, headers: Record<string, unknown> = {}): string {
    const messageId = randomUUID();
    this.channel!.sendToQueue(this.inputQueue, content, {
      contentType: 'application/json',
      headers: { messageId, threadId: `thread-${this.id}`, parentMessageId: randomUUID(), ...headers },
    });
    return messageId;
  }

  /** The runtime consumes the input queue: it is connected and ready. */
  async waitForConsumer(timeoutMs: number): Promise<void> {
    await waitUntil(`a consumer on ${this.inputQueue}`, timeoutMs, async () =>
      (await this.channel!.checkQueue(this.inputQueue)).consumerCount > 0 ? true : undefined,
    );
  }

  /** The input queue holds no ready message (all taken by the runtime, or acked). */
  async waitForInputTaken(timeoutMs: number): Promise<void> {
    await waitUntil(`${this.inputQueue} to be drained`, timeoutMs, async () =>
      (await this.channel!.checkQueue(this.inputQueue)).messageCount === 0 ? true : undefined,
    );
  }

  async inputCount(): Promise<number> {
    return (await this.channel!.checkQueue(this.inputQueue)).messageCount;
  }

  async close(): Promise<void> {
    try {
      for (const queue of this.queues) await this.channel?.deleteQueue(queue);
      await this.channel?.deleteExchange(this.exchange);
      await this.connection?.close();
    } catch {
      // the broker may already be gone after a failure; nothing left to clean
    }
  }
}
