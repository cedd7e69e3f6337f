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
import { EXIT, SKIP, visit } from 'unist-util-visit';

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
 * (`note-oil`) in reading order: its gist as a paragraph, then the rest of
 * its text and its sources line. Its head (number and kind), the link back
 * into the page and the popover's close button mean nothing elsewhere and
 * are left out.
 *
 * @example noteBodies(parseHtml('<div class="sidenote" id="note-a"><details><summary><span class="sidenote-head">1</span>
 *   <span class="sidenote-gist">Hi.</span></summary><div class="sidenote-body"><p>Ho.</p><p class="sidenote-back">…</p></div></details></div>'))
 *   // => Map { 'note-a' => '<p>Hi.</p><p>Ho.</p>' }
 */
export function noteBodies(tree: Root): Map<string, string> {
  const bodies = new Map<string, string>();
  visit(tree, 'element', (element) => {
    if (!hasClass(element, 'sidenote') || typeof element.properties.id !== 'string') return;
    const gist = childWithClass(element, 'sidenote-gist');
    const body = childWithClass(element, 'sidenote-body');
    const rest = (body?.children ?? []).filter((child) => !(child.type === 'element' && hasClass(child, 'sidenote-back')));
    const paragraph: Element = { type: 'element', tagName: 'p', properties: {}, children: gist?.children ?? [] };
    bodies.set(element.properties.id, toHtml(paragraph, ...rest).trim());
    return SKIP;
  });
  return bodies;
}

/** The first descendant of `root` with this class. */
function childWithClass(root: Element, name: string): Element | undefined {
  let found: Element | undefined;
  visit(root, 'element', (element) => {
    if (!hasClass(element, name)) return undefined;
    found = element;
    return EXIT;
  });
  return found;
}
