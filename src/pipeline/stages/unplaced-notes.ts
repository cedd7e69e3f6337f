/** A full text's notes that found no place in it, for the list after the text (`handlers/unplaced-notes.ts`). */
import type { BlockContent, Root } from 'mdast';
import { ids } from '../../reading/markup.ts';
import type { Note } from '../../reading/schema.ts';
import type { UnplacedNotes } from '../nodes.ts';

/** The list of `notes`, each with its kind, quote, text (read by `parse`) and sources. */
export function unplacedNotes(notes: Note[], parse: (markdown: string) => Root): UnplacedNotes {
  return {
    type: 'unplacedNotes',
    children: notes.map((note) => ({
      type: 'unplacedNote',
      noteElementId: ids.note(note.id),
      kind: note.kind,
      quote: note.quote,
      sources: note.sources,
      children: parse(note.text).children as BlockContent[],
    })),
  };
}
