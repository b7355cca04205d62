/** JSONata's wording for the errors the compiled evaluator raises, by JSONata error code. */
const MESSAGES: Record<string, string> = {
  T0410: 'Argument {{index}} of function {{token}} does not match function signature',
  T0411: 'Context value is not a compatible type with argument {{index}} of function {{token}}',
  T0412: 'Argument {{index}} of function {{token}} must be an array of {{type}}',
  D1001: 'Number out of range: {{value}}',
  D1002: 'Cannot negate a non-numeric value: {{value}}',
  T1003: 'Key in object structure must evaluate to a string; got: {{value}}',
  D1004: 'Regular expression matches zero length string',
  T1006: 'Attempted to invoke a non-function',
  D1009: 'Multiple key definitions evaluate to same key: {{value}}',
  T1010: 'The matcher function argument passed to function {{token}} does not return the correct object structure',
  T2001: 'The left side of the {{token}} operator must evaluate to a number',
  T2002: 'The right side of the {{token}} operator must evaluate to a number',
  T2003: 'The left side of the range operator (..) must evaluate to an integer',
  T2004: 'The right side of the range operator (..) must evaluate to an integer',
  T2009: 'The values {{value}} and {{value2}} either side of operator {{token}} must be of the same data type',
  T2010: 'The expressions either side of operator {{token}} must evaluate to numeric or string values',
  D2014: 'The size of the sequence allocated by the range operator (..) must not exceed 1e7.  Attempted to allocate {{value}}.',
  D3001: 'Attempting to invoke string function on Infinity or NaN',
  D3010: 'Second argument of replace function cannot be an empty string',
  D3011: 'Fourth argument of replace function must evaluate to a positive number',
  D3012: 'Attempted to replace a matched string with a non-string value',
  D3020: 'Third argument of split function must evaluate to a positive number',
  D3030: 'Unable to cast value to a number: {{value}}',
  D3040: 'Third argument of match function must evaluate to a positive number',
};

export interface FailureDetails {
  value?: unknown;
  value2?: unknown;
  index?: number;
  type?: string;
  token?: string;
}

/**
 * A dynamic error of a compiled mapping, with JSONata's code and message, so a record that fails
 * fails the same way under both evaluators. `token` (the operator or function) is filled in by the
 * node that catches it, as JSONata does; the message is written when it is first read.
 */
export class EvaluationFailure extends Error {
  readonly code: string;
  token?: string;
  readonly details: FailureDetails;

  constructor(code: string, details: FailureDetails = {}) {
    super(code);
    this.name = 'EvaluationFailure';
    this.code = code;
    this.details = details;
    this.token = details.token;
    Object.defineProperty(this, 'message', { get: () => this.describe(), configurable: true });
  }

  private describe(): string {
    const template = MESSAGES[this.code] ?? this.code;
    const fields: Record<string, unknown> = { ...this.details, token: this.token };
    return template.replace(/\{\{([^}]+)}}/g, (_match, name: string) => JSON.stringify(fields[name]) ?? 'undefined');
  }
}

/** Adds the operator or function name to a failure that has none yet, as JSONata's evaluator does. */
export function withToken(error: unknown, token: string): unknown {
  if (error instanceof EvaluationFailure && error.token === undefined) error.token = token;
  return error;
}
