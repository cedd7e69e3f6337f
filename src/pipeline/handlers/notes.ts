/**
 * The handlers of the notes stage's markup. The quoted phrase is marked and
 * followed by its marker: a link to the note (wide screens, print) and a
 * button that opens the note as a popover in place (phones and tablets, no
 * JavaScript needed); the stylesheet shows one of the two. The note follows
 * its marker, as in Tufte CSS: from 1000px it floats into the margin on the
 * marker's line, with no script to place it. A `<p>` cannot hold a note's
 * blocks, so a paragraph with notes is a `div.passage`.
 *
 * A note always shows its gist; the rest (the body, the sources, a chart) is
 * in a `<details>`, which opens on demand without JavaScript and which
 * find-in-page and `#note-…` links open by themselves.
 *
 * ```html
 * <div class="passage">China buys <span class="anchor" data-note="note-oil" data-slot="1">oil</span><span class="note-mark"
 *   id="note-oil-ref"><a class="note-ref" href="#note-oil" aria-label="Note 1" data-slot="1">1</a><button type="button"
 *   class="note-toggle" popovertarget="note-oil" aria-label="Note 1" data-slot="1">1</button></span><section
 *   class="sidenote sidenote-context content" id="note-oil" role="note" aria-label="Note 1" tabindex="-1" popover="auto" data-slot="1">
 *     <details class="sidenote-reveal"><summary class="sidenote-reveal-label">Note 1</summary>
 *       <details class="sidenote-fold">
 *         <summary class="sidenote-summary"><span class="sidenote-head"><span class="sidenote-number">1</span> <span
 *           class="sidenote-kind">Context</span></span> <span class="sidenote-gist">Russia was No. 2.</span></summary>
 *         <p>By 2023 …</p>
 *         <p class="sidenote-sources">Source: <a href="…">…</a>.</p>
 *         <p class="sidenote-back"><a href="#note-oil-ref" aria-label="Back to the text at note 1">Back to the text</a></p>
 *       </details>
 *     </details>
 *     <button type="button" class="sidenote-close" popovertarget="note-oil" popovertargetaction="hide" aria-label="Close note 1">Close</button>
 *   </section>.</div>
 * ```
 */
import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import type { Paragraph, PhrasingContent } from 'mdast';
import type { State } from 'mdast-util-to-hast';
import { CLASSES, ids, noteKindClass } from '../../reading/markup.ts';
import type { MarginNote, NoteAnchor, NoteGist, NoteKind, NoteMarker, NoteSource } from '../nodes.ts';
import { element, text } from './hast.ts';
import { markPart } from './parts.ts';

/** Labels shown above a note, by its kind. */
export const KIND_LABELS: Record<NoteKind, string> = {
  context: 'Context',
  definition: 'Definition',
  source: 'Source',
  since: 'Since then',
  counterpoint: 'Counterpoint',
  footnote: 'Note',
};

/** What the head of a note placed approximately says: its quote's words differ a little in this copy. */
export const APPROXIMATE_LABEL = 'placed approximately';

/**
 * A class that tells reader modes the element is the article's content.
 * Mozilla Readability (Firefox Reader View, read-later apps) deletes a div
 * whose text is more than a fifth links unless its class names weigh in its
 * favour, and a note's list of sources is mostly links: without it, a third
 * of the notes' text went missing. Nothing in the stylesheet uses it.
 */
const READER_CONTENT = 'content';

/** `result`, the paragraph `node` rendered, made a `div.passage` when the paragraph holds notes. */
export function passage(node: Paragraph, result: Element): Element {
  if (!node.children.some((child) => child.type === 'marginNote')) return result;
  result.tagName = 'div';
  result.properties.className = [CLASSES.passage, READER_CONTENT];
  return result;
}

/** The phrase a note comments on. */
export function noteAnchor(state: State, node: NoteAnchor): Element {
  const result = element('span', { className: [CLASSES.anchor], dataNote: node.noteElementId, dataSlot: node.slot }, state.all(node));
  state.patch(node, result);
  return state.applyData(node, result);
}

/** A note's marker: the punctuation that closes the phrase, a link to the note and a button that opens it; its id is where links back to the text land. */
export function noteMarker(state: State, node: NoteMarker): Element {
  const label = `Note ${node.number}`;
  const result = element('span', { className: [CLASSES.noteMark], id: ids.marker(node.noteElementId) }, [
    ...state.all(node),
    element('a', { className: [CLASSES.noteRef], href: `#${node.noteElementId}`, ariaLabel: label, dataSlot: node.slot }, [text(String(node.number))]),
    element('button', { type: 'button', className: [CLASSES.noteToggle], popoverTarget: node.noteElementId, ariaLabel: label, dataSlot: node.slot }, [
      text(String(node.number)),
    ]),
  ]);
  state.patch(node, result);
  return state.applyData(node, result);
}

/** The line of a note always shown. */
export function noteGist(state: State, node: NoteGist): Element {
  const result = element('span', { className: [CLASSES.sidenoteGist] }, state.all(node));
  state.patch(node, result);
  return state.applyData(node, result);
}

/** A note's sources as a line of links, or nothing when it cites none (a footnote). */
export function sourcesLine(state: State, sources: NoteSource[]): Element[] {
  if (!sources.length) return [];
  const links: PhrasingContent[] = sources.flatMap((source, i): PhrasingContent[] => [
    { type: 'text', value: i ? '; ' : sources.length > 1 ? 'Sources: ' : 'Source: ' },
    { type: 'link', url: source.url, children: [{ type: 'text', value: source.title }] },
  ]);
  return [element('p', { className: [CLASSES.sidenoteSources] }, [...state.all({ type: 'paragraph', children: links }), text('.')])];
}

/** A margin note; its content (the gist as a paragraph, the rest but the link back) is a part other pages reuse. */
export function marginNote(state: State, node: MarginNote): Element {
  const { noteElementId: id, number, slot, kind } = node;
  const [gistNode, ...others] = node.children;
  const gist = noteGist(state, gistNode);
  const head = element('span', { className: [CLASSES.sidenoteHead] }, [
    h('span', { className: [CLASSES.sidenoteNumber] }, String(number)),
    text(' '),
    h('span', { className: [CLASSES.sidenoteKind] }, KIND_LABELS[kind]),
    ...(node.approximate ? [text(' '), h('span', { className: [CLASSES.sidenoteApproximate] }, APPROXIMATE_LABEL)] : []),
  ]);
  const summary = element('summary', { className: [CLASSES.sidenoteSummary] }, [head, text(' '), gist]);
  // The note's own text, its sources, then its chart (drawn from the figures those sources give).
  const rest: ElementContent[] = [
    ...state.all({ type: 'root', children: others.filter((child) => child.type !== 'noteChart') }),
    ...sourcesLine(state, node.sources),
    ...state.all({ type: 'root', children: others.filter((child) => child.type === 'noteChart') }),
  ];
  const back = element('p', { className: [CLASSES.sidenoteBack] }, [
    h('a', { href: `#${ids.marker(id)}`, ariaLabel: `Back to the text at note ${number}` }, 'Back to the text'),
  ]);
  // The rest follows the summary in the <details> itself, with no <div> around it: reader modes (Readability)
  // delete a div that is mostly links, such as a note whose rest is only its sources.
  const fold = element('details', { className: [CLASSES.sidenoteFold] }, [summary, ...rest, back]);
  // Below 1000px a closed note shows nothing, yet find-in-page must reach its gist, and it only searches a
  // closed <details>' content, never a hidden summary. So there the whole note is the content of a closed
  // <details>, which find-in-page opens; its summary is never shown, and from 1000px its content always is.
  const reveal = element('details', { className: [CLASSES.sidenoteReveal] }, [
    element('summary', { className: [CLASSES.sidenoteRevealLabel] }, [text(`Note ${number}`)]),
    fold,
  ]);
  // On phones and tablets the note is a popover its marker's button opens; the close button shows only then.
  const close = element(
    'button',
    { type: 'button', className: [CLASSES.sidenoteClose], popoverTarget: id, popoverTargetAction: 'hide', ariaLabel: `Close note ${number}` },
    [text('Close')],
  );
  const result = element(
    'section',
    // role=note: a note belongs to the text. Not <aside>: reader modes (Readability) delete asides. Not <div>:
    // on a short page Readability ignores class names and deletes a div whose text is a fifth links, such as a
    // short note with a long source title; it never cleans a <section>.
    {
      className: [CLASSES.sidenote, noteKindClass(kind), READER_CONTENT],
      id,
      role: 'note',
      ariaLabel: `Note ${number}`,
      tabIndex: -1,
      popover: 'auto',
      dataSlot: slot,
    },
    [reveal, close],
  );
  markPart(result, { kind: 'note', id, content: [h('p', gist.children), ...rest] });
  state.patch(node, result);
  return state.applyData(node, result);
}
