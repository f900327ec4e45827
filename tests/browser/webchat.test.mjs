// The local Web Chat in a real browser: headless Chromium (chromium.mjs) against the built bot.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { repoRoot, startBot } from './bot-process.mjs';
import { launchChromium } from './chromium.mjs';

const screenshots = join(repoRoot, 'test-results/browser');
const wait = { timeout: 30_000 };

let bot;
let browser;
let page;

before(async () => {
  mkdirSync(screenshots, { recursive: true });
  bot = await startBot();
  browser = await launchChromium({ locale: 'en-US' });
  page = browser.page;
});

after(async () => {
  await browser?.close();
  await bot?.stop();
});

const sendBox = () => page.locator('.webchat__send-box-text-box__input');
const botActivities = () => page.locator('.webchat__basic-transcript__activity:not(:has(.webchat__stacked-layout--from-user))');
const cards = () => page.locator('.webchat__basic-transcript__activity .ac-adaptiveCard');

/** Web Chat scrolls new activities into view with an animation: wait until the element sits above the send box. */
async function answerInView(locator) {
  await locator.evaluate((element) => new Promise((resolve) => {
    const check = () => {
      const box = element.getBoundingClientRect();
      const sendBox = document.querySelector('.webchat__send-box').getBoundingClientRect();
      if (box.bottom <= sendBox.top) resolve(); else requestAnimationFrame(check);
    };
    check();
  }));
}

async function say(text) {
  const before = await botActivities().count();
  await sendBox().fill(text);
  await sendBox().press('Enter');
  await page.locator('.webchat__stacked-layout--from-user', { hasText: text }).last().waitFor(wait);
  await page.waitForFunction(
    ([selector, count]) => document.querySelectorAll(selector).length > count,
    ['.webchat__basic-transcript__activity:not(:has(.webchat__stacked-layout--from-user))', before],
    wait,
  );
}

test('the page serves Web Chat from the bot and the bot welcomes the user with a rendered card', async () => {
  const response = await page.goto(`${bot.url}/`);

  assert.equal(response.status(), 200);
  await cards().first().waitFor(wait);
  assert.equal(await page.title(), 'OutreachBot — local Web Chat');
  assert.match(await cards().first().innerText(), /Hi, I.m OutreachBot/);
  const scripts = await page.evaluate(() => [...document.scripts].map((s) => s.src));
  assert.ok(scripts.includes(`${bot.url}/webchat/webchat.js`), `Web Chat is loaded: ${scripts}`);
  assert.ok(scripts.every((src) => src.startsWith(`${bot.url}/`)), `every script comes from the bot, none from a CDN: ${scripts}`);
});

test('help answers with the help card, rendered as an Adaptive Card with buttons', async () => {
  await say('help');

  const help = cards().filter({ hasText: 'What I can do' }).last();
  await help.waitFor(wait);
  assert.ok(await help.locator('button', { hasText: 'Settings' }).count() > 0);
  await page.screenshot({ path: join(screenshots, '1-help-card.png') });
});

test('the language toggle switches the page to Chinese, and a Chinese command gets an answer', async () => {
  await page.locator('#language').click();

  // The page loads the Chinese texts' font slices before it shows them.
  await page.waitForFunction(() => document.title === 'OutreachBot 本地网页聊天', null, wait);
  assert.equal(await page.locator('#language').innerText(), 'English');

  await say('新建 支付风控');

  await page.screenshot({ path: join(screenshots, '2-new-outreach.png') });
  const reply = await botActivities().last().innerText();
  assert.match(reply, /\p{Script=Han}/u, `a Chinese answer: ${reply}`);
});

test('a button on the help card reaches the bot and its answer appears', async () => {
  // `新建` opened the new-outreach flow; leave it first, or the button would be asked to interrupt it.
  await say('取消');
  const help = cards().filter({ hasText: 'What I can do' }).last();
  const before = await botActivities().count();

  await help.locator('button', { hasText: '中文' }).click();

  await page.waitForFunction(
    ([selector, count]) => document.querySelectorAll(selector).length > count,
    ['.webchat__basic-transcript__activity:not(:has(.webchat__stacked-layout--from-user))', before],
    wait,
  );
  const answer = page.getByText('以后我用中文').last();
  await answer.waitFor(wait);
  await answerInView(answer);
  await page.screenshot({ path: join(screenshots, '3-button-answer.png') });
});
