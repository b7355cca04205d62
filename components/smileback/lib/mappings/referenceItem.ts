/**
 * Agents, boards, campaigns and surveys have no OIH model: the record passes through with its id
 * as a string (SmileBack types it as an integer on some lists and a string on others).
 */
export const referenceItem = `$merge([$, { "id": $string(id) }])`;
