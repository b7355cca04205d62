export * from './recorder';
export * from './contract';
