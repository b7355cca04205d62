export * from './types';
export * from './request';
export * from './result';
export * from './schemas';
export * from './describeOperation';
