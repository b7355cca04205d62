#!/usr/bin/env node
import { main } from './program';

main(process.argv).then(
  (code) => {
    // Let stdout drain (piped output) before exiting; sockets of stopped simulators would otherwise keep us alive.
    process.exitCode = code;
    setImmediate(() => process.exit(code));
  },
  (error: unknown) => {
    process.stderr.write(`Unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
