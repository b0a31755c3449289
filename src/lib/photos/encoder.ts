import type { ImageServiceConfig } from 'astro';
import { MAX_SOURCE_SIDE } from './rules.ts';

/**
 * How astro:assets encodes photographs: with the sharp that Astro ships, its encoders' effort set
 * for an archive. AVIF at effort 2 is a fraction of the default's time for a few percent more
 * bytes; mozjpeg makes the JPEG fallbacks smaller. No source larger than 8,000 × 8,000 px is
 * decoded (src/lib/photos/rules.ts refuses it with a message first).
 *
 * Read by astro.config.mjs, and by the benchmark's bare baseline (bench/bare/), so that both
 * make the same files at the same cost.
 */
export const IMAGE_SERVICE = {
  entrypoint: 'astro/assets/services/sharp',
  config: {
    limitInputPixels: MAX_SOURCE_SIDE * MAX_SOURCE_SIDE,
    jpeg: { mozjpeg: true },
    avif: { effort: 2 },
  },
} satisfies ImageServiceConfig;
