/**
 * Cut parts out of a reading's rendered HTML: an argument's section for its
 * own page, and each margin note's body for the Web Annotation export. The
 * reading is rendered once, whole, so note numbers and ids are the ones the
 * reading page shows.
 *
 * @example
 *   const tree = parseHtml('<section id="a"><p>x</p></section><section id="b"></section>');
 *   toHtml(elementById(tree, 'a')!) // => '<section id="a"><p>x</p></section>'
 */
import type { Element, ElementContent, Root } from 'hast';
import { rehype } from 'rehype';
import { EXIT, visit } from 'unist-util-visit';

const processor = rehype().data('settings', { fragment: true });

/** Parse an HTML fragment (no `<html>`/`<body>` wrapper is added). */
export const parseHtml = (html: string): Root => processor.parse(html);

/** Serialise elements back to HTML. */
export const toHtml = (...nodes: ElementContent[]): string => processor.stringify({ type: 'root', children: nodes });

const hasClass = (element: Element, name: string) => [element.properties.className ?? []].flat().includes(name);

/** The element with this id, if any. */
export function elementById(tree: Root, id: string): Element | undefined {
  let found: Element | undefined;
  visit(tree, 'element', (element) => {
    if (element.properties.id !== id) return;
    found = element;
    return EXIT;
  });
  return found;
}

/**
 * Every margin note's content as HTML, keyed by the note's element id
 * (`note-oil`) in reading order, without its head (the number and kind,
 * which link back into the page and mean nothing elsewhere). The text and
 * the sources line are kept.
 *
 * @example noteBodies(parseHtml('<aside class="sidenote" id="note-a"><p class="sidenote-head">1</p><p>Hi</p></aside>'))
 *   // => Map { 'note-a' => '<p>Hi</p>' }
 */
export function noteBodies(tree: Root): Map<string, string> {
  const bodies = new Map<string, string>();
  visit(tree, 'element', (element) => {
    if (element.tagName !== 'aside' || !hasClass(element, 'sidenote') || typeof element.properties.id !== 'string') return;
    const content = element.children.filter((child) => !(child.type === 'element' && hasClass(child, 'sidenote-head')));
    bodies.set(element.properties.id, toHtml(...content).trim());
  });
  return bodies;
}
