import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { validatorFor } from '../../manifest/schemas.mjs';
import { manifestDir, readJson } from './helpers.mjs';

const manifest = readJson('manifest.json');
const info = manifest.localizationInfo;
const languageFiles = [
  { tag: info.defaultLanguageTag, file: info.defaultLanguageFile },
  ...info.additionalLanguages.map((l) => ({ tag: l.languageTag, file: l.file })),
];
const commandKey = (list, command, field) => `bots[0].commandLists[${list}].commands[${command}].${field}`;
const han = /\p{Script=Han}/u;

/** Every localizable string of the manifest, keyed as a localization file keys it. */
function manifestStrings() {
  const strings = {
    'name.short': manifest.name.short,
    'name.full': manifest.name.full,
    'description.short': manifest.description.short,
    'description.full': manifest.description.full,
  };
  manifest.bots[0].commandLists.forEach((list, l) => list.commands.forEach((command, c) => {
    strings[commandKey(l, c, 'title')] = command.title;
    strings[commandKey(l, c, 'description')] = command.description;
  }));
  return strings;
}

test('English is the default language and Chinese is the additional one', () => {
  assert.deepEqual(languageFiles.map((l) => l.tag), ['en-US', 'zh-CN']);
});

for (const { tag, file } of languageFiles) {
  test(`the ${tag} localization file exists and is valid against the official localization schema`, () => {
    assert.ok(existsSync(join(manifestDir, file)), `${file} is missing`);

    const errors = validatorFor('localization')(readJson(file));

    assert.deepEqual(errors, []);
  });

  test(`the ${tag} localization file translates every string of the manifest and nothing else`, () => {
    const { $schema, ...strings } = readJson(file);

    assert.match($schema, /\/v1\.30\/MicrosoftTeams\.Localization\.schema\.json$/);
    assert.deepEqual(Object.keys(strings).sort(), Object.keys(manifestStrings()).sort());
  });
}

test('the default en-US file says exactly what the manifest says', () => {
  const { $schema, ...strings } = readJson(info.defaultLanguageFile);

  assert.deepEqual(strings, manifestStrings());
});

test('the zh-CN file gives every command a Chinese title and description', () => {
  const zh = readJson('zh-CN.json');

  manifest.bots[0].commandLists.forEach((list, l) => list.commands.forEach((command, c) => {
    assert.match(zh[commandKey(l, c, 'title')], han, `title of ${command.title}`);
    assert.match(zh[commandKey(l, c, 'description')], han, `description of ${command.title}`);
  }));
  assert.match(zh['description.short'], han);
  assert.match(zh['description.full'], han);
});

test('the zh-CN command titles are the Chinese command words from the product', () => {
  const zh = readJson('zh-CN.json');
  const chinese = { help: '帮助', new: '新建', find: '找', org: '组织', referrals: '引荐', pitch: '话术', outcome: '结果', remind: '提醒', status: '进展', pipeline: '看板', brief: '简报', export: '导出' };

  manifest.bots[0].commandLists.forEach((list, l) => list.commands.forEach((command, c) => {
    assert.equal(zh[commandKey(l, c, 'title')], chinese[command.title]);
  }));
});

test('the localization validator rejects a key for a command that cannot exist', () => {
  const zh = { ...readJson('zh-CN.json'), [commandKey(0, 12, 'description')]: '第十三条命令' };

  const errors = validatorFor('localization')(zh);

  assert.ok(errors.some((e) => e.includes('additionalProperty')), errors.join('\n'));
});
