/**
 * remarkRejectHtml: refuse raw HTML in a reading.
 *
 * Astro's Markdown pipeline passes raw HTML straight through (it runs
 * rehype-raw). A reading's text and notes come from people and from imported
 * articles, so a stray `<script>` must never reach the page; dropping it
 * silently would hide the problem. Run it after the plugins that add note
 * bodies, so their Markdown is checked too.
 *
 * Input: `Hello <b>x</b>` → throws `content/x.md: raw HTML is not allowed … line 1: <b>`.
 */
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { report } from '../lib/reading-file.ts';

export interface Options {
  /** Longest excerpt of the offending HTML to quote in the error. Default: `60`. */
  excerptLength?: number;
}

export default function remarkRejectHtml(options: Options = {}) {
  const excerptLength = options.excerptLength ?? 60;
  return (tree: Root, file: VFile) => {
    const found: string[] = [];
    visit(tree, 'html', (node) => {
      const line = node.position ? `line ${node.position.start.line}` : 'in a note';
      found.push(`${line}: ${node.value.slice(0, excerptLength).replace(/\s+/g, ' ')}`);
    });
    if (found.length) report(file, found.map((f) => `raw HTML is not allowed in a reading, write Markdown instead: ${f}`));
  };
}
