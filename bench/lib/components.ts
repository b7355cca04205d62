/**
 * Finds what each provider component has built: its polling triggers, its built-in mappings and
 * its simulator. Components land one by one, so everything is looked up at run time and a
 * component that is not built yet is reported as skipped rather than failing the run.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { SimulatorHandle, SimulatorOptions } from '@oih-suite/kit/simulator';
import type { RuntimeSelf } from '@oih-suite/kit';

/** The repository root (this file runs from bench/dist/bench/lib). */
export const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
export const RESULTS_DIR = path.join(ROOT, 'bench', 'results');
/** A component folder name (`smileback`). */
export type Provider = string;

/** Every component folder with a component.json: adding a provider adds it here, with no list to edit. */
export const PROVIDERS: readonly Provider[] = fs
  .readdirSync(path.join(ROOT, 'components'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(ROOT, 'components', entry.name, 'component.json')))
  .map((entry) => entry.name)
  .sort();

export type Cfg = Record<string, unknown>;
export type ProcessFn = (this: RuntimeSelf, msg: unknown, cfg: Cfg, snapshot?: unknown) => Promise<unknown>;

/** What a trigger module exports (the kit's `definePollingTrigger`). */
export interface TriggerModule {
  process: ProcessFn;
  /** A step defined with definePollingTrigger/defineAction. */
  spec?: { name?: string; mapping?: string; pageSize?: { fallback: number; max: number } };
  /** A step described with the kit's declare layer. */
  description?: { mapping?: unknown };
}

/** The step's built-in mapping, however the step was written. */
export function builtInMapping(mod: Pick<TriggerModule, 'spec' | 'description'>): string | undefined {
  const mapping = mod.spec?.mapping ?? mod.description?.mapping;
  return typeof mapping === 'string' ? mapping : undefined;
}

export type { SimulatorHandle, SimulatorOptions };

export interface SimulatorModule {
  startSimulator(options: SimulatorOptions): Promise<SimulatorHandle>;
}

interface ComponentJson {
  triggers?: Record<string, { main: string; type?: string }>;
  actions?: Record<string, { main: string; metadata?: { in?: unknown } }>;
}

export function componentDir(provider: string): string {
  return path.join(ROOT, 'components', provider);
}

/** True once the component's simulator and component.json are built. */
export function isBuilt(provider: string): boolean {
  const dir = componentDir(provider);
  return fs.existsSync(path.join(dir, 'component.json')) && fs.existsSync(path.join(dir, 'dist', 'simulator', 'index.js'));
}

export function builtProviders(): Provider[] {
  return PROVIDERS.filter(isBuilt);
}

export function loadSimulator(provider: string): SimulatorModule {
  return require(path.join(componentDir(provider), 'dist', 'simulator', 'index.js')) as SimulatorModule;
}

function readComponentJson(provider: string): ComponentJson {
  return JSON.parse(fs.readFileSync(path.join(componentDir(provider), 'component.json'), 'utf8')) as ComponentJson;
}

/** The trigger named in component.json, loaded from its `main`. */
export function loadTrigger(provider: string, name: string): TriggerModule {
  const trigger = readComponentJson(provider).triggers?.[name];
  if (!trigger) throw new Error(`${provider} has no trigger "${name}" in component.json`);
  const mod = require(path.join(componentDir(provider), trigger.main)) as TriggerModule;
  if (typeof mod.process !== 'function') throw new Error(`${provider} trigger "${name}" exports no process function`);
  return mod;
}

export function triggerNames(provider: string): string[] {
  return Object.keys(readComponentJson(provider).triggers ?? {});
}

export interface NamedMapping {
  provider: string;
  /** `<file>.<export>` under dist/lib/mappings. */
  name: string;
  expression: string;
}

/** Every JSONata string exported by the component's mapping modules. */
export function loadMappings(provider: string): NamedMapping[] {
  const dir = path.join(componentDir(provider), 'dist', 'lib', 'mappings');
  if (!fs.existsSync(dir)) return [];
  const out: NamedMapping[] = [];
  for (const file of fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .sort()) {
    const mod = require(path.join(dir, file)) as Record<string, unknown>;
    for (const [key, value] of Object.entries(mod)) {
      if (typeof value === 'string' && value.trim()) out.push({ provider, name: `${file.replace(/\.js$/, '')}.${key}`, expression: value });
    }
  }
  return out;
}

/** Each action with a built-in mapping, and its input schema (from component.json `metadata.in`). */
export function actionMappings(provider: string): { action: string; mapping: string; inSchema?: unknown }[] {
  const out: { action: string; mapping: string; inSchema?: unknown }[] = [];
  for (const [action, def] of Object.entries(readComponentJson(provider).actions ?? {})) {
    const mapping = builtInMapping(require(path.join(componentDir(provider), def.main)) as TriggerModule);
    if (mapping === undefined) continue;
    const declared = def.metadata?.in;
    const inSchema =
      typeof declared === 'string' ? (JSON.parse(fs.readFileSync(path.join(componentDir(provider), declared), 'utf8')) as unknown) : declared;
    out.push({ action, mapping, inSchema });
  }
  return out;
}
