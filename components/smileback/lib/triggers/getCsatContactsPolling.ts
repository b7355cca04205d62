import { personFromContact } from '../mappings/personFromContact';
import { referenceList } from '../lists';

export = referenceList({
  id: 'getCsatContactsPolling',
  key: 'csat-contacts',
  what: 'CSAT contacts',
  lead: 'CSAT contacts as OIH Persons',
  mapping: personFromContact,
  out: 'person.json',
});
