// One article of the bench archive as a Hugo page: the generator's MDX (bench/lib/archive/) turned
// into Markdown with front matter Hugo reads and its components as shortcodes. It reads the MDX
// the generator writes, which has one fixed shape (bench/lib/archive/article.mjs); anything else
// is a broken invariant of the bench, so it throws rather than guess.

/** Front-matter keys renamed for Hugo: the site's name → Hugo's (the rest keep their names). */
const RENAMED = { headline: 'title', dek: 'description', published: 'date' };
/** Front-matter keys Hugo has no use for (the site's language is the page's). */
const DROPPED = new Set(['lang']);

/**
 * A shortcode parameter as Hugo's lexer reads it: a quoted string, or a raw string in backticks
 * when it spans lines (a post's text). Hugo's quoted strings take `\"` for a quote.
 * @param {string} value
 */
export function shortcodeValue(value) {
  if (value.includes('\n')) {
    if (value.includes('`')) throw new Error(`a multi-line shortcode value with a backtick: ${value}`);
    return `\`${value}\``;
  }
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** The attributes of a component's opening tag: `name="…"` (a JSON string) or `text={`…`}`. */
function attributes(text, file) {
  const props = {};
  for (const match of text.matchAll(/\s(\w+)=(?:("(?:[^"\\]|\\.)*")|\{`([^`]*)`\})/g)) {
    const [, name, quoted, template] = match;
    props[name] = quoted === undefined ? template : JSON.parse(quoted);
  }
  if (Object.keys(props).length === 0) throw new Error(`${file}: a component without attributes`);
  return props;
}

/** `{{< name a="…" b="…" >}}` */
const open = (name, props) =>
  `{{< ${name} ${Object.entries(props)
    .map(([key, value]) => `${key}=${shortcodeValue(value)}`)
    .join(' ')} >}}`;

/**
 * The body's components as Hugo shortcodes, the prose as it is:
 * `<PullQuote speaker role>words</PullQuote>` → `{{< pullquote speaker role >}}words{{< /pullquote >}}`,
 * `<Tweet … />` → `{{< tweet … >}}`, `<Figure src alt credit>caption</Figure>` →
 * `{{< figure src alt credit >}}caption{{< /figure >}}` with `src` the picture's name in the
 * page bundle ("figure.png"). The blocks are the generator's, separated by blank lines.
 * @param {string} body
 * @param {string} file the MDX file, for messages
 */
export function hugoBody(body, file) {
  return body
    .split('\n\n')
    .map((block) => {
      if (!block.startsWith('<')) return block;
      const lines = block.split('\n');
      const pullQuote = /^<PullQuote (.*)>$/.exec(lines[0]);
      if (pullQuote) {
        const props = attributes(` ${pullQuote[1]}`, file);
        const words = lines.slice(1, -1).join('\n').trim();
        return `${open('pullquote', props)}${words}{{< /pullquote >}}`;
      }
      if (lines[0] === '<Tweet' && lines.at(-1) === '/>') return open('tweet', attributes(block, file));
      if (lines[0] === '<Figure' && lines.at(-1) === '</Figure>') {
        const end = lines.indexOf('>');
        const props = attributes(lines.slice(0, end).join('\n'), file);
        props.src = props.src.replace(/^\.\/[^/]+\//, '');
        const caption = lines
          .slice(end + 1, -1)
          .join('\n')
          .trim();
        return `${open('figure', props)}${caption}{{< /figure >}}`;
      }
      throw new Error(`${file}: a block the Hugo page writer does not know: ${lines[0]}`);
    })
    .join('\n\n');
}

/**
 * The front matter as Hugo reads it: `headline` → `title`, `dek` → `description`, `published`
 * → `date`, `section: x` → `sections: [x]` (a taxonomy, so /sections/x/ lists it, as on the
 * site), the lead photograph's `src` its name in the page bundle ("lead.jpg"); `tags`,
 * `authors` (taxonomies too), `byline`, `corrections` and the rest of `image` as they are;
 * no `lang`. YAML in and out: only top-level keys are renamed, nested lines are kept.
 * @param {string} frontMatter the lines between the `---`
 * @param {string} file the MDX file, for messages
 */
export function hugoFrontMatter(frontMatter, file) {
  const out = [];
  let dropping = false;
  for (const line of frontMatter.split('\n')) {
    const top = /^(\w+):(.*)$/.exec(line);
    if (!top) {
      if (!dropping) out.push(line.replace(/^( {2}src: )\.\/[^/]+\//, '$1'));
      continue;
    }
    const [, key, rest] = top;
    dropping = DROPPED.has(key);
    if (dropping) continue;
    if (key === 'section') out.push(`sections: [${rest.trim()}]`);
    else out.push(`${RENAMED[key] ?? key}:${rest}`);
  }
  if (!out.some((line) => line.startsWith('title:')) || !out.some((line) => line.startsWith('date:')))
    throw new Error(`${file}: no headline or no published date in its front matter`);
  return out.join('\n');
}

/**
 * An article of the archive as a Hugo page: its front matter (see {@link hugoFrontMatter}) and
 * body (see {@link hugoBody}).
 * @param {string} source the article's MDX, as bench/lib/archive/article.mjs writes it
 * @param {string} [file] its file name, for messages
 * @returns {string} the page's Markdown (`index.md` of its bundle)
 * @example hugoPage("---\nheadline: 'A'\npublished: '2024-01-02'\n…---\n\nText.\n")
 */
export function hugoPage(source, file = 'article') {
  const match = /^---\n([\s\S]*?)\n---\n\n([\s\S]*)$/.exec(source);
  if (!match) throw new Error(`${file}: no front matter between --- lines`);
  return `---\n${hugoFrontMatter(match[1], file)}\n---\n\n${hugoBody(match[2].replace(/\n$/, ''), file)}\n`;
}

/**
 * A person of the roster (the MDX corpus's `authors/<slug>.md`) as the page of their term in
 * the `authors` taxonomy (`content/authors/<slug>/_index.md`): `name` → `title`, the bio as the
 * content, `role` and `links` kept.
 * @param {string} source the person's Markdown
 */
export function hugoPerson(source) {
  return source.replace(/^name:/m, 'title:');
}
