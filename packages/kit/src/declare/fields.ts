import { ConfigurationError } from '../errors';
import type { Config } from '../component/context';
import { readBoolean, readInteger, readString } from '../component/settings';
import { strictText } from '../input';
import { readTimeField } from '../polling/snapshot';
import { WallClock, readTimeZoneField } from '../util/timeZone';

/** A field as component.json shows it (credentials and step fields alike). */
export interface FieldJson {
  label: string;
  viewClass: 'TextFieldView' | 'TextAreaView' | 'PasswordFieldView' | 'CheckBoxView' | 'SelectView' | 'OAuthFieldView';
  required: boolean;
  note: string;
  placeholder?: string;
  /** A select's values, or the name of the step module's function that lists them (a dynamic select model). */
  model?: Record<string, string> | string;
  prompt?: string;
}

/**
 * One declared field: what component.json shows and how the step reads it. A step's fields are
 * read once per run into typed settings (`readSettings`), so cursor and id functions close over
 * plain values instead of re-reading the configuration for every record.
 */
export interface FieldDeclaration<T> {
  json: FieldJson;
  /** The value's JSON schema, for generated in-schemas of actions that take their fields from the message. */
  schema: Record<string, unknown>;
  read(cfg: Config, name: string): T;
}

export type FieldSet = Record<string, FieldDeclaration<unknown>>;

/** The typed values of a field set, as `readSettings` returns them. */
export type Settings<F extends FieldSet> = { [K in keyof F]: F[K] extends FieldDeclaration<infer T> ? T : never };

/** Reads every declared field of the configuration (or of the message merged over it); a bad value throws, naming its field. */
export function readSettings<F extends FieldSet>(fields: F, cfg: Config): Settings<F> {
  const out: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(fields)) out[name] = field.read(cfg, name);
  return out as Settings<F>;
}

interface Common {
  label: string;
  note: string;
}

type Required<R> = R extends true ? string : string | undefined;

function requireValue(name: string, value: string | undefined, missing?: string): string {
  if (value === undefined) throw new ConfigurationError(name, missing ? `is required: ${missing}` : 'is required');
  return value;
}

/** A one-line text; `required` fields fail with "<name>: is required[: missing]" when empty. */
export function text<R extends boolean = false>(o: Common & { placeholder: string; required?: R; missing?: string }): FieldDeclaration<Required<R>> {
  return {
    json: { label: o.label, viewClass: 'TextFieldView', required: o.required === true, note: o.note, placeholder: o.placeholder },
    schema: { type: 'string', title: o.label },
    // Strict: an object, list or boolean given where text is meant is an error naming the field (h3's input rule).
    read: (cfg, name) => {
      const value = strictText(cfg[name], name, { trim: true });
      return (o.required ? requireValue(name, value, o.missing) : value) as Required<R>;
    },
  };
}

/** A multi-line text (JSONata, JSON). */
export function textArea(o: Common & { placeholder: string }): FieldDeclaration<string | undefined> {
  return {
    json: { label: o.label, viewClass: 'TextAreaView', required: false, note: o.note, placeholder: o.placeholder },
    schema: { type: 'string', title: o.label },
    read: (cfg, name) => readString(cfg, name),
  };
}

/** A secret (password, token, client secret): masked in the UI and known to every step's redactor. */
export function secret<R extends boolean = false>(o: Common & { required?: R; missing?: string }): FieldDeclaration<Required<R>> {
  return {
    json: { label: o.label, viewClass: 'PasswordFieldView', required: o.required === true, note: o.note },
    schema: { type: 'string', title: o.label },
    read: (cfg, name) => (o.required ? requireValue(name, readString(cfg, name), o.missing) : readString(cfg, name)) as Required<R>,
  };
}

/** A whole number within bounds; the placeholder shows the default. */
export function integer(o: Common & { min: number; max: number; fallback: number }): FieldDeclaration<number> {
  return {
    json: { label: o.label, viewClass: 'TextFieldView', required: false, note: o.note, placeholder: String(o.fallback) },
    schema: { type: 'integer', title: o.label, minimum: o.min, maximum: o.max },
    read: (cfg, name) => readInteger(cfg, name, o),
  };
}

/** A yes/no switch (elastic.io's `CheckBoxView`). */
export function checkbox(o: Common): FieldDeclaration<boolean> {
  return {
    json: { label: o.label, viewClass: 'CheckBoxView', required: false, note: o.note },
    schema: { type: 'boolean', title: o.label },
    read: (cfg, name) => readBoolean(cfg, name, false),
  };
}

/** One of a fixed set of values; an empty field is `fallback`, anything else outside the set fails. */
export function select<K extends string>(o: Common & { model: Record<K, string>; fallback: NoInfer<K>; required?: boolean }): FieldDeclaration<K> {
  const keys = Object.keys(o.model) as K[];
  return {
    json: { label: o.label, viewClass: 'SelectView', required: o.required === true, note: o.note, model: o.model, prompt: o.fallback },
    schema: { type: 'string', title: o.label, enum: keys },
    read: (cfg, name) => {
      const value = cfg[name];
      if (value === undefined || value === null || value === '') return o.fallback;
      if (!keys.includes(value as K)) {
        const list = keys.length === 2 ? `"${keys[0]}" or "${keys[1]}"` : `one of ${keys.join(', ')}`;
        throw new ConfigurationError(name, `must be ${list}, got "${String(value)}"`);
      }
      return value as K;
    },
  };
}

/**
 * A select whose values the platform asks the step for: `model` names a function the step's module
 * exports (`(cfg) => Promise<{value: label}>`, e.g. the account's groups). Empty is undefined.
 */
export function dynamicSelect(o: Common & { model: string; prompt: string }): FieldDeclaration<string | undefined> {
  return {
    json: { label: o.label, viewClass: 'SelectView', required: false, note: o.note, model: o.model, prompt: o.prompt },
    schema: { type: 'string', title: o.label },
    read: (cfg, name) => strictText(cfg[name], name, { trim: true }),
  };
}

/** A point in time (ISO 8601 or epoch), as epoch ms. */
export function time(o: Common & { placeholder: string }): FieldDeclaration<number | undefined> {
  return {
    json: { label: o.label, viewClass: 'TextFieldView', required: false, note: o.note, placeholder: o.placeholder },
    schema: { type: 'string', title: o.label },
    read: (cfg, name) => readTimeField(cfg, name),
  };
}

/** A provider's time zone (empty: UTC; an offset or an IANA name), as a clock built once per step. */
export function timeZone(o: Common & { placeholder: string }): FieldDeclaration<WallClock> {
  return {
    json: { label: o.label, viewClass: 'TextFieldView', required: false, note: o.note, placeholder: o.placeholder },
    schema: { type: 'string', title: o.label },
    read: (cfg, name) => readTimeZoneField(cfg, name),
  };
}

/** An http(s) base URL without trailing slashes; empty means `fallback`. */
export function baseUrl(o: Common & { fallback: string }): FieldDeclaration<string> {
  return {
    json: { label: o.label, viewClass: 'TextFieldView', required: false, note: o.note, placeholder: o.fallback },
    schema: { type: 'string', title: o.label },
    read: (cfg, name) => {
      const value = readString(cfg, name) ?? o.fallback;
      if (!/^https?:\/\/[^\s/]+/i.test(value)) throw new ConfigurationError(name, `"${value}" is not an http(s) URL, e.g. ${o.fallback}`);
      return value.replace(/\/+$/, '');
    },
  };
}

/** A field with its own reading rule (a date, a list...): the JSON and the reader are the provider's. */
export function field<T>(
  json: FieldJson,
  read: (cfg: Config, name: string) => T,
  schema: Record<string, unknown> = { type: 'string' },
): FieldDeclaration<T> {
  return { json, read, schema: { title: json.label, ...schema } };
}
