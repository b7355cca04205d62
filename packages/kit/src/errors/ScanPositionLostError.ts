import { ConnectorError } from './ConnectorError';

/**
 * A scan resumed from a snapshot's position found that position beyond the end of the data (the
 * data shrank, or the snapshot was edited). Carrying on would skip every record before the end;
 * the polling engine catches this and restarts the scan's window from its beginning instead.
 */
export class ScanPositionLostError extends ConnectorError {}
