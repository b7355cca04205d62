import { AuthenticationError, ConfigurationError, ConnectorError, ProviderError, RateLimitError, TransientError } from '@oih-suite/kit';

/** Exit codes, documented in the README: scripts branch on them, so they never change meaning. */
export const EXIT = {
  ok: 0,
  /** Something the CLI did not expect (a bug in a component or here); --verbose shows the stack. */
  internal: 1,
  usage: 2,
  credentials: 3,
  provider: 4,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A mistake in how the CLI was called (unknown component, unreadable file...): exit 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The provider asked to come back later (the component emitted `rebound`): exit 4. */
export class ReboundError extends Error {
  constructor(readonly reason: string) {
    super(`The provider asked to come back later: ${reason}`);
    this.name = 'ReboundError';
  }
}

/** verifyCredentials answered `{verified: false}`: exit 3. */
export class NotVerifiedError extends Error {
  constructor(reason: string | undefined) {
    super(reason ? `Credentials were not verified: ${reason}` : 'Credentials were not verified');
    this.name = 'NotVerifiedError';
  }
}

export interface Diagnosis {
  code: ExitCode;
  /** One line: what went wrong, with the provider's own words when there are any. */
  message: string;
  /** What to do about it. */
  hint?: string;
}

/** The kit's words for a provider that never answered (TransientError from the HTTP client). */
const UNREACHABLE = /could not be reached/;
const UNREACHABLE_HINT = 'Check baseUrl in your --cfg file and your network (is the simulator still running?), then run again.';

/** Turns any error into the exit code, the message and the hint the user sees. */
export function diagnose(error: unknown): Diagnosis {
  if (error instanceof UsageError) return { code: EXIT.usage, message: error.message, hint: error.hint };
  // verifyCredentials answers {verified: false} for every failure (the platform shows the reason):
  // one that never reached the provider says nothing about the credentials.
  if (error instanceof NotVerifiedError && UNREACHABLE.test(error.message))
    return { code: EXIT.provider, message: error.message, hint: UNREACHABLE_HINT };
  if (error instanceof NotVerifiedError)
    return { code: EXIT.credentials, message: error.message, hint: 'Check the credential fields in your --cfg file (or the OIH_CFG_* variables).' };
  if (error instanceof ReboundError)
    return {
      code: EXIT.provider,
      message: error.message,
      hint: UNREACHABLE.test(error.reason) ? UNREACHABLE_HINT : 'Run again later; with --state the next run resumes after the last complete page.',
    };
  if (error instanceof ConfigurationError) {
    // The kit names message fields by their path (data.x, metadata.recordUid, events[2].y).
    const inMessage = /^(data|metadata|events|body)\b/.test(error.field ?? '');
    const hint = inMessage
      ? `Fix "${error.field}" in the --input message.`
      : `Fix the field "${error.field ?? '?'}" in your --cfg file (or set OIH_CFG_<FIELD>).`;
    return { code: EXIT.usage, message: `Configuration: ${error.message}`, hint };
  }
  if (error instanceof AuthenticationError) {
    return {
      code: EXIT.credentials,
      message: `The provider refused the credentials: ${providerWords(error)}`,
      hint: 'Check the credential fields in your --cfg file; `npx oih-connectors verify <component> --cfg <file>` tests them alone.',
    };
  }
  if (error instanceof RateLimitError) {
    const wait = error.retryAfterMs ? ` (it asked to wait ${Math.ceil(error.retryAfterMs / 1000)} s)` : '';
    return {
      code: EXIT.provider,
      message: `Rate limited by the provider${wait}: ${providerWords(error)}`,
      hint: 'Wait and run again; --state keeps your place.',
    };
  }
  if (error instanceof TransientError) {
    return {
      code: EXIT.provider,
      message: `The provider is unreachable or failing: ${providerWords(error)}`,
      hint: 'Check baseUrl and your network (is the simulator running?), then run again.',
    };
  }
  if (error instanceof ConnectorError && isMappingError(error))
    return {
      code: EXIT.usage,
      message: `Configuration: ${error.message}`,
      hint: 'Fix the customMapping expression in your --cfg file (it runs over the whole message {metadata, data}).',
    };
  if (error instanceof ProviderError)
    return { code: EXIT.provider, message: `The provider rejected the request: ${providerWords(error)}`, hint: providerHint(error) };
  if (error instanceof ConnectorError) return { code: EXIT.provider, message: providerWords(error), hint: providerHint(error) };
  const message = error instanceof Error ? error.message : String(error);
  return { code: EXIT.internal, message: `Unexpected error: ${message}`, hint: 'Run again with --verbose for the stack trace.' };
}

/** A customMapping that fails at run time is the step's configuration, not the provider. */
function isMappingError(error: ConnectorError): boolean {
  if (error instanceof ProviderError || error instanceof TransientError || error instanceof AuthenticationError) return false;
  return error.field === 'customMapping' || error.message.startsWith('customMapping ');
}

function providerWords(error: ConnectorError): string {
  const parts = [error.message];
  if (error.providerMessage && !error.message.includes(error.providerMessage)) parts.push(`provider says: "${error.providerMessage}"`);
  if (error.status) parts.push(`HTTP ${error.status}`);
  if (error.recordId) parts.push(`record ${error.recordId}`);
  return parts.join(' · ');
}

function providerHint(error: ConnectorError): string {
  if (error.field) return `Check the field "${error.field}" of your --input or --cfg.`;
  if (error.status === 404) return 'The record or resource does not exist at the provider: check the ids in your --input and --cfg.';
  if (error.status === 400 || error.status === 422) return 'The provider rejected the data: check your --input message.';
  if (error.status === 403) return 'The credentials lack a permission (scope) for this call.';
  return 'See the provider message above; --verbose shows the component log.';
}
