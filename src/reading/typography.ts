import type { Root, Text } from 'mdast';
import remarkSmartypants from 'remark-smartypants';
import { unified } from 'unified';

/** Smart punctuation, as the text gets it: curly quotes and apostrophes (remark-smartypants, Astro's own). */
export const smartPunctuation = remarkSmartypants;

/** remark-smartypants' transformer: it rewrites a tree's text in place. */
export type Smarten = (tree: Root) => void;

const smarten = smartPunctuation.call(unified()) as unknown as Smarten;

/**
 * `text` with curly quotes and apostrophes, for the frontmatter's prose (a
 * thesis, a claim, a map point, a forecast), which no Markdown processor
 * reads: it then looks like the text it sits beside.
 *
 * @example typographic('his "botched invasion"') // => 'his “botched invasion”'
 */
export function typographic(text: string): string {
  const node: Text = { type: 'text', value: text };
  smarten({ type: 'root', children: [{ type: 'paragraph', children: [node] }] });
  return node.value;
}
