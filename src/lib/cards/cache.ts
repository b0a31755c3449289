/**
 * Social card images: the 1200×630 image that link previews (Open Graph, X, messengers) show for
 * an article, drawn at build time (see `raster.ts`) and kept in a content-addressed cache: an
 * article whose card inputs did not change costs a file read (about 1 ms) on the next build.
 *
 * A build also draws its cards ahead of their pages ({@link prepareSocialCards}): the cards'
 * routes hand over every card when Astro asks them for their paths, before it renders any page,
 * and the cards are drawn into the cache on other threads while Astro's one JavaScript thread
 * renders the pages that come before them. When a card's page comes, it is a file read.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { SocialCardInput } from './input.ts';
import { socialCardHash } from './key.ts';
import { renderSocialCard } from './raster.ts';
import { fromRoot } from '../site/project-root.ts';

/** Where cached cards live, and how a missing one is drawn (tests pass a counting renderer). */
export interface SocialCardOptions {
  /**
   * Cache folder. Default: the `NEWS_CARD_CACHE_DIR` environment variable if set, else
   * `node_modules/.cache/news-cards/` under the project root (kept between local builds, and
   * where CI caches usually look; deleting it is always safe).
   */
  readonly cacheDir?: string;
  /** Draws a card that is not cached. Default: {@link renderSocialCard}. */
  readonly render?: (input: SocialCardInput) => Promise<Uint8Array>;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG_SIGNATURE = [0xff, 0xd8, 0xff];

/** The folder cached cards are kept in (see {@link SocialCardOptions.cacheDir}). */
export function socialCardCacheDir(options: Pick<SocialCardOptions, 'cacheDir'> = {}): string {
  // `||`, not `??`: an empty variable (`NEWS_CARD_CACHE_DIR=`) means unset, not the current folder.
  return (
    options.cacheDir ?? (process.env.NEWS_CARD_CACHE_DIR || fromRoot('./node_modules/.cache/news-cards/'))
  );
}

/** A card's file in the cache: its key and its format (PNG from the text, JPEG from a photograph). */
function cacheFile(input: SocialCardInput, options: SocialCardOptions): string {
  return join(socialCardCacheDir(options), `${socialCardHash(input)}.${input.photo ? 'jpg' : 'png'}`);
}

const signatureOf = (input: SocialCardInput): readonly number[] =>
  input.photo ? JPEG_SIGNATURE : PNG_SIGNATURE;

/**
 * Draws a card and stores it in the cache: `stored` is false when the cache could not be written
 * (the card is still good, only the next build will draw it again).
 */
async function drawAndStore(
  file: string,
  input: SocialCardInput,
  options: SocialCardOptions,
): Promise<{ bytes: Uint8Array<ArrayBuffer>; stored: boolean }> {
  const bytes = new Uint8Array(await (options.render ?? renderSocialCard)(input));
  // Temp file + rename: a build that is killed mid-write, or two builds at once, never leave a
  // half-written card under the real name.
  const temp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await mkdir(socialCardCacheDir(options), { recursive: true });
    await writeFile(temp, bytes);
    await rename(temp, file);
    return { bytes, stored: true };
  } catch (error) {
    // A cache that cannot be written (read-only folder) only costs speed, never the build.
    await rm(temp, { force: true });
    console.warn(`social card cache: could not write ${file}: ${String(error)}`);
    return { bytes, stored: false };
  }
}

/** Whether the cache holds the file and it starts with the format's signature (read: its first bytes only). */
async function isCached(file: string, signature: readonly number[]): Promise<boolean> {
  const handle = await open(file, 'r').catch(() => undefined);
  if (!handle) return false;
  try {
    const head = Buffer.alloc(signature.length);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return bytesRead === head.length && signature.every((byte, i) => head[i] === byte);
  } finally {
    await handle.close();
  }
}

/**
 * How many cards are drawn ahead at once: all cores but one, which stays with Astro (Takumi draws
 * on libuv's thread pool and sharp on its own threads, so each card drawn ahead keeps a core busy
 * while Astro's thread renders pages). On 2 cores, one card at a time.
 */
const AHEAD = Math.max(1, availableParallelism() - 1);

/** A card handed to {@link prepareSocialCards}, waiting or being drawn. */
interface Ahead {
  readonly input: SocialCardInput;
  readonly options: SocialCardOptions;
  /**
   * Set when drawing starts. Resolves to nothing once the card is in the cache, or to its bytes
   * when the cache could not be written; rejects when the card cannot be drawn (the error then
   * fails the card's page, as if the page had drawn it).
   */
  drawn?: Promise<Uint8Array<ArrayBuffer> | undefined>;
}

/** Cards handed over and not yet asked for by their page, by cache file. */
const ahead = new Map<string, Ahead>();
/** Their cache files in the order they were handed over: the order Astro renders their pages. */
const waiting: string[] = [];
let drawingAhead = 0;

/** Starts drawing a card handed over (once): a hit in the cache costs only the look at its first bytes. */
function startDrawing(file: string, card: Ahead): Promise<Uint8Array<ArrayBuffer> | undefined> {
  card.drawn ??= (async () => {
    if (await isCached(file, signatureOf(card.input))) return undefined;
    const { bytes, stored } = await drawAndStore(file, card.input, card.options);
    return stored ? undefined : bytes;
  })();
  return card.drawn;
}

/** Keeps {@link AHEAD} cards drawing while some wait. */
function drawNext(): void {
  while (drawingAhead < AHEAD) {
    const file = waiting.shift();
    if (file === undefined) return;
    const card = ahead.get(file);
    // Gone (its page took it) or started by its page: nothing to do.
    if (!card || card.drawn) continue;
    drawingAhead++;
    // A failure is the card's page's to report (see `Ahead.drawn`); here it only frees the slot.
    void startDrawing(file, card)
      .then(
        () => undefined,
        () => undefined,
      )
      .then(() => {
        drawingAhead--;
        drawNext();
      });
  }
}

/**
 * Starts drawing every card of `inputs` that the cache lacks, in their order (from the last when
 * scripts/draw-cards-ahead.mjs is drawing from the first), {@link AHEAD} at a time, on other
 * threads, and returns at once; {@link socialCard} then waits for a card still being drawn,
 * starts one still waiting, or reads one already drawn. The cards go into the cache,
 * never into the build's output: that still comes only from the cards' pages. For a build (the
 * cards' `getStaticPaths`); the dev server draws a card when it is asked for.
 * @example prepareSocialCards(articles.map(cardInput))
 */
export function prepareSocialCards(inputs: Iterable<SocialCardInput>, options: SocialCardOptions = {}): void {
  // scripts/build.mjs runs scripts/draw-cards-ahead.mjs beside Astro, which draws from the first
  // card on: start from the last, and the two meet without drawing a card twice.
  const order = process.env.NEWS_CARDS_DRAWN_AHEAD === '1' ? [...inputs].reverse() : inputs;
  for (const input of order) {
    const file = cacheFile(input, options);
    if (ahead.has(file)) continue;
    ahead.set(file, { input, options });
    waiting.push(file);
  }
  drawNext();
}

/**
 * A social card, from the cache when an identical card (same input, design version, fonts and
 * renderer) was drawn before, else drawn and stored: PNG (text) or JPEG (photo) bytes, 1200×630
 * px. The file is named by {@link socialCardHash}, so a changed article simply gets a new file.
 * A card handed to {@link prepareSocialCards} is awaited (or started now) rather than drawn twice.
 * @throws when the card cannot be drawn (the error names its headline)
 * @example new Response(await socialCard(input), { headers: { 'Content-Type': 'image/png' } })
 */
export async function socialCard(
  input: SocialCardInput,
  options: SocialCardOptions = {},
): Promise<Uint8Array<ArrayBuffer>> {
  const file = cacheFile(input, options);
  const handedOver = ahead.get(file);
  if (handedOver) {
    ahead.delete(file);
    const bytes = await startDrawing(file, handedOver);
    if (bytes) return bytes;
  }

  const cached = await readFile(file).catch(() => undefined);
  // Writes are atomic, so a cached file is whole; the signature check still guards against a
  // cache folder someone filled by hand.
  if (cached && signatureOf(input).every((byte, i) => cached[i] === byte)) return new Uint8Array(cached);

  return (await drawAndStore(file, input, options)).bytes;
}
