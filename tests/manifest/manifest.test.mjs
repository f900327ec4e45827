import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readIds, renderManifest } from '../../manifest/build-package.mjs';
import { MANIFEST_VERSION, validatorFor } from '../../manifest/schemas.mjs';
import { mainCommands, readJson, sampleIds } from './helpers.mjs';

const template = readJson('manifest.json');
const rendered = (overrides) => renderManifest(template, readIds(sampleIds(overrides)));

test('the manifest with real ids is valid against the official v1.30 schema', () => {
  const errors = validatorFor('manifest')(rendered({ BOT_DOMAIN: 'outreachbot.azurewebsites.net' }));

  assert.deepEqual(errors, []);
});

test('the manifest names the v1.30 schema and manifest version', () => {
  assert.equal(template.manifestVersion, MANIFEST_VERSION);
  assert.equal(template.$schema, `https://developer.microsoft.com/en-us/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.schema.json`);
});

test('the template keeps placeholders for the app id, the bot id and the bot domain', () => {
  assert.equal(template.id, '{{TEAMS_APP_ID}}');
  assert.equal(template.bots[0].botId, '{{BOT_ID}}');
  assert.deepEqual(template.validDomains, ['{{BOT_DOMAIN}}']);
});

test('the schema validator rejects an older manifest version and a missing bot id', () => {
  const manifest = rendered();
  manifest.manifestVersion = '1.29';
  delete manifest.bots[0].botId;

  const errors = validatorFor('manifest')(manifest);

  assert.ok(errors.some((e) => e.startsWith('/manifestVersion')), errors.join('\n'));
  assert.ok(errors.some((e) => e.includes('botId')), errors.join('\n'));
});

test('the schema validator rejects a thirteenth command in a list', () => {
  const manifest = rendered();
  manifest.bots[0].commandLists[0].commands.push({ title: 'cancel', description: 'Leave the current step' });

  const errors = validatorFor('manifest')(manifest);

  assert.ok(errors.some((e) => e.includes('commandLists/0/commands') && e.includes('12')), errors.join('\n'));
});

test('there is exactly one bot, in the personal, team and groupChat scopes', () => {
  assert.equal(template.bots.length, 1);
  assert.deepEqual([...template.bots[0].scopes].sort(), ['groupChat', 'personal', 'team']);
});

test('every bot scope has exactly one command list', () => {
  const listed = template.bots[0].commandLists.flatMap((list) => list.scopes);

  assert.deepEqual([...listed].sort(), [...template.bots[0].scopes].sort());
});

test('each command list offers the twelve main commands with a short description', () => {
  for (const list of template.bots[0].commandLists) {
    assert.deepEqual(list.commands.map((c) => c.title), mainCommands, `scopes ${list.scopes}`);
    for (const command of list.commands) {
      assert.ok(command.description.length > 10 && command.description.length <= 128, `${command.title}: "${command.description}"`);
      assert.match(command.title, /^[a-z]+$/, 'a title is the bare English command word the bot routes');
    }
  }
});

test('developer links are https and the accent colour is a hex colour', () => {
  const { developer } = template;

  for (const url of [developer.websiteUrl, developer.privacyUrl, developer.termsOfUseUrl]) assert.match(url, /^https:\/\/[^/]+\.[a-z]+/);
  assert.match(template.accentColor, /^#[0-9A-Fa-f]{6}$/);
});
