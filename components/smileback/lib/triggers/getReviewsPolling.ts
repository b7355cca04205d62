/** Reviews (CSAT) modified since the last run, oldest first; deleted reviews become tombstones. */
import { reviews } from '../resources/table';
import { resourceTrigger } from '../resources/trigger';

export = resourceTrigger(reviews);
