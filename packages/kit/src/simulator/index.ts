export * from './server';
export * from './tokens';
export * from './hostile';
export { SeededRandom } from './random';
export { SimulatorOptions, SimulatorHandle } from './handle';
