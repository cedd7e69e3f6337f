// @ts-check
import { defineConfig } from 'astro/config';
import { fileURLToPath } from 'node:url';
import { readingsFolderOf } from './src/reading/files.ts';
import { markdownOptions, readingProcessor } from './src/pipeline/processor.ts';

// Where the site is served from. Set both when building for a host:
//   GLOSS_SITE=https://example.org GLOSS_BASE=/annotated/ npm run build
// The defaults build for the root of any origin.
const site = process.env.GLOSS_SITE || 'http://localhost:4321';
const base = process.env.GLOSS_BASE || '/';
// A BASE_URL in the environment (a CI's, a test runner's) would override
// `base` in the site's code (import.meta.env.BASE_URL) but not in Astro's
// own asset URLs: GLOSS_BASE alone decides.
delete process.env.BASE_URL;

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  build: { format: 'directory' },
  markdown: {
    // The reading plugins run on content/readings/ only; other Markdown pages are plain.
    processor: readingProcessor({ readingsFolder: readingsFolderOf(fileURLToPath(new URL('.', import.meta.url))) }),
    ...markdownOptions,
  },
  devToolbar: { enabled: false },
  vite: {
    // Astro inlines a script smaller than this into every page. The copy-link script is the same on every page:
    // as a file it is downloaded once and cached, and each page's HTML stays within its weight budget.
    build: { assetsInlineLimit: 0 },
  },
  security: {
    // A static host may send no headers, so Astro writes the policy into each
    // page's <meta>, hashing every inline script and style it emits. Nothing
    // loads from another origin; anything not listed here is refused.
    csp: {
      // connect-src 'self' lets crawlers' in-page checks (Lighthouse reads
      // robots.txt with fetch) reach our own files; our scripts fetch nothing.
      directives: ["default-src 'none'", "img-src 'self'", "font-src 'self'", "connect-src 'self'", "base-uri 'none'", "form-action 'none'"],
    },
  },
});
