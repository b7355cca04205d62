/** Project-survey responses dated since the last run (the API has no filter: every run lists all). */
import { projectResponses } from '../resources/table';
import { resourceTrigger } from '../resources/trigger';

export = resourceTrigger(projectResponses);
