/**
 * Render Markdown through the same processor Astro builds the site with:
 * @astrojs/markdown-remark's `createMarkdownProcessor` with our plugin lists.
 */
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { rehypePlugins, remarkPlugins } from '../../src/plugins/index.ts';

const processor = await createMarkdownProcessor({ remarkPlugins, rehypePlugins, syntaxHighlight: false });

/** Render `body` as if it were the file `path` with this frontmatter. */
export async function render(body: string, frontmatter: Record<string, unknown>, path = 'content/readings/fixture.md') {
  const { code } = await processor.render(body, { frontmatter, fileURL: new URL(`file://${process.cwd()}/${path}`) });
  return code;
}
