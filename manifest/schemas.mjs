// Validators for the official Teams JSON schemas that ship in @microsoft/app-manifest (no network).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import Ajv04 from 'ajv-draft-04';
import Ajv07 from 'ajv';
import Ajv2019 from 'ajv/dist/2019.js';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

export const MANIFEST_VERSION = '1.30';

const require = createRequire(import.meta.url);
const schemaDir = join(
  dirname(require.resolve('@microsoft/app-manifest/package.json')),
  'build', 'json-schemas', 'teams', `v${MANIFEST_VERSION}`,
);

export const schemaFiles = {
  manifest: join(schemaDir, 'MicrosoftTeams.schema.json'),
  localization: join(schemaDir, 'MicrosoftTeams.Localization.schema.json'),
};

/** Picks the Ajv flavour that implements the JSON Schema draft named in the schema's own $schema. */
function ajvFor(schema) {
  const draft = schema.$schema ?? '';
  // The Teams schemas use keywords on untyped nodes, and their patterns are plain ECMAScript
  // (not Unicode-mode) regular expressions, as draft-04 assumes.
  const options = { allErrors: true, strictTypes: false, unicodeRegExp: false };
  if (draft.includes('draft-04')) return new Ajv04(options);
  if (draft.includes('draft-07') || draft.includes('draft-06')) return new Ajv07(options);
  if (draft.includes('2019-09')) return new Ajv2019(options);
  if (draft.includes('2020-12')) return new Ajv2020(options);
  throw new Error(`Unsupported JSON Schema draft "${draft}"`);
}

const compiled = new Map();

/**
 * Returns a function that validates a document against the named schema
 * ("manifest" or "localization") and returns readable error lines (empty when valid).
 */
export function validatorFor(kind) {
  if (!compiled.has(kind)) {
    const schema = JSON.parse(readFileSync(schemaFiles[kind], 'utf8'));
    const ajv = ajvFor(schema);
    addFormats(ajv);
    compiled.set(kind, ajv.compile(schema));
  }
  const validate = compiled.get(kind);
  return (document) => validate(document)
    ? []
    : validate.errors.map((e) => `${e.instancePath || '/'} ${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`);
}
