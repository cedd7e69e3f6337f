// @ts-check
import { defineConfig } from 'astro/config';
import { fileURLToPath } from 'node:url';
import { readingsFolderOf } from './src/reading/files.ts';
import { markdownOptions, readingProcessor } from './src/pipeline/processor.ts';
import { renderCacheFolder } from './src/pipeline/render-cache.ts';

/** The project's folder. */
const root = fileURLToPath(new URL('.', import.meta.url));

// Where the site is served from. Set both when building for a host:
//   GLOSS_SITE=https://example.org GLOSS_BASE=/annotated/ npm run build
// GLOSS_BASE defaults to the root. GLOSS_SITE has no default for a build: it
// goes into canonical links, JSON-LD, the feed and the visible citation, so a
// build without it would publish localhost. See `siteRequired` below.
const site = process.env.GLOSS_SITE || undefined;
const base = process.env.GLOSS_BASE || '/';
/** The address of `astro dev` and `astro preview`: the site of a local preview. */
const LOCAL_PREVIEW = 'http://localhost:4321';

/**
 * `astro build` needs the site's origin, from GLOSS_SITE or `--site` (which
 * `npm start` passes for its local preview); without one it stops, unless
 * GLOSS_ALLOW_LOCALHOST=1 asks for a build that links to localhost. The dev
 * server, the preview and `astro check` run on localhost by themselves.
 * @returns {import('astro').AstroIntegration}
 */
const siteRequired = () => ({
  name: 'gloss:site-required',
  hooks: {
    'astro:config:setup': ({ command, config, updateConfig }) => {
      if (config.site) return;
      if (command === 'build' && process.env.GLOSS_ALLOW_LOCALHOST !== '1')
        throw new Error(
          "GLOSS_SITE is not set: the build would give http://localhost:4321 as the site's address in its canonical links, JSON-LD, feed and citations. " +
            'Set GLOSS_SITE to the origin the site is served from (GLOSS_SITE=https://example.org npm run build), ' +
            'or GLOSS_ALLOW_LOCALHOST=1 for a build to preview on this machine (npm start builds its preview with --site http://localhost:4321).',
        );
      updateConfig({ site: LOCAL_PREVIEW });
    },
  },
});
// A BASE_URL in the environment (a CI's, a test runner's) would override
// `base` in the site's code (import.meta.env.BASE_URL) but not in Astro's
// own asset URLs: GLOSS_BASE alone decides.
delete process.env.BASE_URL;

export default defineConfig({
  ...(site && { site }),
  base,
  integrations: [siteRequired()],
  trailingSlash: 'always',
  build: { format: 'directory' },
  markdown: {
    // The reading plugins run on content/readings/ only; other Markdown pages are plain. Each reading's render is
    // kept in node_modules/.cache/gloss/renders/, so a rebuild runs the transform only on what changed.
    processor: readingProcessor({ readingsFolder: readingsFolderOf(root), cacheDir: renderCacheFolder(root) }),
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
