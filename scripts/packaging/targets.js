// What each deployment target gets beside the component's compiled code. A component declares
// both runtimes (the local runner and the runtime tests need both); each package keeps only its own:
// sailor for elastic.io, ferryman for the OIH image. Measured with both in one folder the
// production tree was 38-40 MB; split, each carries only what its platform starts.
'use strict';

const SAILOR = 'elasticio-sailor-nodejs';
const FERRYMAN = '@openintegrationhub/ferryman';

/** Dependencies that never ship: declared for development only (see README "Deploying a component"). */
const NEVER_SHIPPED = ['elasticio-node'];

const SMOKE_TEST =
  "node -e \"const c = require('./component.json'); require('./verifyCredentials'); " +
  "for (const k of ['triggers', 'actions']) for (const d of Object.values(c[k] || {})) require(d.main);\"";

const TARGETS = {
  /** dist-packages/<p>/: an elastic.io component repository root (push it as is). */
  elasticio: {
    folder: (name) => name,
    runtime: SAILOR,
    drops: [FERRYMAN],
    entry: 'node_modules/elasticio-sailor-nodejs/run.js',
    scripts: { start: 'node ./node_modules/elasticio-sailor-nodejs/run.js', test: SMOKE_TEST },
    ignoreFile: '.gitignore',
  },
  /** dist-packages/<p>-oih/: the build context of the OIH image (Dockerfile, registration record). */
  oih: {
    folder: (name) => `${name}-oih`,
    runtime: FERRYMAN,
    drops: [SAILOR],
    entry: 'node_modules/@openintegrationhub/ferryman/runGlobal.js',
    scripts: { start: 'node ./node_modules/@openintegrationhub/ferryman/runGlobal.js', test: SMOKE_TEST },
    ignoreFile: '.dockerignore',
  },
};

module.exports = { TARGETS, NEVER_SHIPPED, SAILOR, FERRYMAN };
