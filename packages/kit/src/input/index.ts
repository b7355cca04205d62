export { isAbsent } from './values';
export { strictNumber, strictInteger, NumberBounds } from './numbers';
export { strictText, strictBoolean, strictChoice } from './text';
export { strictTime } from './time';
export { readRecordUid, readDeleteRequested } from './identity';
export { checkEveryItem } from './batch';
