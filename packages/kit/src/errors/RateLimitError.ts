import { ConnectorError, ConnectorErrorDetails } from './ConnectorError';

/** The provider kept answering 429 longer than the wait budget allows: try again later. */
export class RateLimitError extends ConnectorError {
  override readonly retryable = true;
  /** How long the provider last asked us to wait, in milliseconds. */
  readonly retryAfterMs?: number;

  constructor(message: string, details: ConnectorErrorDetails & { retryAfterMs?: number } = {}) {
    super(message, details);
    this.retryAfterMs = details.retryAfterMs;
  }
}
