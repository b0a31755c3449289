// Social cards side by side: how long each way of drawing our card takes, how many bytes each
// encoding makes, and how far each result is from the card satori + resvg-js drew until
// CARD_VERSION 2, pixel by pixel. See "Social cards: rasterisers and encodings" in bench/README.md.
//
//   node_modules/.bin/node bench/cards.mjs [--runs 5] [--out DIR] [--baseline DIR]
//
// --baseline names a node_modules folder holding satori and @resvg/resvg-js, the renderers of
// the first cards (no longer the site's dependencies): `npm install --prefix /tmp/v1
// satori@0.63.2 @resvg/resvg-js@2.6.2`, then `--baseline /tmp/v1/node_modules`. The project's own
// node_modules is tried when it is not given. Without them, the satori rows are left out and
// pixels are compared with the site's card (Takumi) itself. --out writes sample images there.
//
// Single-threaded on purpose (sharp with one libvips thread, one libuv thread): time per card on
// one core is what a build pays. CPU time is given beside wall time, since the machine may be
// shared. Inputs: the real article, 24 of the bench archive's headlines and deks
// (bench/generate.mjs, seed 1), a Hebrew headline, a Hebrew dek, a Hebrew section label, the
// longest allowed headline (150 characters), one beyond it (cut with an ellipsis) and a short one;
// photo cards from 4 of the archive's photographs and the example archive's.
process.env.UV_THREADPOOL_SIZE = '1';

const { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } = await import('node:fs');
const { createRequire } = await import('node:module');
const { loadavg, tmpdir } = await import('node:os');
const { join } = await import('node:path');
const { fileURLToPath } = await import('node:url');
const { parseArgs } = await import('node:util');
const { default: sharp } = await import('sharp');
const { Renderer } = await import('@takumi-rs/core');
const { generateArticle } = await import('./generate.mjs');
const { picturePool } = await import('./pictures.mjs');
const { CARD_HEIGHT, CARD_WIDTH } = await import('../src/lib/cards/size.ts');
const tree = await import('../src/lib/cards/tree.ts');
const raster = await import('../src/lib/cards/raster.ts');

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const W = CARD_WIDTH;
const H = CARD_HEIGHT;

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    out: { type: 'string' },
    baseline: { type: 'string' },
  },
});
const RUNS = Number(args.runs);
sharp.concurrency(1);
sharp.cache(false);
const out = args.out;
if (out) mkdirSync(out, { recursive: true });
const loadAtStart = loadavg();

// ---------------------------------------------------------------------------------------------
// Inputs

const LABELS = { israel: 'Israel', 'middle-east': 'Middle East', world: 'World' };
const dateFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'Asia/Jerusalem' });

/** Headline, dek, section and date from an article's frontmatter (one-line YAML values). */
function fromFrontmatter(source) {
  const field = (name) => {
    const raw = new RegExp(`^${name}: (.*)$`, 'm').exec(source)?.[1] ?? '';
    if (raw.startsWith("'")) return raw.slice(1, -1).replace(/''/g, "'");
    return raw.startsWith('"') ? JSON.parse(raw) : raw;
  };
  const published = field('published');
  return {
    headline: field('headline'),
    dek: field('dek'),
    section: LABELS[field('section')],
    date: dateFormat.format(new Date(published.length === 10 ? `${published}T00:00:00+03:00` : published)),
    siteTitle: 'JNS Wire',
  };
}

const real = fromFrontmatter(
  readFileSync(join(ROOT, 'src/content/articles/azerbaijan-opens-embassy-in-israel.mdx'), 'utf8'),
);
const LONG = 'Ministers from eleven countries meet in Jerusalem to discuss water, trade, energy and ';
/** @type {{ name: string, input: import('../src/lib/cards/input.ts').SocialCardInput }[]} */
const TEXT_CARDS = [
  { name: 'real article', input: real },
  ...Array.from({ length: 24 }, (_, i) => ({
    name: `archive #${i + 1}`,
    input: fromFrontmatter(generateArticle(i, 1, { photoShare: 0 }).source),
  })),
  {
    name: 'Hebrew headline',
    input: { ...real, headline: 'אלי כהן hosts Azerbaijan’s foreign minister in Jerusalem' },
  },
  {
    name: 'Hebrew dek',
    input: { ...real, dek: 'Foreign Minister אלי כהן (Eli Cohen) called it “יום היסטורי”, a historic day.' },
  },
  { name: 'Hebrew section label', input: { ...real, section: 'חדשות · News' } },
  { name: '150-character headline', input: { ...real, headline: LONG.repeat(2).slice(0, 150) } },
  { name: 'over-long headline', input: { ...real, headline: LONG.repeat(4) } },
  { name: 'short headline', input: { ...real, headline: 'Embassy opens' } },
];
const SAMPLES = [
  'real article',
  'Hebrew headline',
  'Hebrew dek',
  'Hebrew section label',
  'over-long headline',
];

// ---------------------------------------------------------------------------------------------
// Measuring

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Runs `fn` RUNS times after one untimed run: its last result, and the median wall and CPU ms. */
async function timed(fn) {
  let result = await fn();
  const wall = [];
  const cpu = [];
  for (let i = 0; i < RUNS; i++) {
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
async function rgb(image) {
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
function difference(a, b) {
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

// ---------------------------------------------------------------------------------------------
// Rasterisers: each gives raw RGBA, 1200×630, in a layout step and a raster step.

const takumi = new Renderer();
for (const font of raster.loadFonts().fonts) await takumi.registerFont(font);
/** A package's version, from its package.json in a node_modules folder. */
const version = (dir, name) => JSON.parse(readFileSync(join(dir, name, 'package.json'), 'utf8')).version;
const here = join(ROOT, 'node_modules');

const RASTERISERS = {};
let baseline;
const baselineDir = args.baseline ?? join(ROOT, 'node_modules');
if (existsSync(join(baselineDir, 'satori')) && existsSync(join(baselineDir, '@resvg/resvg-js'))) {
  const from = createRequire(join(baselineDir, 'satori', 'package.json'));
  const satoriModule = from('satori');
  const satori = satoriModule.default ?? satoriModule;
  const { Resvg } = from('@resvg/resvg-js');
  const fonts = raster.loadFonts().fonts;
  /** Takumi's tree as satori reads it: React-shaped elements. */
  const element = (node) => ({
    type: 'div',
    props: { style: node.style, children: node.type === 'text' ? node.text : node.children.map(element) },
  });
  const layout = (tree) => satori(element(tree), { width: W, height: H, fonts });
  baseline = {
    name: `satori ${version(baselineDir, 'satori')} + resvg-js ${version(baselineDir, '@resvg/resvg-js')}`,
    layout,
    resvg: (svg) =>
      new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } }).render(),
  };
  RASTERISERS[`${baseline.name} (cards until v2)`] = {
    layout: (input) => layout(tree.cardTree(input)),
    raster: (svg) => baseline.resvg(svg),
    pixels: (rendered) => rendered.pixels,
    // As the site shipped it: resvg's own full-colour PNG.
    encode: (rendered) => rendered.asPng(),
  };
  RASTERISERS[`satori + sharp ${version(here, 'sharp')} (librsvg)`] = {
    layout: (input) => layout(tree.cardTree(input)),
    raster: (svg) => sharp(Buffer.from(svg)).ensureAlpha().raw().toBuffer(),
    pixels: (raw) => raw,
    encode: (raw) => palette(raw, { colours: 256, effort: 1, dither: 0 }),
  };
} else {
  console.error(`No satori and @resvg/resvg-js in ${baselineDir}: comparing with the site's card itself.`);
}
const TAKUMI = `@takumi-rs/core ${version(here, '@takumi-rs/core')} (the site's)`;
RASTERISERS[TAKUMI] = {
  // Takumi lays out and rasterises in one call: the tree is all the "layout" JavaScript sees.
  layout: (input) => tree.cardTree(input),
  raster: (tree) => takumi.render(tree, { width: W, height: H, format: 'raw' }),
  pixels: (raw) => raw,
  // Its own PNG encoder is one call with the drawing: its time is that call's less the raw one's.
  drawAndEncode: (tree) => takumi.render(tree, { width: W, height: H, format: 'png' }),
};

/** Raw RGBA in, encoded bytes out. */
const fromRaw = (raw) => sharp(raw, { raw: { width: W, height: H, channels: 4 } }).removeAlpha();
const palette = (raw, options) =>
  fromRaw(raw)
    .png({ palette: true, compressionLevel: 9, ...options })
    .toBuffer();
const ENCODERS = {
  'PNG, full colour (sharp, level 9)': (raw) => fromRaw(raw).png({ compressionLevel: 9 }).toBuffer(),
  'PNG palette 256, effort 1 (sharp)': (raw) => palette(raw, { colours: 256, effort: 1, dither: 0 }),
  'PNG palette 256, effort 10, dither 1 (sharp)': (raw) =>
    palette(raw, { colours: 256, effort: 10, dither: 1 }),
  'PNG palette 16, effort 1 (sharp)': (raw) => palette(raw, { colours: 16, effort: 1, dither: 0 }),
  'JPEG q80 mozjpeg': (raw) => fromRaw(raw).jpeg({ quality: 80, mozjpeg: true }).toBuffer(),
  'JPEG q90 mozjpeg, 4:4:4': (raw) =>
    fromRaw(raw).jpeg({ quality: 90, mozjpeg: true, chromaSubsampling: '4:4:4' }).toBuffer(),
};
if (baseline) {
  // The first cards' encoder: resvg's own full-colour PNG.
  ENCODERS['PNG, full colour (resvg: cards until v2)'] = null;
}

// ---------------------------------------------------------------------------------------------
// Run

const slug = (text) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
/** Per card: the reference pixels (the first rasteriser's). */
const reference = new Map();
const rasterRows = [];
for (const [name, r] of Object.entries(RASTERISERS)) {
  const row = {
    name,
    layout: [],
    layoutCpu: [],
    raster: [],
    rasterCpu: [],
    encode: [],
    bytes: [],
    diffs: [],
  };
  for (const card of TEXT_CARDS) {
    const l = await timed(() => r.layout(card.input));
    const ras = await timed(() => r.raster(l.result));
    row.layout.push(l.wall);
    row.layoutCpu.push(l.cpu);
    row.raster.push(ras.wall);
    row.rasterCpu.push(ras.cpu);
    const pixels = await rgb({ raw: r.pixels(ras.result) });
    if (!reference.has(card.name)) reference.set(card.name, pixels);
    row.diffs.push(difference(reference.get(card.name), pixels));
    const encoded = r.drawAndEncode
      ? await timed(() => r.drawAndEncode(l.result))
      : await timed(() => r.encode(ras.result));
    row.encode.push(r.drawAndEncode ? encoded.cpu - ras.cpu : encoded.cpu);
    row.bytes.push(encoded.result.length);
    if (out && SAMPLES.includes(card.name))
      writeFileSync(join(out, `${slug(name)}--${slug(card.name)}.png`), encoded.result);
  }
  rasterRows.push(row);
  console.error(`${name}: done`);
}

// Encodings, of the reference pixels.
const encodeRows = new Map(
  Object.keys(ENCODERS).map((name) => [name, { ms: [], cpu: [], bytes: [], diffs: [] }]),
);
for (const card of TEXT_CARDS) {
  const svg = baseline && (await baseline.layout(tree.cardTree(card.input)));
  const rendered = baseline?.resvg(svg);
  const raw = rendered
    ? rendered.pixels
    : await takumi.render(tree.cardTree(card.input), { width: W, height: H, format: 'raw' });
  for (const [name, encode] of Object.entries(ENCODERS)) {
    const e = await timed(() => (encode ? encode(raw) : rendered.asPng()));
    const row = encodeRows.get(name);
    row.ms.push(e.wall);
    row.cpu.push(e.cpu);
    row.bytes.push(e.result.length);
    row.diffs.push(difference(reference.get(card.name), await rgb(e.result)));
    if (out && card.name === 'real article')
      writeFileSync(join(out, `encode--${slug(name)}.${name.startsWith('JPEG') ? 'jpg' : 'png'}`), e.result);
  }
}
console.error('encodings: done');

// Photo cards: the band over the photograph, as a JPEG at some qualities (mozjpeg).
const pool = await picturePool(1);
const photoDir = out ? join(out, 'photos') : mkdtempSync(join(tmpdir(), 'card-photos-'));
mkdirSync(photoDir, { recursive: true });
const photos = [
  {
    name: 'example archive: harvest festival',
    file: join(ROOT, 'tests/fixtures/archive/fixture-harvest-festival/lead.jpg'),
    position: 'bottom',
  },
  ...[0, 3, 6, 9].map((k) => {
    const file = join(photoDir, `lead-${k}.jpg`);
    writeFileSync(file, pool.leads[k].data);
    return { name: `archive photograph ${k}`, file, position: 'centre' };
  }),
];
const QUALITIES = [82, 75, 70, 65];
const photoRows = new Map();
/**
 * Adds one encoding of a photo card to its row: its time, bytes, and its pixels' difference from
 * `reference` (what was encoded) and from `v1` (the satori card, when there is one).
 * @param {string} key @param {{ wall: number, cpu: number, result: Buffer }} encoded
 * @param {Buffer} reference @param {Buffer | undefined} v1
 */
async function addPhotoRow(key, encoded, reference, v1) {
  if (!photoRows.has(key)) photoRows.set(key, { ms: [], cpu: [], bytes: [], diffs: [], v1: [] });
  const row = photoRows.get(key);
  row.ms.push(encoded.wall);
  row.cpu.push(encoded.cpu);
  row.bytes.push(encoded.result.length);
  const pixels = await rgb(encoded.result);
  row.diffs.push(difference(reference, pixels));
  if (v1) row.v1.push(difference(v1, pixels));
}
const bandRows = [];
for (const photo of photos) {
  const input = { ...real, photo: { file: photo.file, position: photo.position, credit: 'Miriam Levi/JNS' } };
  const tree = tree.photoBandTree(input);
  const band = await timed(() => takumi.render(tree, { width: W, height: H, format: 'png' }));
  bandRows.push(band.cpu);
  const composite = (overlay) =>
    sharp(photo.file)
      .rotate()
      .resize(W, H, { fit: 'cover', position: photo.position })
      .composite([{ input: overlay }])
      .removeAlpha()
      .raw()
      .toBuffer();
  const composed = await composite(band.result);
  const v1 = baseline && (await composite(baseline.resvg(await baseline.layout(tree)).asPng()));
  for (const quality of QUALITIES) {
    const e = await timed(() =>
      sharp(composed, { raw: { width: W, height: H, channels: 3 } })
        .jpeg({ quality, mozjpeg: true })
        .toBuffer(),
    );
    const key = `Takumi band, JPEG q${quality}${quality === raster.PHOTO_CARD_QUALITY ? ' (the site’s)' : ''}`;
    await addPhotoRow(key, e, composed, v1);
    if (out) writeFileSync(join(out, `photo--${slug(photo.name)}--q${quality}.jpg`), e.result);
  }
  if (v1) {
    const e = await timed(() =>
      sharp(v1, { raw: { width: W, height: H, channels: 3 } })
        .jpeg({ quality: 82, mozjpeg: true })
        .toBuffer(),
    );
    await addPhotoRow('satori band, JPEG q82 (cards until v2)', e, v1, v1);
  }
}

if (!out) rmSync(photoDir, { recursive: true, force: true });

// ---------------------------------------------------------------------------------------------
// Report

const ms = (x) => `${x.toFixed(1)} ms`;
const kb = (x) => `${(x / 1000).toFixed(1)} kB`;
const db = (x) => (x === Infinity ? '∞' : `${x.toFixed(1)} dB`);
const pct = (x) => `${(x * 100).toFixed(2)}%`;
const range = (xs) => `${kb(Math.min(...xs))}–${kb(Math.max(...xs))}`;
const pixels = (diffs) =>
  `${Math.max(...diffs.map((d) => d.max))} | ${mean(diffs.map((d) => d.mae)).toFixed(2)} | ` +
  `${db(Math.min(...diffs.map((d) => d.psnr)))} | ${pct(Math.max(...diffs.map((d) => d.changed)))} | ` +
  `${db(Math.min(...diffs.map((d) => d.coarse)))}`;
const load = (l) => l.map((x) => x.toFixed(2)).join(', ');
const referenceName = baseline ? `${baseline.name}'s` : 'the site’s (Takumi)';

const report = [
  `Node ${process.version}, sharp ${version(here, 'sharp')} (libvips ${sharp.versions.vips}), ${RUNS} timed runs ` +
    `per card after one untimed; load average ${load(loadAtStart)} at the start, ${load(loadavg())} at the end.`,
  '',
  `**Text cards** (${TEXT_CARDS.length} inputs): median over the cards of each card's median time, wall ` +
    `(CPU in brackets). Encoded as each would ship: satori + resvg-js as the site did until v2 (resvg's ` +
    `full-colour PNG), satori + librsvg with sharp's palette PNG (effort 1), Takumi with its own PNG encoder ` +
    `(its time: the PNG call's CPU less the raw one's). ` +
    `Pixels against ${referenceName} card: the largest channel difference (0–255), the mean absolute error per ` +
    `channel, the lowest PSNR, the largest share of pixels off by more than 32, and the lowest PSNR of the ` +
    `4×4-block means (which forgives differences in anti-aliasing, not text moved by a pixel or more).`,
  '',
  '| Rasteriser | Layout | Rasterise | Encode (CPU) | Bytes (mean) | Bytes (range) | Max diff | MAE | PSNR | Pixels off > 32 | PSNR ¼ scale |',
  '| --- | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: |',
  ...rasterRows.map(
    (r) =>
      `| ${r.name} | ${ms(median(r.layout))} (${ms(median(r.layoutCpu))}) | ${ms(median(r.raster))} (${ms(median(r.rasterCpu))}) | ` +
      `${ms(Math.max(0, median(r.encode)))} | ${kb(mean(r.bytes))} | ${range(r.bytes)} | ${pixels(r.diffs)} |`,
  ),
  '',
  `**Encodings** of ${referenceName} pixels, the same ${TEXT_CARDS.length} cards:`,
  '',
  '| Encoding | Encode | Bytes (mean) | Bytes (range) | Max diff | MAE | PSNR | Pixels off > 32 | PSNR ¼ scale |',
  '| --- | --: | --: | --: | --: | --: | --: | --: | --: |',
  ...[...encodeRows].map(
    ([name, r]) =>
      `| ${name} | ${ms(median(r.ms))} (${ms(median(r.cpu))}) | ${kb(mean(r.bytes))} | ${range(r.bytes)} | ${pixels(r.diffs)} |`,
  ),
  '',
  `**Photo cards** (${photos.length} photographs; the band drawn by Takumi in ${ms(median(bandRows))} CPU): ` +
    `encode time and bytes, pixels against the same card uncompressed` +
    (baseline ? `, and MAE / PSNR against the first cards' uncompressed composite (satori band)` : '') +
    ':',
  '',
  `| Encoding | Encode | Bytes (mean) | Bytes (range) | Max diff | MAE | PSNR | Pixels off > 32 | PSNR ¼ scale |${baseline ? ' MAE / PSNR vs v1 |' : ''}`,
  `| --- | --: | --: | --: | --: | --: | --: | --: | --: |${baseline ? ' --: |' : ''}`,
  ...[...photoRows].map(
    ([name, r]) =>
      `| ${name} | ${ms(median(r.ms))} (${ms(median(r.cpu))}) | ${kb(mean(r.bytes))} | ${range(r.bytes)} | ${pixels(r.diffs)} |` +
      (baseline
        ? ` ${mean(r.v1.map((d) => d.mae)).toFixed(2)} / ${db(Math.min(...r.v1.map((d) => d.psnr)))} |`
        : ''),
  ),
];
console.log(report.join('\n'));
