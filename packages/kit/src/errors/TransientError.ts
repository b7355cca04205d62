import { ConnectorError } from './ConnectorError';

/** A 5xx, timeout or network failure that outlasted the retries: try again later. */
export class TransientError extends ConnectorError {
  override readonly retryable = true;
}
