/**
 * The outline stage: the shape of the rendered text for the page around it.
 *
 * Runs last. It counts the words of each section the sections stage made
 * (margin notes apart) and of the notes the notes stage placed, and takes
 * the number each note got, for the reading's result: the argument map says
 * "Challenged by note 9" with the number the reader sees in the text, and the
 * navigator shows reading time and each section's share without any client
 * code.
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
import { countWords, type ReadingOutline } from '../../reading/outline.ts';
import type { ReadingSection } from '../nodes.ts';
import type { PlacedNote } from './notes.ts';
import { ids } from '../../reading/markup.ts';

/** The words of the running text under `node`: its text and inline code, margin notes apart. Headings and permalinks are rendered by handlers, not in the tree. */
function wordsOf(node: Nodes): number {
  let words = 0;
  visit(node, (child) => {
    if (child.type === 'marginNote') return SKIP;
    if (child.type === 'text' || child.type === 'inlineCode') words += countWords(child.value);
    return undefined;
  });
  return words;
}

/** The outline of a text sectioned into `sections`, with the notes `placed` in it. */
export function outlineReading(sections: ReadingSection[], placed: PlacedNote[]): ReadingOutline {
  const notes: ReadingOutline['notes'] = {};
  for (const note of placed)
    if (note.noteId !== undefined && note.kind !== 'footnote')
      notes[note.noteId] = { number: note.number, marker: ids.marker(note.elementId), target: note.elementId, kind: note.kind };
  return {
    sections: sections.map((section) => ({ id: section.sectionId, title: section.title, words: wordsOf(section) })),
    // A note is read; its list of sources is looked up, not read (the sources are not in the tree: its handler renders them).
    noteWords: placed.reduce((sum, note) => sum + note.node.children.reduce((words, child) => words + wordsOf(child), 0), 0),
    notes,
  };
}
