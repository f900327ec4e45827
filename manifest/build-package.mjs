// Builds the Teams app package: substitutes the ids into manifest.json, validates everything against
// the official schemas and writes manifest/build/appPackage.zip. No network.
//
//   TEAMS_APP_ID=<guid> BOT_ID=<guid> [BOT_DOMAIN=<host>] [APP_VERSION=<semver>] node manifest/build-package.mjs
//   node manifest/build-package.mjs --config ids.json [--out path/to/appPackage.zip]
//
// A config file is JSON with the same keys; environment variables override it.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';
import { validatorFor } from './schemas.mjs';
import { createZip } from './zip.mjs';

export const manifestDir = dirname(fileURLToPath(import.meta.url));
export const defaultOutFile = join(manifestDir, 'build', 'appPackage.zip');

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NIL_GUID = '00000000-0000-0000-0000-000000000000';
const HOST = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
const SEMVER = /^\d+\.\d+\.\d+$/;
const ICON_SIZES = { color: 192, outline: 32 };

/** Why the package cannot be built from the given configuration; the message says how to fix it. */
export class PackageConfigError extends Error {
  name = 'PackageConfigError';
}

/**
 * Reads the ids from a config object and environment variables (the environment wins) and checks them.
 * @returns {{ teamsAppId: string, botId: string, botDomain?: string, appVersion?: string }}
 */
export function readIds(env = process.env, config = {}) {
  const pick = (key) => {
    const value = env[key] ?? config[key];
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  };
  const problems = [];
  const guid = (key, what) => {
    const value = pick(key);
    if (value === undefined) problems.push(`${key} is missing: set it to ${what}.`);
    else if (!GUID.test(value)) problems.push(`${key} must be a GUID like 8d2f9a51-3c4e-4b7a-9f10-2a6b5c7d8e9f, not "${value}".`);
    else if (value === NIL_GUID) problems.push(`${key} is the all-zero GUID: set it to ${what}.`);
    return value?.toLowerCase();
  };
  const ids = {
    teamsAppId: guid('TEAMS_APP_ID', 'the Teams app id, a GUID you create once (uuidgen) and keep for the app\'s lifetime'),
    botId: guid('BOT_ID', 'the bot\'s Microsoft App ID, the GUID in the botId output of the Azure deployment'),
  };
  const botDomain = pick('BOT_DOMAIN');
  if (botDomain !== undefined && !HOST.test(botDomain)) {
    problems.push(`BOT_DOMAIN must be a host name such as outreachbot.azurewebsites.net (no scheme, port or path), not "${botDomain}".`);
  }
  const appVersion = pick('APP_VERSION');
  if (appVersion !== undefined && !SEMVER.test(appVersion)) {
    problems.push(`APP_VERSION must look like 1.2.3, not "${appVersion}".`);
  }
  if (problems.length > 0) throw new PackageConfigError(`Cannot build the Teams app package:\n  - ${problems.join('\n  - ')}`);
  return { ...ids, botDomain: botDomain?.toLowerCase(), appVersion };
}

/** Reads a JSON config file with TEAMS_APP_ID, BOT_ID and optionally BOT_DOMAIN, APP_VERSION. */
export function readConfigFile(path) {
  if (!existsSync(path)) throw new PackageConfigError(`Config file ${path} does not exist.`);
  try {
    const config = JSON.parse(readFileSync(path, 'utf8'));
    if (config === null || typeof config !== 'object' || Array.isArray(config)) throw new Error('not a JSON object');
    return config;
  } catch (error) {
    throw new PackageConfigError(`Config file ${path} is not a JSON object: ${error.message}`);
  }
}

/** Replaces the {{...}} placeholders in the manifest template; validDomains keeps the bot domain only when given. */
export function renderManifest(template, ids) {
  const values = { TEAMS_APP_ID: ids.teamsAppId, BOT_ID: ids.botId, BOT_DOMAIN: ids.botDomain ?? '' };
  const substitute = (node) => {
    if (typeof node === 'string') {
      return node.replace(/\{\{([A-Z_]+)\}\}/g, (match, key) => {
        if (!(key in values)) throw new PackageConfigError(`manifest.json uses an unknown placeholder ${match}.`);
        return values[key];
      });
    }
    if (Array.isArray(node)) return node.map(substitute);
    if (node !== null && typeof node === 'object') {
      return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, substitute(v)]));
    }
    return node;
  };
  const manifest = substitute(template);
  manifest.validDomains = (manifest.validDomains ?? []).filter((domain) => domain !== '');
  if (manifest.validDomains.length === 0) delete manifest.validDomains;
  if (ids.appVersion) manifest.version = ids.appVersion;
  return manifest;
}

/** The files the package holds, in order: manifest.json, then icons and localization files named by the manifest. */
export function packageFileNames(manifest) {
  const info = manifest.localizationInfo ?? {};
  return [
    'manifest.json',
    manifest.icons.color,
    manifest.icons.outline,
    ...(info.defaultLanguageFile ? [info.defaultLanguageFile] : []),
    ...(info.additionalLanguages ?? []).map((language) => language.file),
  ];
}

function iconProblems(name, data, size) {
  try {
    const png = PNG.sync.read(data);
    return png.width === size && png.height === size ? [] : [`${name} is ${png.width}×${png.height}, must be ${size}×${size}.`];
  } catch (error) {
    return [`${name} is not a readable PNG: ${error.message}`];
  }
}

/**
 * Builds the package files in memory and validates them; throws PackageConfigError listing every problem.
 * @returns {{ name: string, data: Buffer }[]}
 */
export function packageEntries(ids, dir = manifestDir) {
  const template = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  const manifest = renderManifest(template, ids);
  const problems = validatorFor('manifest')(manifest).map((e) => `manifest.json ${e}`);
  const entries = [{ name: 'manifest.json', data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8') }];
  for (const name of packageFileNames(manifest).slice(1)) {
    const path = join(dir, name);
    if (!existsSync(path)) {
      problems.push(`${name} is named by the manifest but missing from ${dir}.`);
      continue;
    }
    const data = readFileSync(path);
    if (name === manifest.icons.color) problems.push(...iconProblems(name, data, ICON_SIZES.color));
    else if (name === manifest.icons.outline) problems.push(...iconProblems(name, data, ICON_SIZES.outline));
    else problems.push(...validatorFor('localization')(JSON.parse(data.toString('utf8'))).map((e) => `${name} ${e}`));
    entries.push({ name, data });
  }
  if (problems.length > 0) throw new PackageConfigError(`The Teams app package is not valid:\n  - ${problems.join('\n  - ')}`);
  return entries;
}

/** Validates and writes the zip; returns the names it holds. */
export function buildPackage(ids, { dir = manifestDir, outFile = defaultOutFile } = {}) {
  const entries = packageEntries(ids, dir);
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, createZip(entries));
  return entries.map((entry) => entry.name);
}

function parseArgs(argv) {
  const args = { config: undefined, out: defaultOutFile };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if ((flag === '--config' || flag === '--out') && value !== undefined) {
      args[flag.slice(2)] = resolve(value);
      i++;
    } else {
      throw new PackageConfigError(`Unknown argument "${flag}". Usage: node manifest/build-package.mjs [--config ids.json] [--out appPackage.zip]`);
    }
  }
  return args;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    const args = parseArgs(process.argv.slice(2));
    const ids = readIds(process.env, args.config ? readConfigFile(args.config) : {});
    const names = buildPackage(ids, { outFile: args.out });
    console.log(`Wrote ${args.out} (${names.join(', ')}) for app ${ids.teamsAppId}, bot ${ids.botId}.`);
  } catch (error) {
    if (!(error instanceof PackageConfigError)) throw error;
    console.error(error.message);
    process.exitCode = 1;
  }
}
