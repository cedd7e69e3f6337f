/** Query rendered HTML the way a test reads a page: by CSS selector. */
import type { Element, ElementContent, Root } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toString as hastToString } from 'hast-util-to-string';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';

export function parseHtml(html: string): Root {
  return unified().use(rehypeParse, { fragment: true }).parse(html);
}

export const $ = (tree: Root | Element, selector: string) => select(selector, tree);
export const $$ = (tree: Root | Element, selector: string) => selectAll(selector, tree);
export const text = (node: Parameters<typeof hastToString>[0] | undefined) => (node ? hastToString(node).replace(/\s+/g, ' ').trim() : '');

/** The running text of a paragraph as a reader reads it: without the notes that sit inside it. */
export function runningText(node: Element | undefined): string {
  if (!node) return '';
  const strip = (element: Element): Element => ({
    ...element,
    children: element.children.flatMap((child): ElementContent[] =>
      child.type !== 'element' ? [child] : (child.properties.className as string[] | undefined)?.includes('sidenote') ? [] : [strip(child)],
    ),
  });
  return text(strip(node));
}
