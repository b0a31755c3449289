// The report's sections on people and corrections, on the output and on images (bench/lib/report.mjs
// puts them in order).
import {
  ARTICLES_PER_PERSON,
  DEFAULT_AUTHOR_SHARE,
  DEFAULT_CORRECTION_SHARE,
  ROSTER_MAX,
  ROSTER_MIN,
} from './archive/roster.mjs';
import { fmtBytes, fmtFileMs, fmtFiles, fmtMs, fmtNum, fmtShare } from './format.mjs';
import { IMAGE_FORMATS, peopleRoutes } from './measure.mjs';

/** The "People and corrections" part of the report. */
export function peopleMarkdown(result) {
  const lines = [];
  lines.push('## People and corrections');
  lines.push('');
  lines.push(
    (result.people
      ? `Archive: the roster has one made-up person per ${ARTICLES_PER_PERSON} articles (at least ${ROSTER_MIN}, at most ` +
        `${ROSTER_MAX}), and about ${fmtShare(DEFAULT_AUTHOR_SHARE)} of the articles name one to three of them in ` +
        `\`authors\`; about ${fmtShare(DEFAULT_CORRECTION_SHARE)} carry a correction or clarification. `
      : 'Archive: no people and no notices (`--no-people`). ') +
      'Author routes: `/authors/`, each person’s paginated page and their three feeds; corrections routes: ' +
      '`/corrections/` and its three feeds; files, and their render times added up (Astro’s per-page times). ' +
      'Per file: the median time of one file (the mean in brackets, which one pause of a busy machine can carry); ' +
      'in a linear build both stay flat as N grows.',
  );
  lines.push('');
  lines.push(
    '| N | Build | People | With authors (named) | Corrected (notices) | Author routes | Per author file: median (mean) | Corrections routes | Per article (wall / CPU) |',
  );
  lines.push('| --: | --- | --: | --: | --: | --: | --: | --: | --: |');
  for (const b of result.builds) {
    if (!b.ok || b.kind !== 'full') continue;
    const c = b.label === 'incremental' ? undefined : result.perSize.find((s) => s.n === b.n)?.corpus;
    const { authors, corrections } = peopleRoutes(b);
    const routes = ({ files, renderMs }) => (files === 0 ? '–' : `${fmtNum(files)} · ${fmtMs(renderMs)}`);
    lines.push(
      `| ${fmtNum(b.n)} | ${b.label} | ${c ? fmtNum(c.people) : '–'} | ` +
        `${c ? `${fmtNum(c.withAuthors)} (${fmtNum(c.authorships)})` : '–'} | ${c ? `${fmtNum(c.corrected)} (${fmtNum(c.notices)})` : '–'} | ` +
        `${routes(authors)} | ${authors.files > 0 ? `${fmtFileMs(authors.medianMs)} (${fmtFileMs(authors.renderMs / authors.files)})` : '–'} | ${routes(corrections)} | ` +
        `${fmtMs(b.msPerArticle)} / ${fmtMs(b.cpuMsPerArticle)} |`,
    );
  }
  lines.push('');
  return lines;
}

/**
 * Where the output of the largest full-site build goes, by folder, and per article: what the
 * output target (bytes per article, the search index and pictures aside) is made of.
 */
export function outputMarkdown(result) {
  const full = result.builds.filter(
    (b) => b.ok && b.kind === 'full' && b.label === 'full site' && b.byFolder,
  );
  const largest = full.at(-1);
  if (!largest) return [];
  const rows = Object.entries(largest.byFolder)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 12);
  return [
    '## Where the output goes',
    '',
    `The full site at ${fmtNum(largest.n)} articles, by folder (a file at the root by itself), and ÷ the articles.`,
    '',
    '| Folder | Bytes | Per article |',
    '| --- | --: | --: |',
    ...rows.map(
      ([folder, bytes]) => `| \`${folder}\` | ${fmtBytes(bytes)} | ${fmtBytes(bytes / largest.n)} |`,
    ),
    '',
  ];
}

/** The "What images cost" part of the report. */
export function imagesMarkdown(result) {
  const lines = [];
  lines.push('## What images cost');
  lines.push('');
  lines.push(
    (result.photoShare > 0
      ? `Archive: ${fmtShare(result.photoShare)} of the articles have a lead photograph (JPEG, 1,200–2,400 px a side), a ` +
        'quarter of those a graphic in the body too (PNG). '
      : 'Archive: no article has a photograph (`--photo-share 0`). ') +
      'Image files: what astro:assets wrote under `_astro/`, count · bytes: ' +
      'AVIF, WebP and a JPEG or PNG fallback at each width, in the full site also three 1,200 px JPEG crops per ' +
      'photograph for structured data, and a copy of each source picture; Hugo (Markdown with shortcodes, its image ' +
      'processing): WebP and a JPEG or PNG fallback at the same widths (Hugo 0.111 has no AVIF encoder) beside each ' +
      'article’s page, and a copy of each source picture. Image step: the wall time of Astro’s ' +
      '“generating optimized images”; Σ per file: its per-file times added up, with the files made and those taken ' +
      'from Astro’s cache (files are made one per core at a time, so the sum is about cores × the step). A cold ' +
      'build makes every file; the incremental one takes them from the cache.',
  );
  lines.push('');
  lines.push(
    '| N | Build | With photo / figure | Source pictures | Image files | AVIF | WebP | JPEG | PNG | Image step | Σ per file |',
  );
  lines.push('| --: | --- | --: | --: | --: | --: | --: | --: | --: | --: | --: |');
  for (const b of result.builds) {
    if (!b.ok) continue;
    // The archive's figures for the cold builds (the incremental one has one article more).
    const c = b.label === 'incremental' ? undefined : result.perSize.find((s) => s.n === b.n)?.corpus;
    const i = b.images;
    const fileMs = Object.values(i.log.fileMs).reduce((a, v) => a + v, 0);
    lines.push(
      `| ${fmtNum(b.n)} | ${b.label} | ${c ? `${fmtNum(c.withPhoto)} / ${fmtNum(c.withFigure)}` : '–'} | ` +
        `${c ? fmtFiles({ count: c.sourceImages, bytes: c.sourceBytes }) : '–'} | ${fmtFiles(i.files)} | ` +
        `${IMAGE_FORMATS.map((f) => fmtFiles(i.files.byFormat[f])).join(' | ')} | ${b.kind === 'hugo' ? '–' : fmtMs(b.phases.images)} | ` +
        `${i.log.made + i.log.reused > 0 ? `${fmtMs(fileMs)} (${fmtNum(i.log.made)} made${i.log.reused ? `, ${fmtNum(i.log.reused)} cached` : ''})` : '–'} |`,
    );
  }
  lines.push('');
  lines.push(
    'Social cards (full site): PNG drawn from the headline, JPEG cut from the photograph, count · bytes, and the ' +
      'render time of each kind. Bytes per article: the whole output but the search index (`pagefind/`) ÷ the ' +
      'articles; then an article’s own files on average, without a photograph (its page and its card) and with one ' +
      '(its page, its card, and every file made from the pictures ÷ the articles with a photograph). What articles ' +
      'share (listings, feeds, fonts, CSS) is only in the first.',
  );
  lines.push('');
  lines.push(
    '| N | Build | PNG cards | JPEG cards | Card render PNG / JPEG | Per article (no search index) | Own: without photo | Own: with photo |',
  );
  lines.push('| --: | --- | --: | --: | --: | --: | --: | --: |');
  for (const b of result.builds) {
    if (!b.ok) continue;
    const i = b.images;
    const cards = i.cards;
    lines.push(
      `| ${fmtNum(b.n)} | ${b.label} | ${cards ? fmtFiles(cards.png) : '–'} | ${cards ? fmtFiles(cards.jpg) : '–'} | ` +
        `${cards ? `${fmtMs(i.log.cardMs.png)} / ${fmtMs(i.log.cardMs.jpg)}` : '–'} | ${fmtBytes(i.perArticle.all)} | ` +
        `${fmtBytes(i.perArticle.withoutPhoto)} | ${fmtBytes(i.perArticle.withPhoto)} |`,
    );
  }
  lines.push('');
  return lines;
}
