import { referenceItem } from '../mappings/referenceItem';
import { referenceList } from '../lists';

export = referenceList({ id: 'getCsatAgentsPolling', key: 'csat-agents', what: 'CSAT agents', mapping: referenceItem, out: 'referenceItem.json' });
