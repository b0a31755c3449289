import { createHash } from 'node:crypto';

/**
 * The cascade layers, lowest first (what each holds: src/styles/global.css). BaseLayout declares
 * this order in the first `<style>` of every page's head, so it is in force before any other
 * stylesheet arrives, whatever order Astro bundles component styles in.
 */
export const LAYERS = ['reset', 'tokens', 'base', 'vendor', 'patterns', 'components', 'utilities'] as const;

/** The `@layer` statement that fixes the order. */
export const LAYER_ORDER = `@layer ${LAYERS.join(', ')};`;

/**
 * The CSP source that allows the inline `<style>` holding {@link LAYER_ORDER}: Astro hashes the
 * styles it bundles, not one written inline, so the page adds this hash to its policy.
 */
export const LAYER_ORDER_HASH =
  `sha256-${createHash('sha256').update(LAYER_ORDER).digest('base64')}` as const;
