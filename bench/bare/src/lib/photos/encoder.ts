// The site's image encoder settings, so the baseline encodes as the site does. As with
// ./sizes.ts: bench/lib/corpus.mjs puts src/lib/photos/encoder.ts itself (and the src/lib/photos/rules.ts
// it reads) in every bare copy; in the repository this re-exports it.
export * from '../../../../../src/lib/photos/encoder';
