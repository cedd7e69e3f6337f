/**
 * remarkReadingOutline: record the shape of the rendered text for the page
 * around it.
 *
 * Runs after remarkArguments and remarkMarginNotes. It counts the words of
 * each section (margin notes apart) and reads the number each frontmatter
 * note got, and stores them in the file's frontmatter data, which Astro hands
 * to the page as `remarkPluginFrontmatter`: the argument map says "qualified
 * by note 9" with the number the reader sees in the text, and the navigator
 * shows reading time and each section's share without any client code.
 *
 * Input: a text sectioned into `introduction`, `economic`, … with notes.
 *
 * Output (in `file.data.astro.frontmatter.outline`):
 *
 * ```js
 * {
 *   sections: [{ id: 'introduction', title: 'Introduction', words: 212 }, …],
 *   noteWords: 1680,
 *   notes: { oil: { number: 7, marker: 'note-oil-ref', target: 'note-oil' }, … },
 * }
 * ```
 */
import type { Nodes, Root } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { readingOf } from '../lib/reading-file.ts';
import { hasClass } from '../lib/mdast-element.ts';
import { countWords, type ReadingOutline } from '../lib/reading-outline.ts';
import { noteElementId } from './remark-margin-notes.ts';

export interface Options {
  /** Key of the outline in the frontmatter data. Default: `'outline'`. */
  key?: string;
}

/** The HTML a glossElement becomes. */
const hName = (node: Nodes) => node.data?.hName;
const hProperty = (node: Nodes, name: string) => (node.data?.hProperties as Record<string, unknown> | undefined)?.[name];

/** The text of a generated element's hast children. */
const hastText = (node: Nodes) => (node.data?.hChildren ?? []).map((child) => (child.type === 'text' ? child.value : '')).join('');

export default function remarkReadingOutline(options: Options = {}) {
  const key = options.key ?? 'outline';

  return (tree: Root, file: VFile) => {
    const reading = readingOf(file);
    // A text that did not fit its frontmatter is reported, not outlined.
    if (file.data.gloss?.problems.length) return;

    let noteWords = 0;
    const sections: ReadingOutline['sections'] = [];
    for (const node of tree.children) {
      if (hName(node) !== 'section') continue;
      let words = 0;
      let title = '';
      visit(node, (child) => {
        // The heading is generated markup (hChildren), not running text.
        if (hName(child) === 'h2' && !title) title = hastText(child);
        if (hasClass(child, 'sidenote')) {
          // A note is read; its list of sources is looked up, not read.
          visit(child, (part) => {
            if (hasClass(part, 'sidenote-sources')) return SKIP;
            if (part.type === 'text') noteWords += countWords(part.value);
            return undefined;
          });
          return SKIP;
        }
        if (child.type === 'text' || child.type === 'inlineCode') words += countWords(child.value);
        return undefined;
      });
      sections.push({ id: String(hProperty(node, 'id')), title, words });
    }

    // Markers carry the number the reader sees, in reading order.
    const markers = new Map<string, { number: number; marker: string }>();
    visit(tree, (node) => {
      if (hName(node) !== 'a' || !hasClass(node, 'note-ref')) return;
      const number = Number(hastText(node) || NaN);
      markers.set(String(hProperty(node, 'href')).slice(1), { number, marker: String(hProperty(node, 'id')) });
    });
    const notes: ReadingOutline['notes'] = {};
    for (const note of reading.notes) {
      const target = noteElementId(note.id);
      const marker = markers.get(target);
      if (!marker || !Number.isInteger(marker.number))
        throw new Error(`remarkReadingOutline: note "${note.id}" has no numbered marker; run it after remarkMarginNotes`);
      notes[note.id] = { ...marker, target };
    }

    const outline: ReadingOutline = { sections, noteWords, notes };
    // Astro's Markdown renderer creates `astro.frontmatter`; plain unified use may not.
    const data = file.data as { astro?: { frontmatter?: Record<string, unknown> } };
    data.astro ??= {};
    data.astro.frontmatter = { ...data.astro.frontmatter, [key]: outline };
  };
}
