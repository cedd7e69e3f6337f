/**
 * The notes stage: attach our margin notes to a text we do not own.
 *
 * Each note in the frontmatter's `notes` quotes the text it comments on
 * (`note-anchors.ts`); Markdown footnotes (`[^x]`) become notes too
 * (`footnotes.ts`). The notes are numbered in reading order, and each is put
 * in its paragraph after its marker (`note-placement.ts`); a note quoting a
 * heading is an error: a heading cannot hold one. A full text's notes that
 * found no place in it are listed after the text (`unplaced-notes.ts`). The
 * handlers in `handlers/notes.ts` render them.
 *
 * Input (`notes: [{ id: oil, kind: context, quote: oil, text: 'Russia was No. 2. By 2023 …' }]`):
 *
 * ```md
 * China buys oil.
 * ```
 *
 * Output: the paragraph holds
 *
 * ```js
 * ['China buys ', { type: 'noteAnchor', noteElementId: 'note-oil', slot: 1, children: ['oil'] },
 *   { type: 'noteMarker', noteElementId: 'note-oil', number: 1, slot: 1, children: ['.'] },
 *   { type: 'marginNote', noteElementId: 'note-oil', number: 1, slot: 1, kind: 'context', approximate: false, sources: […],
 *     children: [{ type: 'noteGist', children: ['Russia was No. 2.'] }, { type: 'paragraph', children: ['By 2023 …'] }] }]
 * ```
 *
 * and the stage returns the placed notes: `[{ noteId: 'oil', elementId: 'note-oil', number: 1, kind: 'context', node }]`.
 */
import type { Parent, Root } from 'mdast';
import type { MarginNote, NoteKind } from '../nodes.ts';
import type { ReadingState } from '../state.ts';
import { topLevelBlocks } from './blocks.ts';
import { footnoteAnchors } from './footnotes.ts';
import { findOverlaps, quoteAnchors } from './note-anchors.ts';
import { marginNote, placeMarker, placeNote } from './note-placement.ts';
import { unplacedNotes } from './unplaced-notes.ts';

/** A note placed in the text, numbered as the reader sees it. */
export interface PlacedNote {
  /** The frontmatter note's id; a footnote has none. */
  noteId: string | undefined;
  /** Its element's id (`note-oil`); its marker's is `note-oil-ref`. */
  elementId: string;
  number: number;
  kind: NoteKind;
  node: MarginNote;
}

/**
 * Anchor every note (frontmatter notes and footnotes) in the text, number
 * them in reading order and put each after its marker; or report every note
 * that does not anchor and place none. `parse` reads a note's Markdown.
 */
export function placeNotes(state: ReadingState, parse: (markdown: string) => Root): PlacedNote[] {
  const { tree } = state;
  const problems: string[] = [];
  const fail = () => {
    for (const reason of problems) state.problem(reason, reason.startsWith('footnote') ? 'footnote' : 'note');
    return [];
  };
  const blocks = topLevelBlocks(tree);
  const { anchors, unplaced } = quoteAnchors(state, blocks, parse, problems);
  anchors.push(...footnoteAnchors(tree, blocks, problems));
  findOverlaps(anchors, problems);
  if (problems.length) return fail();

  anchors.sort((a, b) => a.blockOrder - b.blockOrder || a.start - b.start);
  // Every marker first: text offsets count the paragraph's text, and a note placed in it would add its own.
  const slots = new Map<Parent, number>();
  const placed = anchors.map((anchor, i) => {
    // The note's place among its block's notes pairs marker, phrase and note in the stylesheet (:has).
    const slot = (slots.get(anchor.block) ?? 0) + 1;
    slots.set(anchor.block, slot);
    return { anchor, place: placeMarker(anchor, i + 1, slot), node: marginNote(anchor, i + 1, slot) };
  });
  for (const { anchor, place, node } of placed) {
    const problem = placeNote(place, node, anchor.where);
    if (problem) problems.push(problem);
  }
  if (problems.length) return fail();
  if (unplaced.length) tree.children.push(unplacedNotes(unplaced, parse));
  return placed.map(({ anchor, node }) => ({ noteId: anchor.noteId, elementId: anchor.id, number: node.number, kind: anchor.kind, node }));
}
