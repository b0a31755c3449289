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
//
// The parts live in bench/lib/cards/: inputs.mjs (the cards and photographs), renderers.mjs (the
// rasterisers and encoders), pixels.mjs (timing and comparing pixels), report.mjs (the tables).
process.env.UV_THREADPOOL_SIZE = '1';

// Imported once the thread pool's size is set: sharp and Takumi size their pools when they load.
const { mkdirSync, mkdtempSync, rmSync, writeFileSync } = await import('node:fs');
const { loadavg, tmpdir } = await import('node:os');
const { join } = await import('node:path');
const { fileURLToPath } = await import('node:url');
const { parseArgs } = await import('node:util');
const { default: sharp } = await import('sharp');
const { Renderer } = await import('@takumi-rs/core');
const { picturePool } = await import('./lib/archive/pictures.mjs');
const { SAMPLES, TEXT_CARDS, photoCards, real } = await import('./lib/cards/inputs.mjs');
const { difference, rgb, timed: timedRuns } = await import('./lib/cards/pixels.mjs');
const { renderers } = await import('./lib/cards/renderers.mjs');
const { cardsReport } = await import('./lib/cards/report.mjs');
const { CARD_HEIGHT, CARD_WIDTH } = await import('../src/lib/cards/size.ts');
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

/** Runs `fn` RUNS times after one untimed run: its last result, and the median wall and CPU ms. */
const timed = (fn) => timedRuns(fn, RUNS);

const takumi = new Renderer();
for (const font of raster.loadFonts().fonts) await takumi.registerFont(font);
const here = join(ROOT, 'node_modules');
const { RASTERISERS, ENCODERS, baseline } = renderers({
  baselineDir: args.baseline ?? join(ROOT, 'node_modules'),
  here,
  takumi,
});

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
const photos = photoCards(pool, photoDir);
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

console.log(
  cardsReport({
    runs: RUNS,
    loadAtStart,
    here,
    baseline,
    textCards: TEXT_CARDS.length,
    rasterRows,
    encodeRows,
    photoRows,
    bandRows,
    photos: photos.length,
  }),
);
