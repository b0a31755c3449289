/**
 * What a social card looks like: the layout tree Takumi draws, as plain objects (no JSX). A card
 * from the text alone ({@link cardTree}) or the headline band laid over a photograph
 * ({@link photoBandTree}). Drawing the tree is `raster.ts`'s; what makes a card's key is `key.ts`'s.
 *
 * Plain Node runs this module too (bench/cards.mjs), so runtime imports carry `.ts`.
 */
import { CARD_HEIGHT, CARD_WIDTH } from './size.ts';
import type { CardPhoto, SocialCardInput } from './input.ts';
import { cardColours, cardDarkColours } from '../site/design-tokens.ts';
import { HEBREW, SANS, SERIF } from '../site/fonts.ts';
import { creditLine } from '../photos/rules.ts';

/** The text card's colours: the light scheme's tokens from global.css (see `site/design-tokens.ts`). */
export function paperColours() {
  const tokens = cardColours();
  return {
    paper: tokens['--color-bg'],
    ink: tokens['--color-text'],
    muted: tokens['--color-muted'],
    rule: tokens['--color-rule'],
    accent: tokens['--color-accent'],
  };
}

/** A card's style: CSS properties in camelCase, lengths in px as numbers (Takumi's style objects). */
export type CardStyle = Record<string, string | number>;

/** A node of Takumi's tree: a box holding other nodes, or a box of text. Plain objects, no JSX. */
export type CardNode =
  | { type: 'container'; style: CardStyle; children: CardNode[] }
  | { type: 'text'; style: CardStyle; text: string };

/** A block: a box of text when given a string, else a box holding the given nodes (like a `<div>`). */
const div = (style: CardStyle, content: string | CardNode[]): CardNode =>
  typeof content === 'string'
    ? { type: 'text', style, text: content }
    : { type: 'container', style, children: content };

/**
 * Headline size in px: large for short headlines, smaller for long ones, so that up to the schema's
 * 150 characters fit in at most four lines of the 1040 px text column (Source Serif 4 Bold averages
 * about half an em per character). Anything longer is cut off with an ellipsis by `lineClamp`.
 */
function headlineSize(headline: string): number {
  const length = [...headline].length;
  if (length <= 40) return 76;
  if (length <= 70) return 66;
  if (length <= 100) return 56;
  return 48;
}

/** The labels' face: the sans, with the Hebrew face for Hebrew letters. */
const SANS_STACK = `"${SANS.name}", "${HEBREW.name}"`;

/** The section's label above the headline, in capitals, in the scheme's accent colour. */
const sectionLabel = (section: string, color: string, marginBottom: number): CardNode =>
  div(
    {
      display: 'flex',
      marginBottom,
      fontFamily: SANS_STACK,
      fontSize: 24,
      letterSpacing: '0.14em',
      textTransform: 'uppercase',
      color,
    },
    section,
  );

/** The headline's type, both cards: bold, tight, at most `lines` lines, then an ellipsis. */
const headlineStyle = (fontSize: number, lines: number): CardStyle => ({
  display: 'block',
  fontSize,
  fontWeight: 700,
  lineHeight: 1.1,
  letterSpacing: '-0.01em',
  lineClamp: lines,
  textOverflow: 'ellipsis',
});

/** The text card's tree: masthead, section, headline, dek and date on the paper colour. */
export function cardTree(input: SocialCardInput): CardNode {
  const COLOURS = paperColours();
  const headlinePx = headlineSize(input.headline);
  // A long headline leaves room for two lines of dek, a short one for three.
  const dekLines = headlinePx >= 66 ? 3 : 2;
  return div(
    {
      width: CARD_WIDTH,
      height: CARD_HEIGHT,
      // Padding inside the 1200×630, as in the site's CSS (the default is content-box).
      boxSizing: 'border-box',
      display: 'flex',
      flexDirection: 'column',
      padding: '56px 80px 52px',
      backgroundColor: COLOURS.paper,
      color: COLOURS.ink,
      fontFamily: `"${SERIF.name}", "${HEBREW.name}"`,
    },
    [
      // Masthead: the publication's name over a thin rule, as on a front page.
      div(
        {
          display: 'flex',
          paddingBottom: 18,
          borderBottom: `2px solid ${COLOURS.ink}`,
          fontSize: 30,
          fontWeight: 700,
          letterSpacing: '0.01em',
        },
        input.siteTitle,
      ),
      // The story, centred in the space between masthead and date line.
      div(
        {
          display: 'flex',
          flexDirection: 'column',
          flexGrow: 1,
          justifyContent: 'center',
          padding: '28px 0',
          overflow: 'hidden',
        },
        [
          sectionLabel(input.section, COLOURS.accent, 18),
          div(
            {
              ...headlineStyle(headlinePx, 4),
              // Balanced lines read better; past 100 characters a headline fills the column
              // instead, so that as much of it as fits shows before the ellipsis.
              textWrap: [...input.headline].length <= 100 ? 'balance' : 'wrap',
            },
            input.headline,
          ),
          div(
            {
              display: 'block',
              marginTop: 22,
              fontSize: 30,
              fontWeight: 400,
              lineHeight: 1.35,
              color: COLOURS.muted,
              lineClamp: dekLines,
              textOverflow: 'ellipsis',
            },
            input.dek,
          ),
        ],
      ),
      div(
        {
          display: 'flex',
          paddingTop: 16,
          borderTop: `1px solid ${COLOURS.rule}`,
          fontFamily: SANS_STACK,
          fontSize: 24,
          color: COLOURS.muted,
        },
        input.date,
      ),
    ],
  );
}

/** An `rgba()` colour from a token's `#rrggbb` value and an opacity. */
function withAlpha(hex: string, alpha: number): string {
  const [r = 0, g = 0, b = 0] = (/^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex) ?? [])
    .slice(1)
    .map((part) => Number.parseInt(part, 16));
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}

/**
 * The band of a photo card: transparent over the photo's upper part, then the dark scheme's
 * background fading in, with the section, the headline, and a line with the site, the date and
 * the photographer.
 */
export function photoBandTree(input: SocialCardInput & { photo: CardPhoto }): CardNode {
  const dark = cardDarkColours();
  const length = [...input.headline].length;
  const headlinePx = length <= 50 ? 60 : length <= 90 ? 52 : 44;
  return div(
    {
      width: CARD_WIDTH,
      height: CARD_HEIGHT,
      boxSizing: 'border-box',
      display: 'flex',
      flexDirection: 'column',
      justifyContent: 'flex-end',
      fontFamily: `"${SERIF.name}", "${HEBREW.name}"`,
    },
    [
      div(
        {
          display: 'flex',
          flexDirection: 'column',
          padding: '120px 72px 40px',
          backgroundImage: `linear-gradient(to bottom, ${withAlpha(dark['--color-bg'], 0)}, ${withAlpha(dark['--color-bg'], 0.88)} 42%)`,
          color: dark['--color-text'],
        },
        [
          sectionLabel(input.section, dark['--color-accent'], 12),
          div(headlineStyle(headlinePx, 3), input.headline),
          div(
            {
              display: 'flex',
              justifyContent: 'space-between',
              marginTop: 20,
              fontFamily: SANS_STACK,
              fontSize: 22,
              color: dark['--color-muted'],
            },
            [
              div({ display: 'flex', flexShrink: 0 }, `${input.siteTitle} · ${input.date}`),
              // The credit takes what the site and date leave, on one line: a long one (an
              // agency's full name, several photographers) ends in an ellipsis rather than
              // wrap the row and push the headline up the photo. A short one is drawn as before.
              div(
                {
                  display: 'block',
                  flexShrink: 1,
                  minWidth: 0,
                  marginLeft: 32,
                  whiteSpace: 'nowrap',
                  overflow: 'hidden',
                  textOverflow: 'ellipsis',
                },
                creditLine(input.photo.credit, 'Photo'),
              ),
            ],
          ),
        ],
      ),
    ],
  );
}
