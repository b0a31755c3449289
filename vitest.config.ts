/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

// getViteConfig gives the tests Astro's own Vite setup (the .astro and .mdx compilers, the
// `astro:*` virtual modules), so components render through the real Container API.
export default getViteConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
  },
});
