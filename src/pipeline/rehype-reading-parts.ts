/**
 * rehypeReadingParts: the transform's last stage, on the finished HTML tree.
 * It adds to the reading's result the parts other pages reuse (see
 * `ReadingParts`): each argument's section, and each margin note's content
 * (a full text's unplaced notes' too, from their list after the text),
 * as HTML cut from the very tree the reading page renders, so they are
 * exactly what the page shows.
 */
import type { Element, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { EXIT, SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { readingOf } from './reading-file.ts';
import type { ReadingParts } from '../reading/parts.ts';
import { RESULT_KEY, type ReadingResult } from '../reading/result.ts';
import { CLASSES } from '../reading/markup.ts';

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

/** The descendants of `root` that are `tagName` elements. */
function descendantsNamed(root: Element, tagName: string): Element[] {
  const found: Element[] = [];
  visit(root, 'element', (element) => {
    if (element.tagName === tagName) found.push(element);
  });
  return found;
}

/** A note's content: its gist as a paragraph, then the rest of its body but the link back into the page. */
function noteContent(note: Element): string {
  const gist = descendantWithClass(note, CLASSES.sidenoteGist);
  const fold = descendantWithClass(note, CLASSES.sidenoteFold);
  const rest = (fold?.children ?? []).filter((child) => !(child.type === 'element' && (child.tagName === 'summary' || hasClass(child, CLASSES.sidenoteBack))));
  return toHtml([h('p', gist?.children ?? []), ...rest]).trim();
}

export default function rehypeReadingParts() {
  return (tree: Root, file: VFile) => {
    const result = (file.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro?.frontmatter?.[RESULT_KEY] as ReadingResult | undefined;
    // A text that did not fit has no result: its problems are reported (or handed to the importer) already.
    if (!result) return;
    const reading = readingOf(file);
    const arguments_ = new Set(reading.arguments.map((argument) => argument.id));
    const parts: ReadingParts = { sections: {}, notes: {} };
    visit(tree, 'element', (element) => {
      if (hasClass(element, CLASSES.unplacedNotes)) {
        // A full text's notes that found no place in it, listed after the text: each one's content follows its head.
        for (const item of descendantsNamed(element, 'li'))
          parts.notes[String(item.properties.id)] = toHtml(
            item.children.filter((child) => !(child.type === 'element' && hasClass(child, CLASSES.sidenoteHead))),
          ).trim();
        return SKIP;
      }
      const id = element.properties.id;
      if (typeof id !== 'string') return undefined;
      if (element.tagName === 'section' && arguments_.has(id)) parts.sections[id] = toHtml(element);
      if (hasClass(element, CLASSES.sidenote)) {
        parts.notes[id] = noteContent(element);
        return SKIP;
      }
      return undefined;
    });
    result.parts = parts;
  };
}
