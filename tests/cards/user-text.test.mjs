// User text is text (issue 13 #7): the cards other users see with one user's hostile Markdown in them, rendered through
// markdown-it as Web Chat renders them, contain no link, image, autolink or HTML the bot did not make.
// The cards come from OutreachBot.Tests' HostileUserTextCardsTests, which ./test.sh runs before the Node tests:
// dotnet test tests/OutreachBot.Tests -c Release --filter "FullyQualifiedName~HostileUserTextCardsTests"
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { markdownTexts, markupProblems, shownText } from './markdown.mjs';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const collected = join(repoRoot, 'test-results/cards/user-text-cards.json');
const bot = 'http://localhost:3978/';

function load() {
  assert.ok(existsSync(collected), `${collected} is missing: run the .NET test first (./test.sh does), ` +
    'dotnet test tests/OutreachBot.Tests -c Release --filter "FullyQualifiedName~HostileUserTextCardsTests"');
  return JSON.parse(readFileSync(collected, 'utf8'));
}

test('the check finds every kind of live markup in unescaped user text', () => {
  const hostile = {
    '[letter](https://evil.example/r)': 'link to https://evil.example/r',
    '![logo](https://evil.example/p.png)': 'image https://evil.example/p.png',
    '<https://evil.example/auto>': 'autolink to https://evil.example/auto',
    'see https://evil.example/bare': 'linkified to https://evil.example/bare',
    '[mail](mailto:boss@evil.example.com?subject=x)': 'link to mailto:boss@evil.example.com?subject=x',
    '[letter][1]\n\n[1]: http://evil.example/ref': 'link to http://evil.example/ref',
    'an <img src=x onerror=alert(1)> here': 'raw HTML <img src=x onerror=alert(1)>',
  };

  for (const [markdown, problem] of Object.entries(hostile)) {
    assert.ok(markupProblems(markdown, bot).some((p) => p.endsWith(problem)), `${markdown}: ${markupProblems(markdown, bot)}`);
  }
});

test("the check lets the bot's own links and typed e-mail addresses through and shows escaped text as typed", () => {
  const own = `[Pipeline (CSV)](${bot}files/abc/pipeline.csv)`;
  const escaped = String.raw`\[x\](https\://evil.example) boss\@evil.example.com \*\*b\*\*`;

  assert.deepEqual(markupProblems(own, bot), []);
  assert.deepEqual(markupProblems('mail boss@evil.example.com', bot), [], 'an e-mail address shows as the address typed');
  assert.deepEqual(markupProblems(escaped, bot), []);
  assert.equal(shownText(escaped), '[x](https://evil.example) boss@evil.example.com **b**');
});

test('cards other users see with hostile Markdown in them render no link, image or HTML the bot did not make', () => {
  const { botBaseUrl, cards } = load();

  const problems = cards.flatMap(({ name, card }) => markdownTexts(card)
    .flatMap(({ path, text }) => markupProblems(text, botBaseUrl).map((p) => `${name} ${path}: ${p} in ${JSON.stringify(text)}`)));

  assert.ok(cards.length >= 5, `only ${cards.length} cards collected`);
  assert.deepEqual(problems, []);
});

test('the hostile Markdown in those cards shows as the characters typed', () => {
  const { cards, shownLiterally } = load();
  const shown = cards.flatMap(({ card }) => markdownTexts(card).map(({ text }) => shownText(text)));

  const missing = shownLiterally.filter((typed) => !shown.some((text) => text.includes(typed)));

  assert.ok(shownLiterally.length >= 8, `only ${shownLiterally.length} hostile inputs reached the cards`);
  assert.deepEqual(missing, []);
});
