/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

// getViteConfig gives the tests Astro's own Vite setup (the .astro and .mdx compilers, the
// `astro:*` virtual modules), so components render through the real Container API.
export default getViteConfig({
  test: {
    projects: [
      // Fast: schemas, components, feed, dates. No build needed.
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/feed-validator/**/*.test.ts'],
          environment: 'node',
          // A deadline catches a hang, never a slow machine: Vitest's 5 s default failed
          // tests/unit/feed-empty.test.ts by chance with a build running beside it, as a fresh
          // import of the feed code (and the Container it renders with) took longer than 5 s
          // (issue 18). No unit test checks speed; the bench does that.
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      // Slow: each test runs the real `astro build` on a temporary copy of the project.
      {
        extends: true,
        test: {
          name: 'build',
          include: ['tests/build/**/*.test.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
