import { referenceItem } from '../mappings/referenceItem';
import { referenceList } from '../lists';

export = referenceList({
  id: 'getNpsCampaignsPolling',
  key: 'nps-campaigns',
  what: 'NPS campaigns',
  mapping: referenceItem,
  out: 'referenceItem.json',
});
