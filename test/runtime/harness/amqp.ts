// The slice of amqplib 0.8 (shipped with sailor, no @types) the harness uses, typed once here.
export interface AmqpMessage {
  content: Buffer;
  fields: { routingKey: string; exchange: string };
  properties: { headers: Record<string, unknown>; expiration?: string };
}

export interface QueueInfo {
  queue: string;
  messageCount: number;
  consumerCount: number;
}

export interface AmqpChannel {
  assertExchange(name: string, type: string, options?: Record<string, unknown>): Promise<unknown>;
  assertQueue(name: string, options?: Record<string, unknown>): Promise<QueueInfo>;
  checkQueue(name: string): Promise<QueueInfo>;
  bindQueue(queue: string, exchange: string, routingKey: string): Promise<unknown>;
  consume(queue: string, onMessage: (message: AmqpMessage | null) => void, options?: Record<string, unknown>): Promise<{ consumerTag: string }>;
  sendToQueue(queue: string, content: Buffer, options?: Record<string, unknown>): boolean;
  ack(message: AmqpMessage): void;
  deleteQueue(name: string): Promise<unknown>;
  deleteExchange(name: string): Promise<unknown>;
  close(): Promise<void>;
}

export interface AmqpConnection {
  createChannel(): Promise<AmqpChannel>;
  close(): Promise<void>;
  on(event: 'error' | 'close', listener: (error?: Error) => void): void;
}

interface Amqplib {
  connect(url: string): Promise<AmqpConnection>;
}

/** Resolved from the root node_modules (it comes with elasticio-sailor-nodejs). */
export function connectAmqp(url: string): Promise<AmqpConnection> {
  const amqplib = require('amqplib') as Amqplib;
  return amqplib.connect(url);
}
