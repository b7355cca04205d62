import { referenceItem } from '../mappings/referenceItem';
import { referenceList } from '../lists';

export = referenceList({
  id: 'getCsatBoardsPolling',
  key: 'csat-boards',
  what: 'CSAT boards',
  lead: 'CSAT boards (service boards / segments)',
  mapping: referenceItem,
  out: 'referenceItem.json',
});
