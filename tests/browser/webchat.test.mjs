// The local Web Chat in a real browser: headless Chromium (chromium.mjs) against the built bot.
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { repoRoot, startBot } from './bot-process.mjs';
import { launchChromium } from './chromium.mjs';

const screenshots = join(repoRoot, 'test-results/browser');
const wait = { timeout: 30_000 };
// The card budget (docs/cards/README.md): about Teams' width, one screen tall.
const cardBudget = { width: 640, height: 900 };
// OUTREACHBOT_UPDATE_DOCS=1 (npm run docs:cards) also writes the pictures the docs show.
const updateDocs = process.env.OUTREACHBOT_UPDATE_DOCS === '1';

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
  if (updateDocs) copyFileSync(join(screenshots, '3-button-answer.png'), join(repoRoot, 'docs/webchat-screenshot.png'));
});

// Every card type the bot sends, rendered by the real Web Chat at about Teams' width, fits one screen. Each card's
// picture and size go to test-results/browser/cards (and to docs/cards with OUTREACHBOT_UPDATE_DOCS=1).
const cardShots = join(screenshots, 'cards');
const measured = [];

/** Says `text` and waits for the card holding `hasText` among the answers; returns that card. */
async function cardAfter(text, hasText) {
  const before = await cards().count();
  await say(text);
  return newCard(before, hasText);
}

async function newCard(before, hasText) {
  await page.waitForFunction(
    ([count, wanted]) => [...document.querySelectorAll('.webchat__basic-transcript__activity .ac-adaptiveCard')]
      .slice(count).some((card) => card.innerText.includes(wanted)),
    [before, hasText],
    wait,
  );
  const card = cards().filter({ hasText }).last();
  await answerInView(card);
  return card;
}

/** Measures `card` against the budget and keeps its picture as cards/<name>.png. */
async function measure(name, card) {
  const box = await card.boundingBox();
  measured.push({ name, width: Math.round(box.width), height: Math.round(box.height) });
  writeFileSync(join(cardShots, 'sizes.json'), JSON.stringify(measured, null, 2));
  const picture = await card.screenshot({ animations: 'disabled' });
  writeFileSync(join(cardShots, `${name}.png`), picture);
  if (updateDocs) writeFileSync(join(repoRoot, 'docs/cards', `${name}.png`), picture);
  return box;
}

test('every card type fits one screen at Teams width in Web Chat', async () => {
  mkdirSync(cardShots, { recursive: true });
  // Tall enough that a card over the budget is still pictured whole, not under the page's header.
  await page.setViewportSize({ width: 1000, height: 2400 });
  if (updateDocs) mkdirSync(join(repoRoot, 'docs/cards'), { recursive: true });
  await page.goto(`${bot.url}/`);
  await page.evaluate(() => {
    localStorage.clear();
    localStorage.setItem('outreachbot.webchat.locale', 'en-US');
  });
  await page.goto(`${bot.url}/`);
  await measure('welcome', await newCard(0, 'OutreachBot'));

  await measure('help', await cardAfter('help', 'What I can do'));
  await measure('find-results', await cardAfter('find payment risk', 'payment risk'));
  await measure('find-no-hits', await cardAfter('find zzqx', 'zzqx'));
  await measure('org-top', await cardAfter('org', 'Xinghai Group'));
  const department = await cardAfter('org Payments Platform', 'Han Yu');
  await measure('org-department', department);
  const beforeAsk = await cards().count();
  await department.locator('button', { hasText: 'Ask' }).first().click();
  await measure('first-question', await newCard(beforeAsk, 'Redraft'));
  await measure('referrals-not-linked', await cardAfter('referrals Payments Platform', '@'));
  await say('iam rui.li@xinghai.example.com');
  await measure('referrals', await cardAfter('referrals Cross-border Payments', 'Cross-border Payments'));

  await measure('flow-question', await cardAfter('new Fraud checks built into the merchant checkout', 'capability'));
  await say('payment gateway');
  await say('Payments Platform');
  await say('next Friday');
  await say('Merchants keep asking for fraud checks at checkout; three key customers said they would buy it.');
  await say('Access to the gateway\'s transaction events and a sandbox.');
  await measure('outreach-summary', await cardAfter('More volume through their gateway: direct revenue for them.', 'Fraud checks'));
  const pitch = await cardAfter('pitch', 'I sent it');
  await measure('pitch', pitch);
  const beforeSent = await cards().count();
  await pitch.locator('button', { hasText: 'I sent it' }).click();
  const contact = await newCard(beforeSent, 'Refused');
  await measure('contact-outcome-buttons', contact);
  await contact.locator('button', { hasText: 'Refused' }).click();
  await contact.locator('select').first().waitFor(wait);
  await measure('contact-refusal-reasons', contact);
  await contact.locator('button', { hasText: 'Refused' }).click();
  const beforeInterested = await cards().count();
  await contact.locator('button', { hasText: 'Interested' }).click();
  await measure('outcome-interested', await newCard(beforeInterested, 'interested'));

  const results = await cardAfter('find risk management', 'Risk Management Center');
  const beforeTarget = await cards().count();
  await results.locator('button', { hasText: /target/i }).first().click();
  await measure('target-added', await newCard(beforeTarget, 'added'));
  const riskPitch = await cardAfter('pitch Risk Management Center', 'I sent it');
  const beforeRiskSent = await cards().count();
  await riskPitch.locator('button', { hasText: 'I sent it' }).click();
  await newCard(beforeRiskSent, 'Refused');
  await measure('outcome-refused', await cardAfter('outcome Risk Management Center refused revenue is not their KPI', 'said no'));

  await measure('status', await cardAfter('status', 'Payments Platform'));
  await measure('partner-status', await cardAfter('status payments platform', 'Payments Platform'));
  await measure('pipeline', await cardAfter('pipeline', 'outreach'));
  await measure('export', await cardAfter('export', 'CSV'));
  await measure('reminder-set', await cardAfter('remind me tomorrow 3pm to call Han Yu', 'Han Yu'));
  await measure('reminders', await cardAfter('reminders', 'Han Yu'));
  await measure('bids-how-to-import', await cardAfter('bids', 'bids.csv'));
  await measure('brief', await cardAfter('brief', 'Fraud checks'));

  // Chinese wraps differently (and in another font): the longest lists once more in zh-CN.
  await page.locator('#language').click();
  await page.waitForFunction(() => document.title === 'OutreachBot 本地网页聊天', null, wait);
  await measure('zh-find-results', await cardAfter('找 支付风控', '支付风控'));
  await measure('zh-org-department', await cardAfter('组织 支付中台', '余涵'));
  await measure('zh-status', await cardAfter('进展', '支付中台'));

  if (updateDocs) writeFileSync(join(repoRoot, 'docs/cards/sizes.json'), `${JSON.stringify(measured, null, 2)}\n`);
  const over = measured.filter((m) => m.width > cardBudget.width || m.height > cardBudget.height);
  assert.deepEqual(over, [], `cards over the ${cardBudget.width}×${cardBudget.height} px budget: ${JSON.stringify(over)}`);
});
