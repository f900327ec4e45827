import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { buildPackage, PackageConfigError, packageEntries, readConfigFile, readIds } from '../../manifest/build-package.mjs';
import { outlineIcon } from '../../manifest/make-icons.mjs';
import { validatorFor } from '../../manifest/schemas.mjs';
import { manifestDir, readZip, sampleIds } from './helpers.mjs';

const script = fileURLToPath(new URL('../../manifest/build-package.mjs', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'outreachbot-package-'));
after(() => rmSync(work, { recursive: true, force: true }));

let zips = 0;
function build(overrides) {
  const outFile = join(work, `app${++zips}.zip`);
  buildPackage(readIds(sampleIds(overrides)), { outFile });
  return readZip(readFileSync(outFile));
}

const manifestIn = (entries) => JSON.parse(entries.find((e) => e.name === 'manifest.json').data.toString('utf8'));

function runCli(env, args = []) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !['TEAMS_APP_ID', 'BOT_ID', 'BOT_DOMAIN', 'APP_VERSION'].includes(k)));
  return spawnSync(process.execPath, [script, ...args], { env: { ...clean, ...env }, encoding: 'utf8' });
}

test('the package holds exactly the manifest, both icons and both localization files', () => {
  const entries = build();

  assert.deepEqual(entries.map((e) => e.name), ['manifest.json', 'color.png', 'outline.png', 'en-US.json', 'zh-CN.json']);
});

test('the packaged manifest carries the substituted ids and no placeholder', () => {
  const ids = sampleIds({ BOT_DOMAIN: 'outreachbot-prod.azurewebsites.net' });

  const entries = build(ids);

  const text = entries.find((e) => e.name === 'manifest.json').data.toString('utf8');
  const manifest = JSON.parse(text);
  assert.equal(manifest.id, ids.TEAMS_APP_ID);
  assert.equal(manifest.bots[0].botId, ids.BOT_ID);
  assert.deepEqual(manifest.validDomains, ['outreachbot-prod.azurewebsites.net']);
  assert.doesNotMatch(text, /\{\{|\}\}/);
  assert.deepEqual(validatorFor('manifest')(manifest), []);
});

test('without a bot domain the packaged manifest has no validDomains', () => {
  const manifest = manifestIn(build());

  assert.equal(manifest.validDomains, undefined);
});

test('upper-case GUIDs are accepted and written in lower case', () => {
  const ids = sampleIds();

  const manifest = manifestIn(build({ TEAMS_APP_ID: ids.TEAMS_APP_ID.toUpperCase() }));

  assert.equal(manifest.id, ids.TEAMS_APP_ID);
});

test('APP_VERSION sets the manifest version', () => {
  const manifest = manifestIn(build({ APP_VERSION: '1.4.2' }));

  assert.equal(manifest.version, '1.4.2');
});

test('icons and localization files are packaged byte for byte', () => {
  const entries = build();

  for (const { name, data } of entries.filter((e) => e.name !== 'manifest.json')) {
    assert.ok(data.equals(readFileSync(join(manifestDir, name))), name);
  }
});

test('the same ids always give the same zip bytes', () => {
  const first = join(work, 'same-1.zip');
  const second = join(work, 'same-2.zip');

  buildPackage(readIds(sampleIds()), { outFile: first });
  buildPackage(readIds(sampleIds()), { outFile: second });

  assert.ok(readFileSync(first).equals(readFileSync(second)));
});

test('the zip passes unzip\'s own integrity test', (t) => {
  if (spawnSync('unzip', ['-v']).error) return t.skip('unzip is not installed');
  const outFile = join(work, 'unzip-check.zip');
  buildPackage(readIds(sampleIds()), { outFile });

  const result = spawnSync('unzip', ['-t', outFile], { encoding: 'utf8' });

  assert.equal(result.status, 0, result.stdout + result.stderr);
  assert.match(result.stdout, /No errors detected/);
});

const refusals = [
  ['a missing app id', { TEAMS_APP_ID: undefined }, /TEAMS_APP_ID is missing/],
  ['a missing bot id', { BOT_ID: '' }, /BOT_ID is missing/],
  ['an app id that is not a GUID', { TEAMS_APP_ID: 'outreachbot' }, /TEAMS_APP_ID must be a GUID.*"outreachbot"/],
  ['a bot id with a stray character', { BOT_ID: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6g' }, /BOT_ID must be a GUID/],
  ['a bot id still holding the placeholder', { BOT_ID: '{{BOT_ID}}' }, /BOT_ID must be a GUID/],
  ['the all-zero GUID', { BOT_ID: '00000000-0000-0000-0000-000000000000' }, /BOT_ID is the all-zero GUID/],
  ['a bot domain given as a URL', { BOT_DOMAIN: 'https://outreachbot.azurewebsites.net/' }, /BOT_DOMAIN must be a host name/],
  ['a version that is not semver', { APP_VERSION: 'v2' }, /APP_VERSION must look like 1\.2\.3/],
];

for (const [what, overrides, message] of refusals) {
  test(`the build refuses ${what}`, () => {
    assert.throws(() => readIds(sampleIds(overrides)), (error) => error instanceof PackageConfigError && message.test(error.message));
  });
}

test('the build lists every problem at once', () => {
  assert.throws(() => readIds({}), (error) => /TEAMS_APP_ID is missing/.test(error.message) && /BOT_ID is missing/.test(error.message));
});

test('the command line refuses bad ids with a clear message, exit code 1 and no zip', () => {
  const outFile = join(work, 'refused.zip');

  const result = runCli({ TEAMS_APP_ID: 'not-a-guid' }, ['--out', outFile]);

  assert.equal(result.status, 1);
  assert.match(result.stderr, /TEAMS_APP_ID must be a GUID/);
  assert.match(result.stderr, /BOT_ID is missing/);
  assert.equal(existsSync(outFile), false);
});

test('the command line reads the ids from a config file, and the environment overrides it', () => {
  const ids = sampleIds();
  const config = join(work, 'ids.json');
  writeFileSync(config, JSON.stringify({ TEAMS_APP_ID: ids.TEAMS_APP_ID, BOT_ID: '11111111-2222-4333-8444-555555555555' }));
  const outFile = join(work, 'from-config.zip');

  const result = runCli({ BOT_ID: ids.BOT_ID }, ['--config', config, '--out', outFile]);

  assert.equal(result.status, 0, result.stderr);
  const manifest = manifestIn(readZip(readFileSync(outFile)));
  assert.equal(manifest.id, ids.TEAMS_APP_ID);
  assert.equal(manifest.bots[0].botId, ids.BOT_ID);
});

test('a config file that is not a JSON object is refused', () => {
  const config = join(work, 'broken.json');
  writeFileSync(config, '["TEAMS_APP_ID"]');

  assert.throws(() => readConfigFile(config), PackageConfigError);
  assert.throws(() => readConfigFile(join(work, 'absent.json')), /does not exist/);
});

test('the build refuses a package whose colour icon has the wrong size or whose translation breaks the schema', () => {
  const dir = join(work, 'broken-sources');
  cpSync(manifestDir, dir, { recursive: true, filter: (source) => relative(manifestDir, source).split(sep)[0] !== 'build' });
  writeFileSync(join(dir, 'color.png'), outlineIcon());
  const zh = JSON.parse(readFileSync(join(dir, 'zh-CN.json'), 'utf8'));
  writeFileSync(join(dir, 'zh-CN.json'), JSON.stringify({ ...zh, 'name.short': '一个远远超过三十个字符上限的应用名称，用来确认校验确实会拒绝它，而不是悄悄放过' }));

  assert.throws(() => packageEntries(readIds(sampleIds()), dir), (error) => error instanceof PackageConfigError
    && /color\.png is 32×32, must be 192×192/.test(error.message)
    && /zh-CN\.json \/name\.short must NOT have more than 30 characters/.test(error.message));
});
