// A newcomer's first ten minutes: on a fresh clone (no node_modules, nothing built), the README's first command alone
// gives a working Web Chat at / whose Chinese and emoji render in a browser that has no such fonts, with no restart.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { freePort, repoRoot } from './bot-process.mjs';
import { boxedCharacters, drawnAsBoxes, launchChromium } from './chromium.mjs';

const screenshots = join(repoRoot, 'test-results/browser');
const cleanups = [];
after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** The first command of the README's "Run it locally" section, as a person would copy it. */
function readmeFirstCommand() {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Run it locally'));
  const command = /```bash\n([^\n]+)\n/.exec(section)?.[1];
  assert.ok(command, 'README.md has a ```bash block under "## Run it locally"');
  return command.trim();
}

/** Starts `command` in `cwd` as its own process group and records each output line with the seconds since the start. */
function startLogged(command, cwd, env) {
  const started = Date.now();
  const lines = [];
  const [file, ...args] = command.split(/\s+/);
  const child = spawn(file, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let partial = '';
  const collect = (chunk) => {
    const text = partial + chunk;
    const parts = text.split('\n');
    partial = parts.pop();
    for (const line of parts) lines.push({ at: (Date.now() - started) / 1000, line });
  };
  child.stdout.setEncoding('utf8').on('data', collect);
  child.stderr.setEncoding('utf8').on('data', collect);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const killGroup = () => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ } };
  process.once('exit', killGroup);
  return {
    child,
    started,
    lines,
    log: () => lines.map((l) => `${l.at.toFixed(1).padStart(6)} s  ${l.line}`).join('\n'),
    async stop() {
      process.removeListener('exit', killGroup);
      if (child.exitCode !== null || child.signalCode !== null) return;
      try { process.kill(-child.pid, 'SIGTERM'); } catch { return; }
      const stopped = await Promise.race([exited, new Promise((r) => setTimeout(() => r(null), 15_000))]);
      if (!stopped) { killGroup(); await exited; }
    },
  };
}

async function firstAnswer(url, text) {
  const response = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      type: 'message', id: 'first', channelId: 'test', serviceUrl: 'http://localhost', deliveryMode: 'expectReplies',
      locale: 'zh-CN', from: { id: 'newcomer' }, recipient: { id: 'bot' }, conversation: { id: 'first-run' }, text,
    }),
  });
  assert.equal(response.status, 200);
  return response.json();
}

test('on a fresh clone the README\'s first command serves Web Chat whose Chinese welcome renders without system CJK fonts, and no restart is ever needed', { timeout: 20 * 60_000 }, async () => {
  const command = readmeFirstCommand();
  assert.equal(command, 'dotnet run --project src/OutreachBot');
  const folder = mkdtempSync(join(tmpdir(), 'outreachbot-clone-'));
  cleanups.push(() => rmSync(folder, { recursive: true, force: true }));
  const clone = join(folder, 'outreachbot');
  execFileSync('git', ['clone', '--quiet', repoRoot, clone]);
  const npmFolder = join(clone, 'src/OutreachBot/Development/WebChat/npm');
  assert.ok(!existsSync(join(clone, 'node_modules')) && !existsSync(npmFolder), 'a fresh clone has no npm packages');

  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(MSBUILD|ASPNETCORE_|DOTNET_|Storage__|VSTEST)/i.test(key)));
  const bot = startLogged(command, clone, { ...env, Urls: url });
  cleanups.push(() => bot.stop());

  const deadline = Date.now() + 15 * 60_000;
  let ready = false;
  while (!ready && Date.now() < deadline) {
    if (bot.child.exitCode !== null) assert.fail(`dotnet run exited with ${bot.child.exitCode} before the bot answered:\n${bot.log()}`);
    try { ready = (await fetch(`${url}/healthz`)).ok; } catch { /* not listening yet */ }
    if (!ready) await new Promise((r) => setTimeout(r, 500));
  }
  assert.ok(ready, `the bot did not come up within 15 minutes:\n${bot.log()}`);
  const answer = await firstAnswer(url, '帮助');
  const seconds = (Date.now() - bot.started) / 1000;
  console.log(`# fresh clone: first answer ${seconds.toFixed(0)} s after \`${command}\`\n${bot.log()}`);

  assert.ok(answer.activities?.length > 0, 'the bot answered 帮助');
  const phases = ['OutreachBot: restoring', 'OutreachBot: building', 'OutreachBot: fetching the local Web Chat',
    'Importing the org directory', `Now listening on: ${url}`, `Ready: open ${url}/`];
  for (const phase of phases) {
    assert.ok(bot.lines.some((l) => l.line.includes(phase)), `start-up says "${phase}":\n${bot.log()}`);
  }

  const browser = await launchChromium({ locale: 'zh-CN', withoutCjkFonts: true });
  cleanups.push(() => browser.close());
  const { page } = browser;
  await page.goto(`${url}/`);
  const title = page.locator('.ac-adaptiveCard .ac-textBlock', { hasText: 'OutreachBot' }).first();
  await title.waitFor({ timeout: 60_000 });
  assert.match(await title.innerText(), /你好，我是 OutreachBot 👋/);
  mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: join(screenshots, 'clean-clone-welcome.png') });

  const glyphs = await boxedCharacters(title, '你好我是👋');
  assert.deepEqual(glyphs.boxedWithoutWebFonts, [...'你好我是👋'], 'this browser has no font of its own for Chinese and emoji (the control)');
  assert.deepEqual(glyphs.boxed, [], `the page's fonts draw Chinese and 👋 (font: ${glyphs.font})`);
  const button = page.locator('.ac-adaptiveCard button', { hasText: '帮助' }).first();
  for (const [name, element] of [['the welcome card title', title], ['its 帮助 button', button], ['the page title', page.locator('h1')]]) {
    assert.equal(await drawnAsBoxes(element), false, `${name} shows Chinese characters, not boxes`);
  }
  const icon = await page.evaluate(() => fetch(document.querySelector('link[rel=icon]').href).then((r) => `${r.status} ${r.headers.get('content-type')}`));
  assert.equal(icon, '200 image/png');

  // Web Chat's files missing (as before the build fetches them): the page says so, then opens Web Chat as soon as
  // they are back, with the same bot process.
  renameSync(npmFolder, `${npmFolder}.away`);
  await page.reload();
  await page.locator('#notice', { hasText: 'Web Chat' }).waitFor({ timeout: 30_000 });
  renameSync(`${npmFolder}.away`, npmFolder);
  await page.locator('.ac-adaptiveCard').first().waitFor({ timeout: 60_000 });
  assert.equal(bot.child.exitCode, null, 'the bot was never restarted');
});
