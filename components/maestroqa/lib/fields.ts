import { select } from '@oih-suite/kit';
import { TIME_AXES } from './client';

/** Which date the coaching export filters on (a trigger and the action share it). */
export const timeAxis = select({ label: 'Time axis', model: TIME_AXES, fallback: 'createdAt', note: 'Which date the export filters on.' });
