// Made-up pictures for the benchmark's archive (bench/generate.mjs): lead "photographs" (JPEG)
// and body graphics (PNG), drawn as SVG and encoded with sharp, so they need no camera, no
// download and no licence, and a seed always gives the same bytes.
//
// Drawing and encoding one 2,000 px photograph takes a few hundred milliseconds, which for the
// 800 photographs of a 4,000-article archive would make generating the archive take minutes. So
// each seed draws a small pool of distinct pictures once (LEAD_POOL + FIGURE_POOL, 2–5 s on two
// cores), and every article's file is a copy of one of them with the seed and the file's path
// written into a comment (a JPEG COM segment, a PNG tEXt chunk). The pixels repeat across articles; the
// bytes never do. That matters: Astro names every file it makes after a hash of the source's
// content, so two articles with byte-identical photos would share one set of optimised images
// and the bench would see a fraction of the real cost. With a different comment in each, every
// photo is processed on its own, as a newsroom's would be.
import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { mulberry32 } from './prng.mjs';

/**
 * Sizes of the lead photographs, width × height: common camera exports, landscape, square and
 * portrait, each at least 1,200 px on both sides (within the site's rules for a lead, src/lib/photos/rules.ts)
 * and wide enough that the page offers 7 or 8 widths of each (src/lib/photos/sizes.ts).
 */
export const LEAD_SIZES = [
  [1800, 1200],
  [2000, 1333],
  [2400, 1600],
  [1600, 1200],
  [1500, 1500],
  [1200, 1800],
];

/** Sizes of the body graphics (maps, charts): no minimum for a figure, so smaller ones too. */
export const FIGURE_SIZES = [
  [1600, 1067],
  [1200, 800],
  [1400, 1050],
];

/** How many distinct photographs and graphics a seed draws (see the note at the top). */
export const LEAD_POOL = 16;
export const FIGURE_POOL = 4;

/** A seed for picture `k` of `kind` in archive `seed`, unrelated to the articles' own seeds. */
function pictureSeed(seed, kind, k) {
  let h =
    (Math.imul(seed >>> 0, 0x27d4eb2f) ^ Math.imul(k + 1, kind === 'lead' ? 0x165667b1 : 0xd3a2646c)) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

/** Colour schemes for the scenes: sky top, sky bottom, far hills, near ground, accent. */
const PALETTES = [
  ['#27365f', '#f2c27c', '#4e5b3a', '#8a6d2f', '#ffd9a0'], // dusk over fields
  ['#5b8fc9', '#dce9f5', '#7d8f9c', '#b7a58a', '#ffffff'], // clear morning
  ['#1d2333', '#6b4e71', '#2e3440', '#3b3f4a', '#f6c177'], // night, city lights
  ['#86a8c5', '#f4e3c1', '#a69276', '#d9c9a3', '#c4572f'], // desert light
  ['#3f6e8c', '#bcd7e6', '#2f5d50', '#4f7f52', '#f2f2f2'], // coast, green hills
  ['#8c8c94', '#d6d3cc', '#5f6368', '#7b7468', '#e34f2b'], // overcast street
];

const hex = (n) => n.toString(16).padStart(2, '0');
/** A palette colour moved by up to ±`amount` on each channel, so no two scenes are the same shade. */
function vary(color, rand, amount = 24) {
  const channels = [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16));
  return `#${channels.map((c) => hex(Math.max(0, Math.min(255, Math.round(c + (rand() * 2 - 1) * amount))))).join('')}`;
}

/**
 * A made-up news photograph: a sky, a sun or moon, two ridges of hills, a skyline of buildings
 * with lit windows, people in the foreground, and a grain that gives the encoders texture to
 * work on (flat SVG colour would compress far better than any photograph).
 */
function leadSvg(rand, width, height) {
  const [skyTop, skyBottom, far, near, accent] = PALETTES[Math.floor(rand() * PALETTES.length)].map((c) =>
    vary(c, rand),
  );
  const r = (min, max) => min + rand() * (max - min);
  const horizon = height * r(0.45, 0.62);
  const ridge = (base, amplitude, color) => {
    const steps = 6;
    let d = `M0 ${base.toFixed(0)}`;
    for (let s = 1; s <= steps; s++) {
      const x = (width * s) / steps;
      d += ` Q ${(x - width / steps / 2).toFixed(0)} ${(base - r(0, amplitude)).toFixed(0)} ${x.toFixed(0)} ${(base - r(0, amplitude / 2)).toFixed(0)}`;
    }
    return `<path d="${d} V ${height} H 0 Z" fill="${color}"/>`;
  };
  const buildings = [];
  for (let x = r(-40, 40); x < width; x += r(60, 180)) {
    const w = r(50, 160);
    const h = r(height * 0.08, height * 0.32);
    const top = horizon + height * 0.05 - h;
    buildings.push(
      `<rect x="${x.toFixed(0)}" y="${top.toFixed(0)}" width="${w.toFixed(0)}" height="${(h + height).toFixed(0)}" fill="${vary(far, rand, 30)}"/>`,
    );
    for (let wy = top + 14; wy < horizon; wy += 26) {
      for (let wx = x + 10; wx < x + w - 14; wx += 22) {
        if (rand() < 0.35)
          buildings.push(
            `<rect x="${wx.toFixed(0)}" y="${wy.toFixed(0)}" width="9" height="13" fill="${accent}" opacity="0.8"/>`,
          );
      }
    }
  }
  const people = Array.from({ length: 4 + Math.floor(rand() * 9) }, () => {
    const x = r(0, width);
    const s = r(0.7, 1.4) * (height / 1200);
    const y = height - r(20, 160) * s;
    const c = vary('#202020', rand, 30);
    return `<g transform="translate(${x.toFixed(0)} ${y.toFixed(0)}) scale(${s.toFixed(2)})"><circle cx="0" cy="-230" r="34" fill="${c}"/><rect x="-48" y="-190" width="96" height="210" rx="30" fill="${c}"/></g>`;
  }).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${skyTop}"/><stop offset="1" stop-color="${skyBottom}"/></linearGradient>
<linearGradient id="ground" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${near}"/><stop offset="1" stop-color="${vary(near, rand, 40)}"/></linearGradient></defs>
<rect width="${width}" height="${height}" fill="url(#sky)"/>
<circle cx="${r(0.1, 0.9) * width}" cy="${r(0.1, 0.35) * height}" r="${r(40, 110)}" fill="${accent}" opacity="0.85"/>
${ridge(horizon, height * 0.18, vary(far, rand))}
${buildings.join('')}
${ridge(horizon + height * 0.08, height * 0.1, 'url(#ground)')}
${people}
</svg>`;
}

/**
 * What graphic `k` of a pool is: the even ones are bar charts, the odd ones maps (so an article's
 * alt text can say what its figure shows without drawing it).
 * @returns {'chart' | 'map'}
 */
export const figureKind = (k) => (k % 2 === 0 ? 'chart' : 'map');

/** A made-up graphic: a bar chart on a light ground with a grid, or a map with a river and a marker. */
function figureSvg(rand, width, height, kind) {
  const r = (min, max) => min + rand() * (max - min);
  const ink = vary('#1c1b19', rand, 10);
  if (kind === 'chart') {
    const bars = 5 + Math.floor(rand() * 8);
    const gap = width / (bars * 1.5 + 1);
    const grid = Array.from({ length: 5 }, (_, i) => {
      const y = height * 0.15 + (i * height * 0.7) / 4;
      return `<line x1="${gap}" y1="${y}" x2="${width - gap}" y2="${y}" stroke="#c9c5bb" stroke-width="2"/>`;
    }).join('');
    const color = vary('#a3171b', rand, 40);
    const rects = Array.from({ length: bars }, (_, i) => {
      const h = r(0.1, 0.7) * height;
      return `<rect x="${(gap + i * gap * 1.5).toFixed(0)}" y="${(height * 0.85 - h).toFixed(0)}" width="${gap.toFixed(0)}" height="${h.toFixed(0)}" fill="${color}"/>`;
    }).join('');
    return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
<rect width="${width}" height="${height}" fill="#f7f5ef"/>${grid}${rects}
<line x1="${gap}" y1="${height * 0.85}" x2="${width - gap}" y2="${height * 0.85}" stroke="${ink}" stroke-width="4"/>
</svg>`;
  }
  const land = vary('#cfe0b8', rand, 20);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
<rect width="${width}" height="${height}" fill="${vary('#eef1e6', rand, 10)}"/>
<path d="M0 ${(height * r(0.5, 0.7)).toFixed(0)} C ${width * 0.25} ${height * r(0.4, 0.8)} ${width * 0.45} ${height * r(0.5, 0.9)} ${width * 0.65} ${height * r(0.5, 0.7)} S ${width * 0.9} ${height * r(0.4, 0.6)} ${width} ${height * r(0.5, 0.7)} V ${height} H 0 Z" fill="${land}"/>
<path d="M${width * r(0.05, 0.3)} 0 C ${width * r(0.2, 0.4)} ${height * 0.3} ${width * r(0.1, 0.3)} ${height * 0.6} ${width * r(0.3, 0.5)} ${height}" stroke="#8fb3d9" stroke-width="${r(10, 24).toFixed(0)}" fill="none"/>
<path d="M0 ${height * r(0.3, 0.4)} H ${width} M ${width * r(0.4, 0.6)} 0 V ${height}" stroke="#b9b4a6" stroke-width="6" stroke-dasharray="18 12"/>
<circle cx="${width * r(0.3, 0.7)}" cy="${height * r(0.4, 0.7)}" r="26" fill="#a3171b"/>
</svg>`;
}

/** Film grain: fractal noise, drawn once per seed as a tile and laid over every photograph. */
function grainSvg(seed, size) {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}">
<filter id="g" x="0" y="0" width="100%" height="100%"><feTurbulence type="fractalNoise" baseFrequency="0.55" numOctaves="3" seed="${seed % 1000}" stitchTiles="stitch"/><feColorMatrix type="matrix" values="0.33 0.33 0.33 0 0  0.33 0.33 0.33 0 0  0.33 0.33 0.33 0 0  0 0 0 0 1"/></filter>
<rect width="${size}" height="${size}" filter="url(#g)"/>
</svg>`;
}

/**
 * @typedef {{ data: Buffer, width: number, height: number, format: 'jpg' | 'png' }} Picture
 * @typedef {{ leads: Picture[], figures: Picture[] }} PicturePool
 */

/** @type {Map<number, Promise<PicturePool>>} */
const pools = new Map();

/**
 * The distinct pictures of archive `seed`: LEAD_POOL photographs and FIGURE_POOL graphics.
 * Drawn once per seed and process (the bench builds several sizes from one seed).
 * @returns {Promise<PicturePool>}
 */
export function picturePool(seed) {
  if (!pools.has(seed)) pools.set(seed, drawPool(seed));
  return /** @type {Promise<PicturePool>} */ (pools.get(seed));
}

async function drawPool(seed) {
  const grain = await sharp(Buffer.from(grainSvg(seed, 512)))
    .png()
    .toBuffer();
  const lead = async (k) => {
    const rand = mulberry32(pictureSeed(seed, 'lead', k));
    const [width, height] = LEAD_SIZES[k % LEAD_SIZES.length];
    const scene = await sharp(Buffer.from(leadSvg(rand, width, height)))
      .raw()
      .toBuffer({ resolveWithObject: true });
    // Plain libjpeg at quality 85, as a camera or an editor's export writes it (mozjpeg would take
    // five times longer here, for a file the site encodes again anyway).
    const data = await sharp(scene.data, { raw: scene.info })
      .composite([{ input: grain, tile: true, blend: 'soft-light' }])
      .jpeg({ quality: 85 })
      .toBuffer();
    return { data, width, height, format: 'jpg' };
  };
  const figure = async (k) => {
    const rand = mulberry32(pictureSeed(seed, 'figure', k));
    const [width, height] = FIGURE_SIZES[k % FIGURE_SIZES.length];
    const data = await sharp(Buffer.from(figureSvg(rand, width, height, figureKind(k))))
      .png({ palette: true, colours: 32 })
      .toBuffer();
    return { data, width, height, format: 'png' };
  };
  const [leads, figures] = await Promise.all([
    Promise.all(Array.from({ length: LEAD_POOL }, (_, k) => lead(k))),
    Promise.all(Array.from({ length: FIGURE_POOL }, (_, k) => figure(k))),
  ]);
  return { leads, figures };
}

/**
 * The picture's bytes with `text` written into it as a comment, so that no two articles' files
 * are the same bytes (see the note at the top). The pixels are untouched.
 * JPEG: a COM segment right after the SOI marker. PNG: a tEXt chunk right after IHDR.
 * @param {Picture} picture
 * @param {string} text ASCII
 */
export function stamp(picture, text) {
  const body = Buffer.from(text, 'latin1');
  if (picture.format === 'jpg') {
    const segment = Buffer.alloc(4);
    segment.writeUInt16BE(0xfffe, 0);
    segment.writeUInt16BE(body.length + 2, 2);
    return Buffer.concat([picture.data.subarray(0, 2), segment, body, picture.data.subarray(2)]);
  }
  const data = Buffer.concat([Buffer.from('Comment\0', 'latin1'), body]);
  const type = Buffer.from('tEXt', 'latin1');
  const head = Buffer.alloc(4);
  head.writeUInt32BE(data.length, 0);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([type, data])), 0);
  // 8-byte signature, then IHDR: 4 length + 4 type + 13 data + 4 CRC.
  const afterHeader = 8 + 25;
  return Buffer.concat([
    picture.data.subarray(0, afterHeader),
    head,
    type,
    data,
    crc,
    picture.data.subarray(afterHeader),
  ]);
}
