export * from './recorder';
export * from './contract';
export * from './nock';
export * from './hostile';
export * from './compiledEquivalence';
