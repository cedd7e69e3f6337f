/**
 * rehypeReadingParts: record the parts of the finished text that other
 * pages reuse (see `ReadingParts`): each argument's section, and each
 * margin note's content, as HTML cut from the very tree the reading page
 * renders. It runs last, so the parts are exactly what the page shows.
 */
import type { Element, ElementContent, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { EXIT, SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { readingOf } from '../lib/reading-file.ts';
import { PARTS_KEY, type ReadingParts } from '../lib/reading-parts.ts';

const hasClass = (element: Element, name: string) => [element.properties.className ?? []].flat().includes(name);

/** The first descendant of `root` with this class. */
function descendantWithClass(root: Element, name: string): Element | undefined {
  let found: Element | undefined;
  visit(root, 'element', (element) => {
    if (!hasClass(element, name)) return undefined;
    found = element;
    return EXIT;
  });
  return found;
}

/** A note's content: its gist as a paragraph, then the rest of its body but the link back into the page. */
function noteContent(note: Element): string {
  const gist = descendantWithClass(note, 'sidenote-gist');
  const body = descendantWithClass(note, 'sidenote-body');
  const rest = (body?.children ?? []).filter((child) => !(child.type === 'element' && hasClass(child, 'sidenote-back')));
  const paragraph: ElementContent = { type: 'element', tagName: 'p', properties: {}, children: gist?.children ?? [] };
  return toHtml([paragraph, ...rest]).trim();
}

export default function rehypeReadingParts() {
  return (tree: Root, file: VFile) => {
    const reading = readingOf(file);
    const arguments_ = new Set(reading.arguments.map((argument) => argument.id));
    const parts: ReadingParts = { sections: {}, notes: {} };
    visit(tree, 'element', (element) => {
      const id = element.properties.id;
      if (typeof id !== 'string') return undefined;
      if (element.tagName === 'section' && arguments_.has(id)) parts.sections[id] = toHtml(element);
      if (hasClass(element, 'sidenote')) {
        parts.notes[id] = noteContent(element);
        return SKIP;
      }
      return undefined;
    });
    // Astro's Markdown renderer creates `astro.frontmatter`; plain unified use may not.
    const data = file.data as { astro?: { frontmatter?: Record<string, unknown> } };
    data.astro ??= {};
    data.astro.frontmatter = { ...data.astro.frontmatter, [PARTS_KEY]: parts };
  };
}
