/** Reference data without change times: each run emits the records that are new or changed (content hashes). */
import { csatAgents } from '../resources/table';
import { resourceTrigger } from '../resources/trigger';

export = resourceTrigger(csatAgents);
