/** Details every connector error can carry; all optional except the message. */
export interface ConnectorErrorDetails {
  /** HTTP status of the provider response, when there was one. */
  status?: number;
  /** The provider's own error message, verbatim (already redacted). */
  providerMessage?: string;
  /** The provider's error code, when it has one. */
  providerCode?: string | number;
  /** Id of the record the error is about. */
  recordId?: string;
  /** The configuration or input field at fault. */
  field?: string;
  cause?: unknown;
}

/** Base class: every error the kit raises says what happened, where and with which record. */
export class ConnectorError extends Error {
  readonly status?: number;
  readonly providerMessage?: string;
  readonly providerCode?: string | number;
  readonly recordId?: string;
  readonly field?: string;
  /** True when trying again later may succeed; the component then emits `rebound`. */
  readonly retryable: boolean = false;

  constructor(message: string, details: ConnectorErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = new.target.name;
    this.status = details.status;
    this.providerMessage = details.providerMessage;
    this.providerCode = details.providerCode;
    this.recordId = details.recordId;
    this.field = details.field;
  }
}
