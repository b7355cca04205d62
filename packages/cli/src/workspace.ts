import fs from 'node:fs';
import path from 'node:path';
import { UsageError } from './errors';

/** What `component.json` says about one trigger or action. */
export interface StepDefinition {
  main: string;
  title?: string;
  description?: string;
  type?: string;
  fields?: Record<string, { label?: string; required?: boolean; viewClass?: string; note?: string }>;
}

export interface ComponentDescriptor {
  title?: string;
  description?: string;
  credentials?: { fields?: Record<string, { label?: string; required?: boolean; viewClass?: string; note?: string }> };
  triggers?: Record<string, StepDefinition>;
  actions?: Record<string, StepDefinition>;
}

export interface ComponentInfo {
  /** The folder name, which is what users type: `smileback`. */
  id: string;
  dir: string;
  descriptor: ComponentDescriptor;
}

export interface StepInfo {
  component: ComponentInfo;
  name: string;
  kind: 'trigger' | 'action';
  definition: StepDefinition;
}

/**
 * The repository root: `packages/cli/dist` is three levels below it. `OIH_COMPONENTS_DIR` points
 * the CLI at another components folder (a checkout of just the components, for instance).
 */
export function componentsDir(): string {
  return process.env.OIH_COMPONENTS_DIR ? path.resolve(process.env.OIH_COMPONENTS_DIR) : path.join(repoRoot(), 'components');
}

export function repoRoot(): string {
  return path.resolve(__dirname, '..', '..', '..');
}

/** Components that have a component.json (folders still being written are left out). */
export function listComponents(): ComponentInfo[] {
  const dir = componentsDir();
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(dir, entry.name, 'component.json')))
    .map((entry) => entry.name)
    .sort()
    .map((id) => ({ id, dir: path.join(dir, id), descriptor: readDescriptor(path.join(dir, id)) }));
}

function readDescriptor(dir: string): ComponentDescriptor {
  const file = path.join(dir, 'component.json');
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as ComponentDescriptor;
  } catch (error) {
    throw new UsageError(`${file} is not valid JSON: ${(error as Error).message}`);
  }
}

/** Accepts `smileback`, `Smileback` or `@oih-suite/smileback`. */
export function findComponent(name: string): ComponentInfo {
  const wanted = name.replace(/^@oih-suite\//, '').toLowerCase();
  const all = listComponents();
  const found = all.find((c) => c.id.toLowerCase() === wanted || c.descriptor.title?.toLowerCase() === wanted);
  if (!found) {
    const known = all.map((c) => c.id).join(', ') || 'none yet';
    throw new UsageError(`Unknown component "${name}"`, `Components available: ${known}. \`oih-connectors list\` shows them with their steps.`);
  }
  return found;
}

export function findStep(component: ComponentInfo, name: string): StepInfo {
  const triggers = component.descriptor.triggers ?? {};
  const actions = component.descriptor.actions ?? {};
  if (triggers[name]) return { component, name, kind: 'trigger', definition: triggers[name] };
  if (actions[name]) return { component, name, kind: 'action', definition: actions[name] };
  const lower = name.toLowerCase();
  const loose = [...Object.keys(triggers), ...Object.keys(actions)].find((key) => key.toLowerCase() === lower);
  if (loose) return findStep(component, loose);
  const steps = [...Object.keys(triggers).map((t) => `${t} (trigger)`), ...Object.keys(actions).map((a) => `${a} (action)`)].join(', ');
  throw new UsageError(`${component.id} has no trigger or action "${name}"`, `Its steps: ${steps || 'none'}.`);
}

/** The `process` function the runtimes call (sailor and ferryman both bind `this` to an emitter). */
export type ProcessFunction = (this: RuntimeSelfLike, msg: unknown, cfg: Record<string, unknown>, snapshot?: unknown) => unknown;

export interface RuntimeSelfLike {
  emit(event: string, payload?: unknown): unknown;
  logger?: unknown;
}

/** The module a step's `main` names (process, plus select models such as `getGroups`). */
export function loadStepModule(step: StepInfo): Record<string, unknown> {
  return requireBuilt(path.resolve(step.component.dir, step.definition.main), step.component) as Record<string, unknown>;
}

export function loadProcess(step: StepInfo): ProcessFunction {
  const file = path.resolve(step.component.dir, step.definition.main);
  const mod = loadStepModule(step);
  const candidate = (mod as { process?: unknown }).process ?? (mod as { default?: { process?: unknown } }).default?.process;
  if (typeof candidate !== 'function') throw new UsageError(`${file} does not export a process function`);
  return candidate as ProcessFunction;
}

/** sailor's verify signature: `(credentials, cb?)`, returning a promise or calling back. */
export type VerifyFunction = (
  this: RuntimeSelfLike,
  credentials: Record<string, unknown>,
  cb?: (error: unknown, result?: unknown) => void,
) => unknown;

export function loadVerify(component: ComponentInfo): VerifyFunction {
  const file = path.join(component.dir, 'verifyCredentials.js');
  if (!fs.existsSync(file)) throw new UsageError(`${component.id} has no verifyCredentials.js`);
  const mod = requireBuilt(file, component);
  const fn = typeof mod === 'function' ? mod : ((mod as { verify?: unknown }).verify ?? (mod as { default?: unknown }).default);
  if (typeof fn !== 'function') throw new UsageError(`${file} does not export a verify function`);
  return fn as VerifyFunction;
}

function requireBuilt(file: string, component: ComponentInfo): unknown {
  try {
    return require(file) as unknown;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND' && String((error as Error).message).includes(path.basename(file, '.js'))) {
      throw new UsageError(`${component.id} is not built (${path.relative(process.cwd(), file)} is missing)`, 'Run `npm run build` first.');
    }
    throw error;
  }
}
