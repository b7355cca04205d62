export { ConnectorError, ConnectorErrorDetails } from './ConnectorError';
export { ConfigurationError } from './ConfigurationError';
export { AuthenticationError } from './AuthenticationError';
export { RateLimitError } from './RateLimitError';
export { TransientError } from './TransientError';
export { ProviderError } from './ProviderError';
export { ScanPositionLostError } from './ScanPositionLostError';
export { InvalidItemsError, InvalidItem } from './InvalidItemsError';
export { redactError } from './redactError';
