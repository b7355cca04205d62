import { ConnectorError } from './ConnectorError';

/** The provider refused the credentials (after one token refresh where that applies). */
export class AuthenticationError extends ConnectorError {}
