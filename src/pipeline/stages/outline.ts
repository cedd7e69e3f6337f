/**
 * The outline stage: the shape of the rendered text for the page around it.
 *
 * Runs last. It counts the words of each section the sections stage made
 * (margin notes apart), and takes the number each note got from the notes
 * stage, for the reading's result: the argument map says "Challenged by note
 * 9" with the number the reader sees in the text, and the navigator shows
 * reading time and each section's share without any client code.
 *
 * Input: a text sectioned into `introduction`, `economic`, … with notes.
 *
 * Output (the result's `outline`):
 *
 * ```js
 * {
 *   sections: [{ id: 'introduction', title: 'Introduction', words: 212 }, …],
 *   noteWords: 1680,
 *   notes: { oil: { number: 7, marker: 'note-oil-ref', target: 'note-oil', kind: 'context' }, … },
 * }
 * ```
 */
import type { Nodes } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import { hasClass } from '../mdast-element.ts';
import { countWords, type ReadingOutline } from '../../reading/outline.ts';
import type { ReadingState } from '../state.ts';
import type { PlacedNote } from './notes.ts';
import type { MarkedSection } from './sections.ts';
import { CLASSES, ids } from '../../reading/markup.ts';

const hProperty = (node: Nodes, name: string) => (node.data?.hProperties as Record<string, unknown> | undefined)?.[name];

export function outlineReading({ tree }: ReadingState, marked: MarkedSection[], placed: PlacedNote[]): ReadingOutline {
  const titles = new Map(marked.map((section) => [section.id, section.title]));
  let noteWords = 0;
  const sections: ReadingOutline['sections'] = [];
  for (const node of tree.children) {
    const id = hProperty(node, 'id');
    const title = typeof id === 'string' ? titles.get(id) : undefined;
    if (title === undefined) continue;
    let words = 0;
    visit(node, (child) => {
      // Headings and permalinks are generated markup (hChildren), not running text.
      if (hasClass(child, CLASSES.sidenote)) {
        // A note is read; its list of sources is looked up, not read.
        visit(child, (part) => {
          if (hasClass(part, CLASSES.sidenoteSources)) return SKIP;
          if (part.type === 'text') noteWords += countWords(part.value);
          return undefined;
        });
        return SKIP;
      }
      if (child.type === 'text' || child.type === 'inlineCode') words += countWords(child.value);
      return undefined;
    });
    sections.push({ id: id as string, title, words });
  }
  const notes: ReadingOutline['notes'] = {};
  for (const note of placed)
    if (note.noteId !== undefined && note.kind !== 'footnote')
      notes[note.noteId] = { number: note.number, marker: ids.marker(note.elementId), target: note.elementId, kind: note.kind };
  return { sections, noteWords, notes };
}
