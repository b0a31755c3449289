// How bench/cards.mjs times and compares cards: a timed run (median of several after one
// untimed), a card's RGB pixels, and how far one card's pixels are from another's.
import sharp from 'sharp';
import { CARD_HEIGHT, CARD_WIDTH } from '../../../src/lib/cards/size.ts';

const W = CARD_WIDTH;
const H = CARD_HEIGHT;

/** The middle value (the mean of the two middle ones for an even count). */
export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
/** The mean. */
export const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;

/**
 * Runs `fn` `runs` times after one untimed run: its last result, and the median wall and CPU ms.
 * @template T
 * @param {() => T | Promise<T>} fn
 * @param {number} runs
 * @returns {Promise<{ result: T, wall: number, cpu: number }>}
 */
export async function timed(fn, runs) {
  let result = await fn();
  const wall = [];
  const cpu = [];
  for (let i = 0; i < runs; i++) {
    const before = process.cpuUsage();
    const started = performance.now();
    result = await fn();
    wall.push(performance.now() - started);
    const used = process.cpuUsage(before);
    cpu.push((used.user + used.system) / 1000);
  }
  return { result, wall: median(wall), cpu: median(cpu) };
}

/** RGB pixels (every card is opaque) of an encoded image, or of raw RGBA given as `{ raw }`. */
export async function rgb(image) {
  const source = image.raw ? sharp(image.raw, { raw: { width: W, height: H, channels: 4 } }) : sharp(image);
  return source.removeAlpha().raw().toBuffer();
}

/** The mean of each 4×4 block of a card's RGB pixels (a quarter of its width and height). */
function quarter(pixels) {
  const w = W / 4;
  const h = Math.floor(H / 4);
  const outPixels = new Float64Array(w * h * 3);
  for (let y = 0; y < h * 4; y++)
    for (let x = 0; x < W; x++)
      for (let c = 0; c < 3; c++)
        outPixels[((y >> 2) * w + (x >> 2)) * 3 + c] += pixels[(y * W + x) * 3 + c] / 16;
  return outPixels;
}

const psnr = (squares, count) =>
  squares === 0 ? Infinity : 10 * Math.log10((255 * 255) / (squares / count));

/**
 * How far `b` is from `a` (RGB): the largest channel difference, the mean absolute error, PSNR,
 * the share of pixels off by more than 32 in some channel, and PSNR of the 4×4-block means (which
 * forgives differences in anti-aliasing, though not text moved by a pixel or more).
 */
export function difference(a, b) {
  let max = 0;
  let sum = 0;
  let squares = 0;
  let changed = 0;
  for (let i = 0; i < a.length; i += 3) {
    let off = 0;
    for (let c = 0; c < 3; c++) {
      const d = Math.abs(a[i + c] - b[i + c]);
      max = Math.max(max, d);
      off = Math.max(off, d);
      sum += d;
      squares += d * d;
    }
    if (off > 32) changed++;
  }
  const qa = quarter(a);
  const qb = quarter(b);
  let coarse = 0;
  for (let i = 0; i < qa.length; i++) coarse += (qa[i] - qb[i]) ** 2;
  return {
    max,
    mae: sum / a.length,
    psnr: psnr(squares, a.length),
    changed: changed / (a.length / 3),
    coarse: psnr(coarse, qa.length),
  };
}
