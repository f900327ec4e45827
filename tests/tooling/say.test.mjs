// tools/say: one message to the running bot, its answer printed as text a person can read.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, test } from 'node:test';
import { repoRoot, startBot } from '../browser/bot-process.mjs';

const run = promisify(execFile);
const say = (...args) => run(join(repoRoot, 'tools/say'), ['--url', bot.url, ...args], { encoding: 'utf8' });
let bot;

before(async () => { bot = await startBot(); });
after(async () => { await bot?.stop(); });

test('tools/say prints the help in Chinese as plain text with numbered buttons', async () => {
  const { stdout } = await say('帮助');

  assert.match(stdout, /^\*?我能帮你做什么/);
  assert.match(stdout, /新建 <产品想法> — 发起一次合作沟通/);
  assert.match(stdout, /^1\. 帮助$/m);
  assert.doesNotMatch(stdout, /\\u[0-9a-f]{4}|"type"|\{/);
});

test('tools/say answers English in English and keeps the conversation, so a number picks a button', async () => {
  await say('--en', 'help');

  const { stdout } = await say('--en', '2');

  assert.match(stdout, /language|Language|时区|time zone/i);
});

test('tools/say says how to start the bot when none answers', async () => {
  const failed = await run(join(repoRoot, 'tools/say'), ['--url', 'http://127.0.0.1:9', 'help']).catch((error) => error);

  assert.equal(failed.code, 1);
  assert.match(failed.stderr, /No bot answers at http:\/\/127\.0\.0\.1:9 .*dotnet run --project src\/OutreachBot/);
});
