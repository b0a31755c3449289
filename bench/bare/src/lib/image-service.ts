// The site's image encoder settings, so the baseline encodes as the site does. As with
// ./responsive.ts: bench/lib/corpus.mjs puts src/lib/image-service.ts itself (and the src/lib/images.ts
// it reads) in every bare copy; in the repository this re-exports it.
export * from '../../../../src/lib/image-service';
