/**
 * One handler per node type of the reading (`nodes.ts`), for remark-rehype's
 * `handlers` option, and the mark they leave on the elements other pages
 * reuse (`rehype-reading-parts.ts`).
 */
import type { Handler, Handlers } from 'mdast-util-to-hast';
import { noteChart } from './charts.ts';
import { marginNote, noteAnchor, noteGist, noteMarker } from './notes.ts';
import { paragraph, readingSection } from './sections.ts';
import { unplacedNote, unplacedNotes } from './unplaced-notes.ts';

/** The handlers, by node type; `paragraph` replaces mdast-util-to-hast's own, which it calls. */
export const handlers = {
  readingSection,
  paragraph,
  noteAnchor,
  noteMarker,
  marginNote,
  noteGist,
  noteChart,
  unplacedNotes,
  unplacedNote,
} satisfies Record<string, Handler> as Handlers;
