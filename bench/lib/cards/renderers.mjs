// The ways bench/cards.mjs draws and encodes a card. Each rasteriser gives raw RGBA, 1200×630, in
// a layout step and a raster step; each encoder turns raw RGBA into a file's bytes. satori +
// resvg-js (the cards until CARD_VERSION 2) and satori + librsvg are measured when a
// node_modules holding satori and @resvg/resvg-js is given; Takumi (the site's) always.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import sharp from 'sharp';
import { loadFonts } from '../../../src/lib/cards/raster.ts';
import { CARD_HEIGHT, CARD_WIDTH } from '../../../src/lib/cards/size.ts';
import { cardTree } from '../../../src/lib/cards/tree.ts';

const W = CARD_WIDTH;
const H = CARD_HEIGHT;

/** A package's version, from its package.json in a node_modules folder. */
export const version = (dir, name) =>
  JSON.parse(readFileSync(join(dir, name, 'package.json'), 'utf8')).version;

/** Raw RGBA in, encoded bytes out. */
const fromRaw = (raw) => sharp(raw, { raw: { width: W, height: H, channels: 4 } }).removeAlpha();
const palette = (raw, options) =>
  fromRaw(raw)
    .png({ palette: true, compressionLevel: 9, ...options })
    .toBuffer();

/**
 * The rasterisers and encoders to measure, by the name the report gives them, in the order they
 * run (the first rasteriser's pixels are the reference), and the first cards' renderer
 * (`baseline`) when `baselineDir` holds satori and @resvg/resvg-js.
 * @param {{ baselineDir: string, here: string, takumi: import('@takumi-rs/core').Renderer }} where
 *   `here`: the project's node_modules; `takumi`: a renderer with the card's fonts registered
 */
export function renderers({ baselineDir, here, takumi }) {
  const RASTERISERS = {};
  let baseline;
  if (existsSync(join(baselineDir, 'satori')) && existsSync(join(baselineDir, '@resvg/resvg-js'))) {
    const from = createRequire(join(baselineDir, 'satori', 'package.json'));
    const satoriModule = from('satori');
    const satori = satoriModule.default ?? satoriModule;
    const { Resvg } = from('@resvg/resvg-js');
    const fonts = loadFonts().fonts;
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
      layout: (input) => layout(cardTree(input)),
      raster: (svg) => baseline.resvg(svg),
      pixels: (rendered) => rendered.pixels,
      // As the site shipped it: resvg's own full-colour PNG.
      encode: (rendered) => rendered.asPng(),
    };
    RASTERISERS[`satori + sharp ${version(here, 'sharp')} (librsvg)`] = {
      layout: (input) => layout(cardTree(input)),
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
    layout: (input) => cardTree(input),
    raster: (tree) => takumi.render(tree, { width: W, height: H, format: 'raw' }),
    pixels: (raw) => raw,
    // Its own PNG encoder is one call with the drawing: its time is that call's less the raw one's.
    drawAndEncode: (tree) => takumi.render(tree, { width: W, height: H, format: 'png' }),
  };

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
  return { RASTERISERS, ENCODERS, baseline };
}
