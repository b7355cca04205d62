import { ConnectorError } from './ConnectorError';

/** The provider rejected the request for a business reason (validation, not found, conflict...). */
export class ProviderError extends ConnectorError {}
