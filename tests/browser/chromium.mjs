// Headless Chromium for the browser tests: Debian's /usr/bin/chromium (or CHROMIUM_PATH) driven by playwright-core,
// optionally seeing only the machine's fonts that have neither Chinese nor emoji, like a browser on a system without them.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { chromium } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const fontFiles = (pattern) => new Set(execFileSync('fc-list', [pattern, 'file'], { encoding: 'utf8' })
  .split('\n').map((line) => line.replace(/:\s*$/, '').trim()).filter(Boolean));

/** A fontconfig file whose only fonts are the system's fonts without Chinese and without emoji (👋). */
function fontconfigWithoutCjk(folder) {
  const excluded = new Set([...fontFiles(':lang=zh'), ...fontFiles(':charset=1f44b')]);
  const kept = [...fontFiles(':')].filter((file) => !excluded.has(file));
  if (kept.length === 0) throw new Error('No font without Chinese on this machine: install fonts-dejavu-core.');
  const fonts = join(folder, 'fonts');
  mkdirSync(fonts);
  kept.forEach((file, i) => symlinkSync(file, join(fonts, `${i}-${basename(file)}`)));
  const config = join(folder, 'fonts.conf');
  writeFileSync(config, `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><dir>${fonts}</dir><cachedir>${join(folder, 'cache')}</cachedir></fontconfig>
`);
  return config;
}

/** Starts Chromium; `close()` also removes its profile and font folders. */
export async function launchChromium({ locale = 'en-US', withoutCjkFonts = false } = {}) {
  if (!existsSync(chromiumPath)) {
    throw new Error(`Chromium not found at ${chromiumPath}: apt-get install chromium (./test.sh does it as root), or set CHROMIUM_PATH.`);
  }
  const folder = mkdtempSync(join(tmpdir(), 'outreachbot-chromium-'));
  const env = { ...process.env };
  if (withoutCjkFonts) env.FONTCONFIG_FILE = fontconfigWithoutCjk(folder);
  const context = await chromium.launchPersistentContext(join(folder, 'profile'), {
    executablePath: chromiumPath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', `--lang=${locale}`],
    locale,
    env,
    viewport: { width: 1000, height: 900 },
  });
  const page = context.pages()[0] ?? await context.newPage();
  page.on('pageerror', (error) => console.error('page error:', error.message));
  return {
    context,
    page,
    async close() {
      await context.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

const wideCharacters = /[\p{Script=Han}\p{Extended_Pictographic}]/gu;

/**
 * Whether the page draws the Chinese characters and emoji of `locator` as boxes: its screenshot is compared with one
 * where each of them is replaced by U+E000, a private-use code point that no font here has (so it is drawn as the
 * .notdef box). Identical pictures mean the originals were boxes too; the text is put back afterwards.
 */
export async function drawnAsBoxes(locator) {
  const element = await locator.elementHandle(); // the locator may select by the very text that is replaced
  const original = await element.screenshot();
  const texts = await element.evaluate((element, pattern) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    const saved = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      saved.push(node.data);
      node.data = node.data.replace(new RegExp(pattern, 'gu'), '\uE000');
    }
    return saved;
  }, wideCharacters.source);
  const boxes = await element.screenshot();
  await element.evaluate((element, saved) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(), i = 0; node; node = walker.nextNode(), i++) node.data = saved[i];
  }, texts);
  await element.dispose();
  return original.equals(boxes);
}

/**
 * How `element`'s font draws each character of `text` in a canvas: a character drawn like U+E000 is the .notdef box,
 * one that leaves no ink is missing too. `boxedWithoutWebFonts` draws them with the system's sans-serif alone: the
 * control that proves this browser has no font of its own for them.
 */
export async function boxedCharacters(element, text) {
  return element.evaluate(async (node, chars) => {
    const style = getComputedStyle(node);
    const font = `${style.fontWeight} 48px ${style.fontFamily}`;
    await document.fonts.load(font, chars);
    const draw = (char, family) => {
      const canvas = document.createElement('canvas');
      canvas.width = 64;
      canvas.height = 64;
      const context = canvas.getContext('2d');
      context.font = family;
      context.fillText(char, 4, 52);
      const pixels = context.getImageData(0, 0, 64, 64).data;
      return pixels.some((value, i) => i % 4 === 3 && value > 0) ? Array.from(pixels).join(',') : 'no ink';
    };
    const box = draw('\uE000', font);
    const controlBox = draw('\uE000', '48px sans-serif');
    return {
      boxed: [...chars].filter((c) => [box, 'no ink'].includes(draw(c, font))),
      boxedWithoutWebFonts: [...chars].filter((c) => [controlBox, 'no ink'].includes(draw(c, '48px sans-serif'))),
      font: style.fontFamily,
    };
  }, text);
}
