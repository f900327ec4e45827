// Draws the two Teams icons from vector shapes: two overlapping speech bubbles, one per department,
// the front one "speaking" (three dots). Run: node manifest/make-icons.mjs
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';

const here = dirname(fileURLToPath(import.meta.url));

export const ACCENT = [0x1f, 0x5f, 0xbf];
const AMBER = [0xff, 0xb3, 0x2e];
const WHITE = [0xff, 0xff, 0xff];

// Signed distances in unit coordinates (0..1, y down): negative inside, positive outside.
const roundedRect = (x0, y0, x1, y1, r) => (x, y) => {
  const cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
  const qx = Math.abs(x - cx) - ((x1 - x0) / 2 - r);
  const qy = Math.abs(y - cy) - ((y1 - y0) / 2 - r);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
};

const circle = (cx, cy, r) => (x, y) => Math.hypot(x - cx, y - cy) - r;

const triangle = (a, b, c) => (x, y) => {
  const edge = (p, q) => {
    const ex = q[0] - p[0], ey = q[1] - p[1];
    const t = Math.max(0, Math.min(1, ((x - p[0]) * ex + (y - p[1]) * ey) / (ex * ex + ey * ey)));
    return Math.hypot(x - p[0] - ex * t, y - p[1] - ey * t);
  };
  const side = (p, q) => (q[0] - p[0]) * (y - p[1]) - (q[1] - p[1]) * (x - p[0]);
  const s1 = side(a, b), s2 = side(b, c), s3 = side(c, a);
  const inside = (s1 >= 0 && s2 >= 0 && s3 >= 0) || (s1 <= 0 && s2 <= 0 && s3 <= 0);
  const d = Math.min(edge(a, b), edge(b, c), edge(c, a));
  return inside ? -d : d;
};

const union = (...shapes) => (x, y) => Math.min(...shapes.map((s) => s(x, y)));
const grow = (shape, by) => (x, y) => shape(x, y) - by;
const ring = (shape, width) => (x, y) => Math.max(shape(x, y), -(shape(x, y) + width));

const backBubble = union(
  roundedRect(0.1, 0.14, 0.62, 0.54, 0.12),
  triangle([0.18, 0.5], [0.34, 0.5], [0.12, 0.7]),
);
const frontBubble = union(
  roundedRect(0.38, 0.4, 0.9, 0.8, 0.12),
  triangle([0.66, 0.76], [0.82, 0.76], [0.88, 0.94]),
);
const dots = union(circle(0.52, 0.6, 0.045), circle(0.64, 0.6, 0.045), circle(0.76, 0.6, 0.045));

/** Scales a unit-space shape around the icon's centre so the mark keeps a margin. */
const scaled = (shape, factor) => (x, y) => shape(0.5 + (x - 0.5) / factor, 0.5 + (y - 0.5) / factor) * factor;

/**
 * Paints layers in order; each layer is { shape, color } painted over, or { shape, erase: true } which
 * clears what is below. Coverage comes from 4×4 supersampling, so edges are anti-aliased.
 */
export function render(size, layers) {
  const png = new PNG({ width: size, height: size });
  const samples = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let [r, g, b, a] = [0, 0, 0, 0];
      for (const layer of layers) {
        let hits = 0;
        for (let sy = 0; sy < samples; sy++) {
          for (let sx = 0; sx < samples; sx++) {
            const x = (px + (sx + 0.5) / samples) / size;
            const y = (py + (sy + 0.5) / samples) / size;
            if (layer.shape(x, y) <= 0) hits++;
          }
        }
        const coverage = hits / (samples * samples);
        if (coverage === 0) continue;
        if (layer.erase) {
          a *= 1 - coverage;
          continue;
        }
        const outA = coverage + a * (1 - coverage);
        const mix = (top, bottom) => (top * coverage + bottom * a * (1 - coverage)) / outA;
        [r, g, b] = [mix(layer.color[0], r), mix(layer.color[1], g), mix(layer.color[2], b)];
        a = outA;
      }
      const i = (py * size + px) * 4;
      const alpha = Math.round(a * 255);
      const opaque = alpha > 0;
      png.data[i] = opaque ? Math.round(r) : 0;
      png.data[i + 1] = opaque ? Math.round(g) : 0;
      png.data[i + 2] = opaque ? Math.round(b) : 0;
      png.data[i + 3] = alpha;
    }
  }
  return PNG.sync.write(png);
}

/** 192×192 full-colour icon: accent background, amber back bubble, white front bubble with accent dots. */
export function colorIcon() {
  const s = (shape) => scaled(shape, 0.78);
  return render(192, [
    { shape: () => -1, color: ACCENT },
    { shape: s(backBubble), color: AMBER },
    { shape: s(grow(frontBubble, 0.035)), color: ACCENT },
    { shape: s(frontBubble), color: WHITE },
    { shape: s(dots), color: ACCENT },
  ]);
}

/** 32×32 outline icon: white only, on a fully transparent background. */
export function outlineIcon() {
  const s = (shape) => scaled(shape, 0.94);
  return render(32, [
    { shape: s(ring(backBubble, 0.075)), color: WHITE },
    { shape: s(grow(frontBubble, 0.06)), erase: true },
    { shape: s(frontBubble), color: WHITE },
    { shape: s(dots), erase: true },
  ]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(join(here, 'color.png'), colorIcon());
  writeFileSync(join(here, 'outline.png'), outlineIcon());
  console.log('wrote manifest/color.png and manifest/outline.png');
}
