import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { PNG } from 'pngjs';
import { colorIcon, outlineIcon } from '../../manifest/make-icons.mjs';
import { manifestDir, readJson } from './helpers.mjs';

const manifest = readJson('manifest.json');
const load = (name) => PNG.sync.read(readFileSync(join(manifestDir, name)));

function pixels(png) {
  const result = [];
  for (let i = 0; i < png.data.length; i += 4) result.push([png.data[i], png.data[i + 1], png.data[i + 2], png.data[i + 3]]);
  return result;
}

test('the colour icon is 192×192 and fully opaque', () => {
  const png = load(manifest.icons.color);

  assert.deepEqual([png.width, png.height], [192, 192]);
  assert.ok(pixels(png).every(([, , , a]) => a === 255));
});

test('the colour icon shows a mark, not a plain square', () => {
  const counts = new Map();
  for (const [r, g, b] of pixels(load(manifest.icons.color))) counts.set(`${r},${g},${b}`, (counts.get(`${r},${g},${b}`) ?? 0) + 1);
  const major = [...counts.values()].filter((n) => n > 192 * 192 * 0.03);

  assert.ok(major.length >= 3, `expected background plus at least two mark colours, got ${major.length}`);
  assert.ok(Math.max(...counts.values()) < 192 * 192 * 0.8, 'the background covers nearly everything');
});

test('the outline icon is 32×32', () => {
  const png = load(manifest.icons.outline);

  assert.deepEqual([png.width, png.height], [32, 32]);
});

test('every pixel of the outline icon is either fully transparent or white', () => {
  const offending = pixels(load(manifest.icons.outline))
    .map(([r, g, b, a], i) => ({ x: i % 32, y: Math.floor(i / 32), r, g, b, a }))
    .filter(({ r, g, b, a }) => a !== 0 && (r !== 255 || g !== 255 || b !== 255));

  assert.deepEqual(offending, []);
});

test('the outline icon has a visible white mark on a transparent background', () => {
  const all = pixels(load(manifest.icons.outline));
  const solid = all.filter(([, , , a]) => a === 255).length;
  const clear = all.filter(([, , , a]) => a === 0).length;

  assert.ok(solid > 32 * 32 * 0.12, `only ${solid} solid white pixels`);
  assert.ok(clear > 32 * 32 * 0.3, `only ${clear} transparent pixels`);
  assert.equal(all[0][3], 0, 'the corner is transparent');
});

test('the committed icons are exactly what make-icons.mjs draws', () => {
  assert.ok(colorIcon().equals(readFileSync(join(manifestDir, manifest.icons.color))), 'run node manifest/make-icons.mjs');
  assert.ok(outlineIcon().equals(readFileSync(join(manifestDir, manifest.icons.outline))), 'run node manifest/make-icons.mjs');
});
