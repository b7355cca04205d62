import { referenceItem } from '../mappings/referenceItem';
import { referenceList } from '../lists';

export = referenceList({
  id: 'getProjectSurveysPolling',
  key: 'prj-surveys',
  what: 'project surveys',
  lead: 'Project surveys',
  mapping: referenceItem,
  out: 'referenceItem.json',
});
