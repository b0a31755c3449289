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
