#!/usr/bin/env node
// Builds, for every components/<p>/component.json, the folders the platforms run (compiled dist/lib,
// component.json, verifyCredentials.js, logo.png, README.md, lib/schemas, a production package.json
// with its package-lock.json and production node_modules):
//   dist-packages/<p>/      an elastic.io component repository root (sailor; .gitignore; push it as is)
//   dist-packages/<p>-oih/  the OIH image build context (ferryman; Dockerfile; component-repository.json)
// Run it after the build (`npm run package` does both).
//
// The workspace kit is not on the npm registry, so it travels inside each package: `npm pack`
// of packages/kit goes to vendor/ and the package depends on `file:vendor/<kit>.tgz`. Each folder
// with its lockfile therefore installs anywhere with plain `npm install --omit=dev` (the elastic.io
// buildpack does exactly that), and node_modules holds a real copy of the kit, never a symlink.
//
// Usage: node scripts/package-components.js [provider ...]   (default: all components)
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { DOCKERIGNORE, dockerfile, registrationRecord } = require('./packaging/oih');
const { elasticioNotes, oihNotes } = require('./packaging/readme');
const { NEVER_SHIPPED, TARGETS } = require('./packaging/targets');

const root = path.resolve(__dirname, '..');
const out = path.join(root, 'dist-packages');
const started = Date.now();

function log(line) {
  console.log(`[package] ${line}`);
}

function fail(message) {
  console.error(`[package] ERROR: ${message}`);
  process.exit(1);
}

function seconds(since) {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}

// npm run passes the root project's npm_* settings down; the nested npm must see a plain project.
function npmEnv() {
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key.startsWith('npm_') && !['npm_config_cache', 'npm_config_registry', 'npm_config_userconfig'].includes(key)) continue;
    env[key] = value;
  }
  return env;
}

function npm(args, cwd) {
  const cli = process.env.npm_execpath && fs.existsSync(process.env.npm_execpath) ? [process.execPath, process.env.npm_execpath] : ['npm'];
  try {
    return execFileSync(cli[0], [...cli.slice(1), ...args], { cwd, env: npmEnv(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    fail(`npm ${args.join(' ')} (in ${path.relative(root, cwd) || '.'}) failed:\n${error.stderr || error.message}`);
  }
}

/** `npm pack --json` into `dest`; returns the tarball's file name. */
function pack(dir, dest) {
  const result = JSON.parse(npm(['pack', '--json', '--ignore-scripts', '--pack-destination', dest], dir));
  return result[0].filename;
}

function copy(from, to, filter = () => true) {
  fs.cpSync(from, to, { recursive: true, dereference: true, filter: (src) => filter(src) });
}

/** What a platform needs of the compiled code: JavaScript and JSON, no maps, declarations or build info. */
function isRuntimeFile(src) {
  if (fs.statSync(src).isDirectory()) return true;
  return !/\.(d\.ts|map|tsbuildinfo)$/.test(src);
}

/** Every path component.json points to must exist in the package, or the platform fails at run time. */
function checkReferences(pkgDir, componentJson, name) {
  const missing = [];
  const needs = (rel, what) => {
    if (typeof rel === 'string' && !fs.existsSync(path.join(pkgDir, rel))) missing.push(`${what}: ${rel}`);
  };
  for (const kind of ['triggers', 'actions']) {
    for (const [id, def] of Object.entries(componentJson[kind] || {})) {
      needs(def.main, `${kind}.${id}.main`);
      for (const [dir, schema] of Object.entries(def.metadata || {})) needs(schema, `${kind}.${id}.metadata.${dir}`);
    }
  }
  if (!fs.existsSync(path.join(pkgDir, 'verifyCredentials.js'))) missing.push('verifyCredentials.js');
  if (missing.length) fail(`${name}: component.json refers to files missing from the package:\n  ${missing.join('\n  ')}`);
}

function productionPackageJson(source, kitDependency, target) {
  const pkg = JSON.parse(fs.readFileSync(source, 'utf8'));
  const dependencies = { ...pkg.dependencies };
  if (dependencies['@oih-suite/kit']) dependencies['@oih-suite/kit'] = kitDependency;
  for (const dropped of [...target.drops, ...NEVER_SHIPPED]) delete dependencies[dropped];
  if (!dependencies[target.runtime]) fail(`${pkg.name}: package.json does not declare ${target.runtime}`);
  const files = [...new Set([...(pkg.files || []), 'vendor/*.tgz'])];
  const result = {
    name: pkg.name,
    version: pkg.version,
    description: pkg.description,
    license: pkg.license,
    private: pkg.private,
    main: 'verifyCredentials.js',
    // Only the runtime entries; `test` is what the elastic.io buildpack runs after installing: it
    // loads every trigger, action and verifyCredentials, so a broken package fails the build there.
    scripts: target.scripts,
    engines: pkg.engines || { node: '>=20' },
    files,
    dependencies,
  };
  return JSON.stringify(result, null, 2) + '\n';
}

/** The files both targets share: compiled code, descriptor, schemas, logo, README, the vendored kit. */
function copyComponentFiles(name, src, dest, kitTarball) {
  fs.mkdirSync(dest, { recursive: true });
  for (const file of ['component.json', 'verifyCredentials.js', 'logo.png', 'README.md']) {
    if (fs.existsSync(path.join(src, file))) fs.copyFileSync(path.join(src, file), path.join(dest, file));
    else if (file === 'component.json' || file === 'verifyCredentials.js') fail(`${name}: ${file} is missing`);
    else log(`${name}: WARNING ${file} is missing`);
  }
  copy(path.join(src, 'dist/lib'), path.join(dest, 'dist/lib'), isRuntimeFile);
  if (fs.existsSync(path.join(src, 'lib/schemas'))) copy(path.join(src, 'lib/schemas'), path.join(dest, 'lib/schemas'));
  fs.mkdirSync(path.join(dest, 'vendor'));
  fs.copyFileSync(kitTarball, path.join(dest, 'vendor', path.basename(kitTarball)));
}

function writeTargetFiles(kind, name, dest, componentJson, version) {
  const notes = kind === 'oih' ? oihNotes(name, version) : elasticioNotes(name, version);
  if (fs.existsSync(path.join(dest, 'README.md'))) fs.appendFileSync(path.join(dest, 'README.md'), notes);
  if (kind === 'elasticio') {
    fs.writeFileSync(path.join(dest, '.gitignore'), 'node_modules/\nnpm-debug.log\n');
    return;
  }
  fs.writeFileSync(path.join(dest, 'Dockerfile'), dockerfile(name, componentJson.title, version, Object.keys(componentJson.envVars || {})));
  fs.writeFileSync(path.join(dest, '.dockerignore'), DOCKERIGNORE);
  fs.writeFileSync(path.join(dest, 'component-repository.json'), JSON.stringify(registrationRecord(name, componentJson, version), null, 2) + '\n');
}

/** Builds dist-packages/<folder> for one target; returns its node_modules (the next package's seed). */
function packageTarget(kind, name, kitTarball, seed) {
  const t0 = Date.now();
  const target = TARGETS[kind];
  const src = path.join(root, 'components', name);
  const dest = path.join(out, target.folder(name));
  if (!fs.existsSync(path.join(src, 'dist/lib'))) fail(`${name}: components/${name}/dist/lib is missing: run the build first (npm run build)`);
  copyComponentFiles(name, src, dest, kitTarball);
  const pkgJson = productionPackageJson(path.join(src, 'package.json'), `file:vendor/${path.basename(kitTarball)}`, target);
  fs.writeFileSync(path.join(dest, 'package.json'), pkgJson);
  const componentJson = JSON.parse(fs.readFileSync(path.join(dest, 'component.json'), 'utf8'));
  checkReferences(dest, componentJson, name);
  writeTargetFiles(kind, name, dest, componentJson, JSON.parse(pkgJson).version);

  // The components share almost all dependencies: starting from the previous package's tree makes
  // npm only reconcile the difference (~2 s instead of ~12 s); npm prunes whatever does not belong.
  if (seed) fs.cpSync(seed, path.join(dest, 'node_modules'), { recursive: true, verbatimSymlinks: true });
  // Scripts stay off: nothing in the production tree needs a build step (dtrace-provider is optional).
  // The install writes package-lock.json: the platform's build and the Dockerfile install from it.
  npm(['install', '--omit=dev', '--no-audit', '--no-fund', '--ignore-scripts', '--prefer-offline', '--loglevel=error'], dest);
  const kitDir = path.join(dest, 'node_modules/@oih-suite/kit');
  if (!fs.existsSync(path.join(kitDir, 'dist/index.js')) || fs.lstatSync(kitDir).isSymbolicLink())
    fail(`${name}: the kit was not installed as a real copy`);
  if (!fs.existsSync(path.join(dest, 'package-lock.json'))) fail(`${name}: npm wrote no package-lock.json`);
  if (!fs.existsSync(path.join(dest, target.entry))) fail(`${name}: ${target.entry} is missing after install`);
  for (const dropped of target.drops)
    if (fs.existsSync(path.join(dest, 'node_modules', dropped))) fail(`${name}: ${dropped} does not belong in ${target.folder(name)}`);
  log(`${name}: dist-packages/${target.folder(name)}/ (${kind}, ${seconds(t0)})`);
  return path.join(dest, 'node_modules');
}

function main() {
  const wanted = process.argv.slice(2);
  const all = fs
    .readdirSync(path.join(root, 'components'))
    .filter((dir) => fs.existsSync(path.join(root, 'components', dir, 'component.json')))
    .sort();
  const unknown = wanted.filter((name) => !all.includes(name));
  if (unknown.length) fail(`no component.json for: ${unknown.join(', ')}`);
  const names = wanted.length ? wanted : all;
  if (!names.length) {
    log('no components/*/component.json yet: nothing to package');
    return;
  }
  if (!fs.existsSync(path.join(root, 'packages/kit/dist/index.js'))) fail('packages/kit/dist is missing: run the build first (npm run build)');

  // Fresh output every time: a stale file must never ship.
  for (const name of names) {
    for (const target of Object.values(TARGETS)) fs.rmSync(path.join(out, target.folder(name)), { recursive: true, force: true });
    // Earlier versions also wrote an npm pack tarball per component: never leave a stale one.
    for (const file of fs.existsSync(out) ? fs.readdirSync(out) : [])
      if (file.startsWith(`${name}-`) && file.endsWith('.tgz')) fs.rmSync(path.join(out, file));
  }
  const kitOut = path.join(out, '.kit');
  fs.rmSync(kitOut, { recursive: true, force: true });
  fs.mkdirSync(kitOut, { recursive: true });
  const kitTarball = path.join(kitOut, pack(path.join(root, 'packages/kit'), kitOut));
  log(`kit packed: ${path.relative(root, kitTarball)}`);

  const seeds = {};
  for (const name of names) {
    log(`${name}: packaging...`);
    for (const kind of Object.keys(TARGETS)) seeds[kind] = packageTarget(kind, name, kitTarball, seeds[kind]);
  }
  log(`${names.length} component(s) packaged in ${seconds(started)}`);
}

main();
