import { ConnectorError, ConnectorErrorDetails } from './ConnectorError';

/** Bad configuration or bad input: names the field; raised before anything is sent. */
export class ConfigurationError extends ConnectorError {
  constructor(field: string, problem: string, details: Omit<ConnectorErrorDetails, 'field'> = {}) {
    super(`${field}: ${problem}`, { ...details, field });
  }
}
