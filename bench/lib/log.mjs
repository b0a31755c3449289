// What a build's own output says: Astro's messages that split it into phases, its per-page and
// per-image times, warnings, pages copied from the previous build, and scripts/build.mjs's
// profile of the publish path. Fed line by line while the build runs (bench/lib/build.mjs).
import { median, round } from './format.mjs';
import { IMAGE_FORMATS, imageFormat } from './measure.mjs';

/** Astro's messages that mark where a build is; the times they arrive split the build into phases. */
const MARKS = [
  // scripts/build.mjs's pre-pass (scripts/render-bodies.mjs) has rendered the bodies: "Bodies: …".
  ['bodiesDone', /^Bodies: \d+ rendered/],
  ['syncStart', /\[content\] Syncing content/],
  ['contentSynced', /\[content\] Synced content/],
  ['bundleStart', /Building static entrypoints/],
  ['renderStart', /generating static routes/],
  ['imagesStart', /generating optimized images/],
  ['astroDone', /page\(s\) built in/],
];
/** The phase a build is in after each mark. */
const PHASE_AFTER = {
  none: 'start-up',
  bodiesDone: 'start-up',
  syncStart: 'content sync',
  contentSynced: 'preparing',
  bundleStart: 'bundling',
  renderStart: 'rendering',
  imagesStart: 'images',
  astroDone: 'after Astro',
};
/** scripts/build.mjs's last line: "Publish profile: link 0.31 s · Astro 12.70 s · …". */
const PUBLISH_LINE = /^Publish profile: (.*)$/;
const PUBLISH_STEP = /([A-Za-z][A-Za-z ]*?) (\d+(?:\.\d+)?) s/g;
/** Its steps' names as the results name them. */
const PUBLISH_STEPS = {
  link: 'link',
  bodies: 'bodies',
  Astro: 'astro',
  'stale pages': 'stale',
  'search index': 'search',
  swap: 'swap',
  'old build removed': 'cleanup',
};
const ROUTE_LINE = /[├└]─ (\/\S*) \(\+([\d.]+)(ms|s)\)/;
/**
 * One file of Astro's "generating optimized images" step: its path, whether it was made or taken
 * from the cache, and how long it took ("▶ /_astro/lead.X_Y.avif (before: 361kB, after: 23kB)
 * (+1.23s) (5/120)"). The files are made several at a time (one per core), so the times add up
 * to more than the step's wall time.
 */
const IMAGE_LINE =
  /▶ (\/\S+) \((before: [^)]*|reused cache entry|revalidated cache entry)\) \(\+([\d.]+)(ms|s)\)/;
const ANSI = /\u001b\[[0-9;]*m/g;

/** A line of output without its colour codes. */
export const plain = (raw) => raw.replace(ANSI, '');

/** "12.5", "ms" → 12.5; "1.2", "s" → 1200. */
const toMs = (value, unit) => Number(value) * (unit === 's' ? 1000 : 1);

/**
 * A reader of one build's output. `routeGroup` names the group a built path's render time is
 * added to (e.g. "/cards/x.png" → "cards"); `routeFiles` counts the files of each group,
 * `routeMedianMs` is the median time of one of its files (which, unlike the sum, one pause of a
 * busy machine does not move).
 * @param {(path: string) => string} routeGroup
 */
export function buildLog(routeGroup) {
  const marks = {};
  const routes = {};
  const routeFiles = {};
  const routeTimes = {}; // every file's time by group, for the medians
  // Astro's image step, from its per-file lines; and the social cards' render time by format.
  const imageLog = {
    made: 0,
    reused: 0,
    fileMs: Object.fromEntries(IMAGE_FORMATS.map((f) => [f, 0])),
    cardMs: { png: 0, jpg: 0 },
  };
  let warnings = 0;
  let copied = 0;
  /** scripts/build.mjs's own profile of the publish path (full site only), ms per step. */
  let publish = null;

  return {
    /**
     * Takes one line of output (see {@link plain}) that arrived `t` ms after the build started.
     * @param {string} line
     * @param {number} t
     */
    read(line, t) {
      if (/\[WARN\]/.test(line)) warnings++;
      // A page the incremental build copied from the previous build instead of rendering it.
      if (/\((?:cached|restored)\)\s*$/.test(line)) copied++;
      const steps = PUBLISH_LINE.exec(line);
      if (steps) {
        publish = Object.fromEntries(
          [...steps[1].matchAll(PUBLISH_STEP)].map(([, step, sec]) => [
            PUBLISH_STEPS[step] ?? step,
            Math.round(Number(sec) * 1000),
          ]),
        );
      }
      for (const [name, pattern] of MARKS)
        if (marks[name] === undefined && pattern.test(line)) marks[name] = t;
      const route = ROUTE_LINE.exec(line);
      if (route) {
        const group = routeGroup(route[1]);
        const ms = toMs(route[2], route[3]);
        routes[group] = (routes[group] ?? 0) + ms;
        routeFiles[group] = (routeFiles[group] ?? 0) + 1;
        (routeTimes[group] ??= []).push(ms);
        const format = imageFormat(route[1]);
        if (group === 'cards' && (format === 'png' || format === 'jpg')) imageLog.cardMs[format] += ms;
      }
      const image = IMAGE_LINE.exec(line);
      if (image) {
        if (image[2].startsWith('before')) imageLog.made++;
        else imageLog.reused++;
        const format = imageFormat(image[1]);
        if (format) imageLog.fileMs[format] += toMs(image[3], image[4]);
      }
    },

    /** The phase the build is in, after the last mark seen so far: "start-up", "bundling", … */
    phase() {
      const last = MARKS.filter(([name]) => marks[name] !== undefined).pop()?.[0];
      return PHASE_AFTER[last ?? 'none'];
    },

    /**
     * The figures of the whole build, which ended `end` ms after it started: its phases (from one
     * mark to the next; a phase whose marks are missing is null), render times by route group,
     * the image step's files, warnings, copied pages and the publish profile.
     * @param {number} end
     */
    figures(end) {
      const at = (name) => marks[name];
      const span = (from, to) => (from !== undefined && to !== undefined ? Math.round(to - from) : null);
      const phases = {
        // The bodies' pre-pass runs first, in its own process (0 when every body was cached,
        // null for a build without it, e.g. bare Astro).
        bodies: span(0, at('bodiesDone')),
        startup: span(at('bodiesDone') ?? 0, at('syncStart')),
        sync: span(at('syncStart'), at('contentSynced')),
        prepare: span(at('contentSynced'), at('bundleStart')),
        bundle: span(at('bundleStart'), at('renderStart')),
        // Astro makes the optimised images after the last page, before it reports the pages built.
        render: span(at('renderStart'), at('imagesStart') ?? at('astroDone')),
        images: at('imagesStart') === undefined ? 0 : span(at('imagesStart'), at('astroDone')),
        after: span(at('astroDone'), end),
      };
      return {
        phases,
        routes: Object.fromEntries(
          Object.entries(routes)
            .map(([k, v]) => [k, Math.round(v)])
            .sort((a, b) => b[1] - a[1]),
        ),
        routeFiles,
        routeMedianMs: Object.fromEntries(
          Object.entries(routeTimes).map(([k, times]) => [k, round(median(times), 1)]),
        ),
        imageLog: {
          ...imageLog,
          fileMs: Object.fromEntries(Object.entries(imageLog.fileMs).map(([k, v]) => [k, Math.round(v)])),
          cardMs: Object.fromEntries(Object.entries(imageLog.cardMs).map(([k, v]) => [k, Math.round(v)])),
        },
        warnings,
        copied,
        publish,
      };
    },
  };
}
