/**
 * The handlers of a full text's notes that found no place in it: a section
 * after the text listing each with its kind, the words it quotes, its text
 * and its sources, so the reader loses none of them and the editor sees
 * what to re-anchor.
 */
import type { Element } from 'hast';
import type { State } from 'mdast-util-to-hast';
import { CLASSES, ids } from '../../reading/markup.ts';
import type { UnplacedNote, UnplacedNotes } from '../nodes.ts';
import { element, text } from './hast.ts';
import { markPart } from './parts.ts';
import { KIND_LABELS, sourcesLine } from './notes.ts';

/** The heading of the list of a full text's notes that found no place in it. */
export const UNPLACED_TITLE = 'Notes that did not find their place in this copy';

/** The list, headed. */
export function unplacedNotes(state: State, node: UnplacedNotes): Element {
  const title = ids.title(CLASSES.unplacedNotes);
  const result = element('section', { className: [CLASSES.unplacedNotes], ariaLabelledBy: [title] }, [
    element('h2', { id: title }, [text(UNPLACED_TITLE)]),
    element('p', {}, [text('These notes quote words this copy of the article does not have, so they are listed here instead of beside the text.')]),
    element('ul', {}, state.all(node)),
  ]);
  state.patch(node, result);
  return state.applyData(node, result);
}

/** One unplaced note; its content (all but its head) is a part other pages reuse. */
export function unplacedNote(state: State, node: UnplacedNote): Element {
  const head = element('p', { className: [CLASSES.sidenoteHead] }, [
    element('span', { className: [CLASSES.sidenoteKind] }, [text(KIND_LABELS[node.kind])]),
    text(` on the words “${node.quote}”`),
  ]);
  const content = [...state.all(node), ...sourcesLine(state, node.sources)];
  const result = element('li', { id: node.noteElementId }, [head, ...content]);
  markPart(result, { kind: 'note', id: node.noteElementId, content });
  state.patch(node, result);
  return state.applyData(node, result);
}
