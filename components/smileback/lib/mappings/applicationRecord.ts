/**
 * Embedded Persons and Organizations carry their own SmileBack id (the message's `recordUid` is
 * the review's), so a flow can match them in OIH without another lookup.
 */
export const applicationRecord = (idExpression: string): string =>
  `"oihApplicationRecords": [{ "applicationUid": "smileback", "recordUid": $string(${idExpression}) }]`;
