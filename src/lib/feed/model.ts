/**
 * The feed model: what every format is serialized from. RSS, Atom and JSON Feed read the same
 * items and the same channel, so they cannot disagree on what an article is.
 */

/** One article as the feeds carry it: everything already rendered and absolute. */
export interface FeedItem {
  /**
   * Absolute URL of the article page. Also the item's identifier in every format (RSS permalink
   * guid, Atom `id`, JSON Feed `id`), so a reader subscribed to two formats sees one article.
   */
  permalink: string;
  /** The headline, plain text. */
  title: string;
  /** The dek, plain text. */
  description: string;
  /** When it was first published. */
  published: Date;
  /** When it last changed in substance, if it ever did. */
  updated?: Date;
  /** Section label first, then the tags. */
  categories: string[];
  /**
   * Who it is by: its people, in byline order, each with their page; for an agency's story, the
   * organisation alone, as printed after "By" (RSS `author` wants an e-mail, so `dc:creator`).
   */
  authors: FeedPerson[];
  /**
   * The whole article as feed-safe HTML (see `toFeedHtml` in `./html`): its lead photograph
   * first when it has one (picture, caption, credit, as the page shows it), then the body.
   */
  contentHtml: string;
  /**
   * The lead photograph as one file, for readers that show an item's picture apart from its
   * content (Media RSS `media:content`, an Atom enclosure link, JSON Feed `image`). Absent when
   * the article has none.
   */
  image?: FeedImage;
}

/** Someone an item is by: a name and, for a person, the absolute URL of their page. */
export interface FeedPerson {
  name: string;
  url?: string;
}

/** An item's picture as the feeds enclose it: one file every reader can show, and its words. */
export interface FeedImage {
  /** Absolute URL of a JPEG (PNG for a PNG source) about 1,200 px wide, uncropped. */
  url: string;
  /** Pixels. */
  width: number;
  /** Pixels. */
  height: number;
  /** "image/jpeg" or "image/png". */
  mediaType: string;
  /** What it shows, for readers who cannot see it (plain text). */
  alt: string;
  /** Who took it: "Miriam Levi/JNS". */
  credit: string;
  /** What it is about, as printed under it, when it has a caption (plain text). */
  caption?: string;
}

/** The channel: who publishes the feed, where it lives and when it last changed. */
export interface FeedChannel {
  title: string;
  description: string;
  /** BCP 47 language, e.g. "en". */
  lang: string;
  /** Absolute URL of the page the feed mirrors: the home page, or a section's or tag's page. */
  homeUrl: string;
  /** Absolute URL this document is served at (its `rel="self"` link); differs per format. */
  feedUrl: string;
  /** The publisher, named as the feed's author (Atom requires one even when it has no entries). */
  author: string;
  /** The newest change among the items; for an empty feed, the day the site began (`siteConfig.launched`). */
  updated: Date;
  /**
   * IANA time zone Atom and JSON Feed dates are written in, so a date reads as the site prints
   * it ("2023-03-29T00:00:00+03:00", not the previous day in UTC). RSS dates stay in GMT.
   */
  timeZone: string;
}

/** A serializer: one feed's channel and items (already sorted and limited) as one format's document. */
export type FeedSerializer = (channel: FeedChannel, items: readonly FeedItem[]) => string;
