// @ts-check
import { defineConfig } from 'astro/config';
import { unified } from '@astrojs/markdown-remark';
import { rehypePlugins, remarkPlugins } from './src/plugins/index.ts';

// Where the site is served from. Set both when building for a host:
//   GLOSS_SITE=https://example.org GLOSS_BASE=/annotated/ npm run build
// The defaults build for the root of any origin.
const site = process.env.GLOSS_SITE || 'http://localhost:4321';
const base = process.env.GLOSS_BASE || '/';

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  build: { format: 'directory' },
  markdown: {
    // Astro 7's default processor ignores remark/rehype plugins; unified runs them.
    processor: unified({ remarkPlugins, rehypePlugins }),
  },
  devToolbar: { enabled: false },
});
