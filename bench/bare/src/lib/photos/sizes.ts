// The site's image widths and `sizes`, so the baseline asks for the same files as the site does.
// The bench (bench/lib/corpus.mjs) puts src/lib/photos/sizes.ts itself in every bare copy in place
// of this file (a copy in the temp folder cannot reach the site by a relative path); in the
// repository it re-exports that file, so the type check sees the same names and there is one
// list of widths.
export * from '../../../../../src/lib/photos/sizes';
