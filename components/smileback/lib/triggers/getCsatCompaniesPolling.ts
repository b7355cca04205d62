import { organizationFromCompany } from '../mappings/organizationFromCompany';
import { referenceList } from '../lists';

export = referenceList({
  id: 'getCsatCompaniesPolling',
  key: 'csat-companies',
  what: 'CSAT companies',
  lead: 'CSAT companies as OIH Organizations',
  mapping: organizationFromCompany,
  out: 'organization.json',
});
