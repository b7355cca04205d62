export * from './context';
export * from './settings';
export * from './trigger';
export * from './action';
export * from './stepClient';
