import type { Provider } from '../lib/components';
import type { RuntimeResult } from './runtime';

/** Placeholder until the runtime harness lands. */
export async function runRuntime(_built: Provider[], _messages: number): Promise<RuntimeResult> {
  throw new Error('not implemented yet');
}
