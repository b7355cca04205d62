/** NPS responses created since the last run (optionally one campaign or a score range). */
import { npsResponses } from '../resources/table';
import { resourceTrigger } from '../resources/trigger';

export = resourceTrigger(npsResponses);
