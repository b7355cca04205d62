export * from './server';
export * from './tokens';
export { SeededRandom } from './random';
export { SimulatorOptions, SimulatorHandle } from './handle';
