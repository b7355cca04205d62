import type { DescribedAction } from './action';
import type { FieldSet } from './fields';
import type { ProviderDescription } from './provider';
import type { DescribedStream } from './stream';
import { VerifyResult, verifyCredentialsOf } from './verify';
import type { Config } from '../component/context';

/** A whole component: its provider and its steps. `lib/component.ts` exports it; the generator reads it. */
export interface ComponentDescription {
  provider: ProviderDescription<FieldSet, unknown>;
  triggers: DescribedStream[];
  actions: DescribedAction[];
  verifyCredentials: (this: unknown, cfg: Config) => Promise<VerifyResult>;
}

export function describeComponent<Creds extends FieldSet, Client>(
  provider: ProviderDescription<Creds, Client>,
  steps: { triggers: DescribedStream[]; actions: DescribedAction[] },
): ComponentDescription {
  return {
    provider: provider,
    ...steps,
    verifyCredentials: verifyCredentialsOf(provider),
  };
}
