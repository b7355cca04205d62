import fs from 'node:fs';
import { UsageError } from './errors';

/**
 * The step configuration (credentials and step fields) a run gets, as sailor/ferryman would pass
 * it. Secrets need not live in the file:
 * - any string value may contain `${ENV_NAME}` placeholders, replaced from the environment;
 * - `OIH_CFG_<FIELD>` variables set (or override) a field; `<FIELD>` matches the field names of
 *   component.json case-insensitively, ignoring `_` (OIH_CFG_CLIENT_SECRET → clientSecret).
 */
export function loadConfig(file: string | undefined, knownFields: string[], env: NodeJS.ProcessEnv = process.env): Record<string, unknown> {
  const fromFile = file ? readJsonObject(file, '--cfg') : {};
  const cfg = substitute(fromFile, env, file ?? '--cfg') as Record<string, unknown>;
  const names = [...new Set([...knownFields, ...Object.keys(cfg)])];
  for (const [key, value] of Object.entries(env)) {
    if (!key.startsWith('OIH_CFG_') || value === undefined) continue;
    const suffix = key.slice('OIH_CFG_'.length);
    const match = names.find((name) => normalize(name) === normalize(suffix));
    cfg[match ?? suffix] = value;
  }
  return cfg;
}

function normalize(name: string): string {
  return name.toLowerCase().replace(/[_-]/g, '');
}

function substitute(value: unknown, env: NodeJS.ProcessEnv, where: string): unknown {
  if (typeof value === 'string') {
    return value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_all, name: string) => {
      const found = env[name];
      if (found === undefined)
        throw new UsageError(`${where} refers to \${${name}}, but the environment variable ${name} is not set`, `export ${name}=... first.`);
      return found;
    });
  }
  if (Array.isArray(value)) return value.map((item) => substitute(item, env, where));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, substitute(v, env, where)]));
  }
  return value;
}

/** Reads a JSON file that must hold an object; usage errors name the option it came from. */
export function readJsonObject(file: string, option: string): Record<string, unknown> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`${option} ${file}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${option} ${file}: not valid JSON (${whereJsonBroke(text, (error as Error).message)})`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new UsageError(`${option} ${file}: must hold a JSON object`);
  return parsed as Record<string, unknown>;
}

/**
 * Where a JSON file broke, as line and column, without any of its text: the parser's own message
 * quotes the file ("Unexpected token 'x', "{"clientSecret": "s3..." is not valid JSON"), and a
 * cfg file holds secrets.
 */
export function whereJsonBroke(text: string, parserMessage: string): string {
  const position = /at position (\d+)/.exec(parserMessage);
  const kind = /^([A-Za-z ,-]+?) in JSON/.exec(parserMessage)?.[1] ?? 'syntax error';
  if (!position) return /end of (JSON )?input/i.test(parserMessage) ? 'the file ends too early' : kind;
  const before = text.slice(0, Number(position[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return `${kind.toLowerCase()} at line ${line}, column ${column}`;
}
