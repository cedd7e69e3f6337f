/**
 * Put a numbered note in the text: its phrase marked (`noteAnchor`), its
 * marker after the phrase or in place of its footnote reference
 * (`noteMarker`), and the note itself (`marginNote`) right after the marker,
 * inside the paragraph, so that from 1000px it floats into the margin on the
 * marker's line.
 */
import type { Parent, RootContent } from 'mdast';
import { EXIT, visitParents } from 'unist-util-visit-parents';
import { PHRASING_CONTAINERS, wrapRange } from '../mdast-text.ts';
import type { MarginNote, NoteMarker } from '../nodes.ts';
import type { Anchor } from './note-anchors.ts';

/** Where a note goes: the phrasing container that holds its marker, and the child of it the marker sits in or after. */
export interface NotePlace {
  container: Parent;
  after: RootContent;
  marker: NoteMarker;
}

/** Punctuation that closes a phrase: it goes before the marker, as a note number follows a closing quote or comma. */
const CLOSING = /^[,.;:!?)\]}”’"'»…]+/;

/**
 * Mark the note's phrase and put its marker after it (or in place of its
 * footnote reference); `slot` is its place among its block's notes. Returns
 * where the note goes.
 */
export function placeMarker(anchor: Anchor, number: number, slot: number): NotePlace {
  const marker: NoteMarker = { type: 'noteMarker', noteElementId: anchor.id, number, slot, children: [] };
  if (anchor.reference) {
    let place: NotePlace | undefined;
    visitParents(anchor.block, (node, ancestors) => {
      if (node !== anchor.reference) return;
      const parent: Parent = ancestors.at(-1)!;
      parent.children.splice(parent.children.indexOf(node), 1, marker);
      const at = ancestors.findLastIndex((ancestor) => PHRASING_CONTAINERS.has(ancestor.type));
      place = { container: ancestors[at]!, after: (ancestors[at + 1] as RootContent | undefined) ?? marker, marker };
      return EXIT;
    });
    return place!;
  }
  const { parent, after } = wrapRange(anchor.block, anchor.start, anchor.end, (text) => ({
    type: 'noteAnchor',
    noteElementId: anchor.id,
    slot,
    children: [text],
  }));
  parent.children.splice(parent.children.indexOf(after) + 1, 0, marker);
  return { container: parent, after: marker, marker };
}

/**
 * Put the note after its marker, and after any punctuation that closes the
 * phrase, which moves into the marker so that it never wraps away from it.
 * Returns a problem if the marker is not in running text (a paragraph).
 */
export function placeNote({ container, after, marker }: NotePlace, note: MarginNote, where: string): string | undefined {
  if (container.type !== 'paragraph') return `${where}: its phrase is in a ${container.type}; a note comments on running text, so quote a paragraph`;
  const at = container.children.indexOf(after) + 1;
  const next = container.children[at];
  const closing = next?.type === 'text' ? (CLOSING.exec(next.value)?.[0] ?? '') : '';
  if (closing && next?.type === 'text' && after === marker) {
    marker.children.unshift({ type: 'text', value: closing });
    next.value = next.value.slice(closing.length);
  }
  container.children.splice(at, 0, note);
  return undefined;
}

/** The note's node: its gist, then the rest of its text; its number and slot match its marker's. */
export function marginNote(anchor: Anchor, number: number, slot: number): MarginNote {
  return {
    type: 'marginNote',
    noteElementId: anchor.id,
    number,
    slot,
    kind: anchor.kind,
    approximate: anchor.approximate ?? false,
    sources: anchor.sources,
    children: [{ type: 'noteGist', children: anchor.text.gist }, ...anchor.text.rest],
  };
}
