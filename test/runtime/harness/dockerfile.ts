import fs from 'node:fs';
import path from 'node:path';

/** What the OIH image runs, read from the packaged Dockerfile (dist-packages/<p>-oih/Dockerfile). */
export interface ImageCommand {
  /** ENTRYPOINT then CMD, exec form. */
  argv: string[];
  /** ENV of the image. */
  env: Record<string, string>;
  user?: string;
  workdir?: string;
  /** Every RUN line, for the production-install check. */
  runs: string[];
}

function execForm(value: string, line: string): string[] {
  const parsed = JSON.parse(value) as unknown;
  if (!Array.isArray(parsed) || !parsed.every((part) => typeof part === 'string'))
    throw new Error(`Dockerfile: ${line} must use the exec form ["node", ...] (signals reach ferryman directly)`);
  return parsed;
}

/** `KEY=value KEY2=value2` (values without spaces: all the image sets). */
function envPairs(value: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const pair of value.split(/\s+/).filter(Boolean)) {
    const at = pair.indexOf('=');
    if (at < 1) throw new Error(`Dockerfile: ENV ${pair} is not KEY=value`);
    env[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return env;
}

export function readImageCommand(packageDir: string): ImageCommand {
  const text = fs.readFileSync(path.join(packageDir, 'Dockerfile'), 'utf8');
  const image: ImageCommand = { argv: [], env: {}, runs: [] };
  let entrypoint: string[] = [];
  let cmd: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const [, instruction, value] = /^(\w+)\s+(.*)$/.exec(line) ?? [];
    switch (instruction?.toUpperCase()) {
      case 'ENTRYPOINT':
        entrypoint = execForm(value, line);
        break;
      case 'CMD':
        cmd = execForm(value, line);
        break;
      case 'ENV':
        Object.assign(image.env, envPairs(value));
        break;
      case 'USER':
        image.user = value;
        break;
      case 'WORKDIR':
        image.workdir = value;
        break;
      case 'RUN':
        image.runs.push(value);
        break;
      default:
    }
  }
  image.argv = [...entrypoint, ...cmd];
  if (!image.argv.length) throw new Error(`${packageDir}/Dockerfile has neither ENTRYPOINT nor CMD`);
  return image;
}
