import { globSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ContentEntryType } from 'astro';
import { glob, type Loader, type LoaderContext, type ParseDataOptions } from 'astro/loaders';
import { splitArticle } from '../authoring/article-parts';
import { fieldPosition } from '../authoring/field-locator';
import { frontmatterProblem } from '../authoring/frontmatter-slips';
import { MDX_COMPONENT_NAMES } from '../../components/mdx/names';
import { bioProblem, bodyProblem } from '../authoring/mdx-allow-list';
import { authoringError } from '../authoring/problem';
import { liveProblem, type LiveFrontmatter } from '../live/checks';
import { readUpdates, type UpdateSource } from '../live/extract';
import { checkLeadImage } from '../photos/lead-check';
import { hasRenderedBody, readRenderedBody } from '../bodies/cache';
import { renderKey, rendererDigests } from '../bodies/key';
import { slugify } from '../site/slug';
import { buildsArticle, thisPart } from '../parts/current';

/** What `glob()` takes; the articles' own loader passes it on. */
type GlobOptions = Parameters<typeof glob>[0];

/**
 * The loader context as Astro hands it to `glob()`: with the entry types (how a `.mdx` file is read
 * into frontmatter and body), which Astro passes but does not declare in `LoaderContext`.
 */
type GlobContext = LoaderContext & { entryTypes?: Map<string, ContentEntryType> };

/**
 * The articles' loader: Astro's `glob()` loader, plus two checks.
 * - Each article's source, as it is read (src/lib/authoring/): frontmatter YAML that
 *   fails on an everyday slip (an unquoted ": ", a tab, a quote left open), MDX slips in the
 *   body (braces in text, `<` before a letter, a component never closed) and anything in the
 *   body that is not content (the allow-list: no import or export, no code in braces, only the
 *   site's components and a few inline HTML tags, safe links, no picture from another host; see
 *   docs/trust-model.md) fail the build naming the file, the line, the field and the fix, where
 *   YAML and MDX name only a rule.
 * - Each article's lead image, before its frontmatter is parsed. Astro resolves `image.src` only
 *   later, while bundling, and then fails with "Could not find requested image", naming neither
 *   the article nor where it looked; here the article, the field and the resolved path are
 *   named, and the photo's size is checked against the site's rules (src/lib/photos/rules.ts) before
 *   anything is built.
 */
export function articleLoader(options: GlobOptions): Loader {
  const inner = glob(options);
  return {
    name: 'news-articles',
    load: (context: GlobContext) => {
      const checked: GlobContext = {
        ...context,
        // scripts/build.mjs renders the bodies first; `astro dev`, `astro check` and the tests
        // render them as Astro does, so an edit to a component shows at once.
        ...(process.env.NEWS_RENDERED_BODIES === '1' ? withRenderedBodies(context) : {}),
        entryTypes: withAuthoringChecks(context, '.mdx'),
        parseData: async (props) => {
          if (props.filePath) await checkLeadImage(props.filePath, props.data, context.config.root);
          const data = await parseWithLines(context, props);
          if (props.filePath) await checkLive(props.filePath, data, context.config.root);
          return data;
        },
      };
      // A part of the site (src/lib/parts/) keeps only the bodies it renders.
      const keeps = bodiesThisPartKeeps();
      return inner.load(keeps ? { ...checked, ...onlyBodiesKept(checked, keeps) } : checked);
    },
  };
}

/** Whether a part keeps an entry's body, from its file and parsed data. */
type KeepsBody = (entry: { filePath?: string | undefined; data: Record<string, unknown> }) => boolean;

/**
 * Which bodies this build keeps when it makes one part of the site (src/lib/parts/), or undefined
 * for the whole site, which keeps them all:
 * - a year slice, the bodies of its own years' articles, which it renders on their pages;
 * - the front, the bodies its feeds carry, as scripts/front-bodies.mjs chose them from the sources
 *   before Astro (NEWS_FRONT_BODIES: the list's file), and live pages, whose feeds it makes.
 */
function bodiesThisPartKeeps(): KeepsBody | undefined {
  if (thisPart.kind === 'slice') {
    return ({ data }) => {
      const date = (data['published'] as { date?: unknown } | undefined)?.date;
      return !(date instanceof Date) || buildsArticle({ data: { published: { date } } });
    };
  }
  const list = process.env['NEWS_FRONT_BODIES'];
  if (thisPart.kind !== 'front' || !list) return undefined;
  const files = new Set(JSON.parse(readFileSync(list, 'utf8')) as string[]);
  return ({ filePath, data }) => Boolean(data['coverage']) || filePath === undefined || files.has(filePath);
}

/**
 * The store of a part's build (src/lib/parts/): an article whose body the part does not keep is
 * stored with its data alone, which its pages read (an article page's neighbours, a listing, …),
 * and without its body, which is neither bundled nor rendered here. Applied over
 * `withRenderedBodies`' store (`context.store` is already that one when both apply).
 *
 * Astro does not store again an entry whose digest is unchanged, and the choice can change while
 * the article does not (a story published since pushes an older one out of the front's feeds; the
 * years move between slices): an entry stored with its body where the part now leaves it out, or
 * the other way round, is handed to Astro as if it were new, and stored again.
 */
function onlyBodiesKept(context: GlobContext, keeps: KeepsBody): Pick<GlobContext, 'store'> {
  const store = context.store;
  const hasBody = (entry: {
    body?: string | undefined;
    rendered?: unknown;
    deferredRender?: boolean | undefined;
  }) => entry.body !== undefined || entry.rendered !== undefined || entry.deferredRender === true;
  return {
    store: {
      ...store,
      get: <TData extends Record<string, unknown> = Record<string, unknown>>(id: string) => {
        const stored = store.get<TData>(id);
        return stored && hasBody(stored) !== keeps(stored) ? undefined : stored;
      },
      set: (entry) => {
        if (keeps(entry)) return store.set(entry);
        const { deferredRender: _deferred, body: _body, rendered: _rendered, ...dataOnly } = entry;
        return store.set(dataOnly);
      },
    },
  };
}

/** Marks a digest whose body the pre-pass has not rendered: Astro bundles that body and renders it. */
const UNRENDERED = '-unrendered';

/**
 * The store and the digest of the articles' loader, so that a body rendered ahead of time
 * (scripts/render-bodies.mjs, src/lib/bodies/) is stored as Astro stores a Markdown entry: with its
 * `rendered` metadata, and without its MDX becoming a module of the bundle. The HTML itself stays
 * in the body cache, out of the store, which the build holds in memory whole; ArticleBody.astro
 * reads it there (StoredBody.astro).
 * - An entry's digest is its body's key (src/lib/bodies/key.ts): the file's text, the pipeline's
 *   and the components' code. Astro skips an entry whose digest is unchanged, so an edit to a
 *   component it uses stores it again, and the pages' cache keys, made from digests
 *   (src/lib/build-cache/cache-keys.ts), change with the body's HTML.
 * - A body not in the cache (`astro dev`, or a body the pre-pass left: a live page, whose updates
 *   are shown by the hour, or an author's mistake, which Astro then reports) keeps Astro's own
 *   path, `deferredRender`, under a digest marked as such, so it is stored again once rendered.
 */
function withRenderedBodies(context: GlobContext): Pick<GlobContext, 'store' | 'generateDigest'> {
  const root = fileURLToPath(context.config.root);
  const digests = rendererDigests(root);
  return {
    generateDigest: (data) => {
      if (typeof data !== 'string') return context.generateDigest(data);
      const key = renderKey(data, digests);
      return hasRenderedBody(key) ? key : `${key}${UNRENDERED}`;
    },
    store: {
      ...context.store,
      set: (entry) => {
        const digest = String(entry.digest ?? '');
        if (!entry.deferredRender || !digest || digest.endsWith(UNRENDERED) || entry.data['coverage']) {
          return context.store.set(entry);
        }
        const { metadata } = readRenderedBody(digest);
        // Nor is its MDX kept: the store is held whole in memory, and travels in the bundle.
        const { deferredRender: _deferred, body: _body, ...stored } = entry;
        return context.store.set({
          ...stored,
          rendered: { html: '', metadata },
          assetImports: metadata.pictures,
        });
      },
    },
  };
}

/**
 * The people's loader: Astro's `glob()` loader, with the frontmatter checks articles get (an
 * unquoted ": " in `role: Correspondent: Haifa`, a tab, a quote left open fail the build naming
 * the file, the line, the field and the fix; see {@link articleLoader}). A bio is Markdown, not
 * MDX (braces are text there): it is checked by the articles' URL rules, and without raw HTML
 * (`bioProblem`).
 *
 * No person's file yet is a valid site, so then the collection is emptied without asking
 * `glob()`, which would warn that nothing matched (see `hasAuthorFiles`).
 */
export function authorLoader(options: GlobOptions): Loader {
  const inner = glob(options);
  return {
    name: 'news-authors',
    load: (context: GlobContext) => {
      const base = fileURLToPath(new URL(options.base ?? '.', context.config.root));
      if (globSync(options.pattern, { cwd: base }).length === 0) {
        // What an earlier build stored goes, as glob() would drop it: the last file was deleted.
        context.store.clear();
        return Promise.resolve();
      }
      const checked: GlobContext = {
        ...context,
        entryTypes: withAuthoringChecks(context, '.md'),
        parseData: (props) => parseWithLines(context, props),
      };
      return inner.load(checked);
    },
  };
}

/**
 * The context's entry types with `extension` reading through the authoring checks: the
 * frontmatter's, and the body's (an article's MDX, a person's Markdown bio). Fails when Astro
 * no longer passes them: the checks would otherwise vanish without a word.
 */
function withAuthoringChecks(context: GlobContext, extension: '.mdx' | '.md'): Map<string, ContentEntryType> {
  const entryType = context.entryTypes?.get(extension);
  if (!context.entryTypes || !entryType) {
    throw new Error(
      `${context.collection}: Astro passed no entry type for ${extension} to the loader (LoaderContext.entryTypes), so the authoring checks cannot run. See src/lib/articles/loader.ts.`,
    );
  }
  const root = fileURLToPath(context.config.root);
  const checked: ContentEntryType = {
    ...entryType,
    async getEntryInfo(params) {
      const file = relative(root, fileURLToPath(params.fileUrl));
      const parts = splitArticle(params.contents);
      let info: Awaited<ReturnType<ContentEntryType['getEntryInfo']>>;
      try {
        info = await entryType.getEntryInfo(params);
      } catch (error) {
        const mark = yamlErrorLine(error);
        const problem =
          mark === undefined || !parts.frontmatter
            ? undefined
            : frontmatterProblem(params.contents, parts.frontmatter.firstLine - 1 + mark);
        throw problem ? authoringError(file, problem) : error;
      }
      const problem =
        extension === '.mdx'
          ? bodyProblem(parts.body, parts.bodyLine, MDX_COMPONENT_NAMES)
          : bioProblem(parts.body, parts.bodyLine);
      if (problem) throw authoringError(file, problem);
      if (extension === '.mdx') addUpdates(file, params.contents, parts, info.data);
      return info;
    },
  };
  return new Map([...context.entryTypes, [extension, checked]]);
}

/**
 * Reads a live page's `<Update>`s from its body into its frontmatter data as `updates`, where the
 * schema reads them (src/schemas/article.ts): pages, JSON-LD and feeds then know them without
 * rendering. Fails the build on an update the body alone shows is wrong (src/lib/live/extract.ts),
 * or on `updates` written in the frontmatter, which would otherwise be taken for the body's.
 */
function addUpdates(
  file: string,
  contents: string,
  parts: ReturnType<typeof splitArticle>,
  data: Record<string, unknown>,
): void {
  if ('updates' in data) {
    const at = fieldPosition(contents, ['updates']) ?? { line: 1, column: 1 };
    throw authoringError(file, {
      ...at,
      field: 'updates',
      message: 'unknown field; a live page’s updates are written in the body, each as an <Update>.',
      hint: 'Remove updates from the frontmatter and write each update in the body, newest first, e.g.\n<Update time="2023-03-29T10:15:00+03:00" title="Foreign ministers arrive">\nText.\n</Update>',
    });
  }
  const read = readUpdates(parts.body, parts.bodyLine);
  if (read.problem) throw authoringError(file, read.problem);
  if (read.updates.length > 0) data['updates'] = read.updates;
}

/**
 * The checks of a live page that need its parsed frontmatter and its updates together
 * (src/lib/live/checks.ts): updates only with `coverage`, none before `published` or after `ended`.
 */
async function checkLive(filePath: string, data: Record<string, unknown>, root: URL): Promise<void> {
  const updates = data['updates'];
  if (!Array.isArray(updates) || updates.length === 0) return;
  const contents = await readFile(filePath, 'utf8');
  const sources = updates.map((update: { time: { iso: string } } & Omit<UpdateSource, 'time'>) => ({
    ...update,
    time: update.time.iso,
  }));
  const problem = liveProblem(contents, data as unknown as LiveFrontmatter, sources);
  if (problem) throw authoringError(relative(root.pathname, filePath), problem);
}

/** A field's line in Astro's schema error: `  **corrections.0.kind**: message`, as it prints each issue. */
const ISSUE_LINE = /^( *\*\*)([^*\n]+)(\*\*): /gm;

/**
 * Parses an entry's frontmatter with its collection's schema (`context.parseData`). Astro's error
 * for a field that does not match names the field but not its line: it looks for the line in
 * the raw frontmatter, which the content layer does not pass it, and prints `file:0:0`. Here
 * each field named gets its line from the file (`fieldPosition`), in the message
 * (`corrections.0.kind (line 10): expected …`) and in the error's location (the first field's).
 */
async function parseWithLines<TData extends Record<string, unknown>>(
  context: LoaderContext,
  props: ParseDataOptions<TData>,
): Promise<TData> {
  try {
    return await context.parseData(props);
  } catch (error) {
    if (props.filePath) await addFieldLines(error, props.filePath);
    throw error;
  }
}

/** What {@link addFieldLines} uses of Astro's error (its `AstroError`, which `astro/errors` does not type). */
interface SchemaError {
  name: string;
  message: string;
  setMessage(message: string): void;
  setLocation(location: { file: string; line: number; column: number }): void;
}

/** Adds each field's line to Astro's error for data that does not match the schema; other errors are left as they are. */
async function addFieldLines(error: unknown, filePath: string): Promise<void> {
  // Read by shape: Astro's own AstroError class, not necessarily the one astro/errors exports here.
  const astroError = error as Partial<SchemaError> | null;
  if (
    astroError?.name !== 'InvalidContentEntryDataError' ||
    typeof astroError.message !== 'string' ||
    typeof astroError.setMessage !== 'function' ||
    typeof astroError.setLocation !== 'function'
  ) {
    return;
  }
  const contents = await readFile(filePath, 'utf8').catch(() => undefined);
  if (contents === undefined) return;
  let first: { line: number; column: number } | undefined;
  const message = astroError.message.replace(
    ISSUE_LINE,
    (whole, open: string, path: string, close: string) => {
      const segments = path.split('.').map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
      const position = fieldPosition(contents, segments);
      if (!position) return whole;
      first ??= position;
      return `${open}${path}${close} (line ${position.line}): `;
    },
  );
  astroError.setMessage(message);
  if (first) astroError.setLocation({ file: filePath, ...first });
}

/**
 * For a frontmatter that is not valid YAML, the line where js-yaml gave up, counted from 0 at the
 * opening `---`; undefined for any other error. `.mdx` files (@astrojs/mdx) throw js-yaml's own
 * error, whose `mark` has the line; `.md` files (Astro's Markdown) wrap it in a `MarkdownError`
 * whose location has the same line (Astro sets a line there only for a YAML error).
 */
function yamlErrorLine(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('name' in error)) return undefined;
  const at =
    error.name === 'YAMLException' && 'mark' in error
      ? error.mark
      : error.name === 'MarkdownError' && 'loc' in error
        ? error.loc
        : undefined;
  return typeof at === 'object' && at !== null && 'line' in at && typeof at.line === 'number'
    ? at.line
    : undefined;
}

/**
 * An article's id: its file name without `.mdx`, as a URL slug; for `<slug>/index.mdx` (an
 * article in a folder with its images), the folder's name.
 * @example articleId('src/content/articles/harvest/index.mdx') // 'harvest'
 */
export function articleId(entry: string): string {
  const parts = entry.replace(/\.mdx$/, '').split('/');
  const name = parts.at(-1) === 'index' && parts.length > 1 ? parts.at(-2) : parts.at(-1);
  return slugify(name ?? entry);
}
