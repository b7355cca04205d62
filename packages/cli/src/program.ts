import fs from 'node:fs';
import path from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { listCommand } from './commands/list';
import { runCommand } from './commands/run';
import { simulateCommand } from './commands/simulate';
import { verifyCommand } from './commands/verify';
import { demoCommand } from './commands/demo';
import { EXIT, ExitCode } from './errors';
import { Ui } from './output/ui';
import { listComponents } from './workspace';

function positiveInt(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError(`${name} must be a whole number ≥ 0`);
    return n;
  };
}

const EPILOG = `
Exit codes: 0 ok (also --help, --version) · 1 unexpected error (a bug) · 2 bad usage or configuration (customMapping
errors too) · 3 bad credentials · 4 provider unreachable or failing (errors, rate limits, rebounds).
Secrets: --cfg values may use \${ENV_NAME} placeholders; OIH_CFG_<FIELD> variables set fields
(OIH_CFG_CLIENT_SECRET → clientSecret).`;

/** The CLI's own version (packages/cli/package.json, one folder above dist/). */
function cliVersion(): string {
  const file = path.join(__dirname, '..', 'package.json');
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version;
}

/** The components found under components/, for help texts (a broken component.json is reported by the command that reads it). */
function componentNames(): string {
  try {
    return (
      listComponents()
        .map((c) => c.id)
        .join(', ') || 'none yet'
    );
  } catch {
    return 'see `oih-connectors list`';
  }
}

/**
 * The command tree. Every action resolves to an exit code; usage errors from commander itself
 * (unknown command, missing argument, bad option value) are mapped to 2 by the caller.
 */
export function buildProgram(setExit: (code: ExitCode) => void): Command {
  const program = new Command('oih-connectors')
    .description('Run the OIH connector components locally: triggers, actions, credential checks, simulators and a demo flow.')
    .version(cliVersion(), '--version', 'print the version')
    .option('-v, --verbose', 'show component logs and stack traces')
    .addHelpText('after', EPILOG)
    .showHelpAfterError('(add --help for usage)')
    .exitOverride();
  const ui = (cmd: Command) => new Ui(!!cmd.optsWithGlobals().verbose);
  const act =
    <A extends unknown[]>(fn: (...args: A) => Promise<ExitCode> | ExitCode) =>
    async (...args: A) => {
      const cmd = args[args.length - 1] as Command;
      const view = ui(cmd);
      try {
        setExit(await fn(...args));
      } catch (error) {
        setExit(view.fail(error));
      }
    };

  program
    .command('list')
    .description('list the components with their triggers and actions')
    .option('--json', 'one JSON document instead of text')
    .action(act((options: { json?: boolean }, cmd: Command) => listCommand(options, ui(cmd))));

  program
    .command('run')
    .description('run a trigger or an action in-process, as the runtime would')
    .argument('<component>', 'component folder name, e.g. smileback')
    .argument('<step>', 'trigger or action name from component.json')
    .option('--cfg <file>', 'step configuration and credentials (JSON)')
    .option('--input <file>', 'the incoming message for an action (JSON, OIH {metadata,data} or elastic.io {body})')
    .option('--state <file>', 'snapshot file: read before the run, written after every snapshot the component emits')
    .option('--limit <n>', 'stop after N messages', positiveInt('--limit'))
    .option('--json', 'print each emitted message as one JSON line (summary goes to stderr)')
    .addOption(new Option('--format <format>', 'message shape').choices(['oih', 'elasticio']))
    .action(act((component: string, step: string, options: Record<string, unknown>, cmd: Command) => runCommand(component, step, options, ui(cmd))));

  program
    .command('verify')
    .description("check credentials with the component's verifyCredentials")
    .argument('<component>', 'component folder name')
    .option('--cfg <file>', 'credentials (JSON)')
    .action(act((component: string, options: { cfg?: string }, cmd: Command) => verifyCommand(component, options, ui(cmd))));

  program
    .command('simulate')
    .description('start a provider simulator with seeded data until Ctrl-C')
    .argument('<provider>', `component folder name (${componentNames()})`)
    .option('--port <n>', 'port on 127.0.0.1 (default: a free one)', positiveInt('--port'))
    .option('--records <n>', 'how many records to seed', positiveInt('--records'))
    .option('--seed <n>', 'random seed of the data', positiveInt('--seed'))
    .option('--no-rate-limits', "turn the provider's rate limits off")
    .option('--write-cfg <file>', 'also write the test credentials to this file')
    .action(act((provider: string, options: Record<string, unknown>, cmd: Command) => simulateCommand(provider, options, ui(cmd))));

  program
    .command('demo')
    .description("the demo flow on every component's simulator (npm start); the second run is incremental")
    .option('--reset', 'forget the state of previous runs and start over')
    .option('--state-dir <dir>', 'where the demo keeps its state (default: .state/demo at the repo root)')
    .action(act((options: { reset?: boolean; stateDir?: string }, cmd: Command) => demoCommand(options, ui(cmd))));

  return program;
}

/** Parses and runs; returns the process exit code. */
export async function main(argv: string[]): Promise<number> {
  let code: ExitCode = EXIT.ok;
  const program = buildProgram((c) => (code = c));
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end "with an error" in commander's override mode; they are not one.
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.ok;
      if (error.code === 'commander.executeSubCommandAsync') return EXIT.internal;
      return EXIT.usage;
    }
    throw error;
  }
  return code;
}
