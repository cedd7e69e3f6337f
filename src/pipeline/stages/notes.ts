/**
 * The notes stage: attach our margin notes to a text we do not own.
 *
 * Each note in the frontmatter's `notes` quotes the text it comments on, as a
 * W3C Web Annotation TextQuoteSelector does (`quote` = exact, plus optional
 * `prefix`/`suffix`), so the same notes anchor in our reader's edition and in
 * an imported full text. Markdown footnotes (`[^x]`) become notes too.
 *
 * The quoted phrase is marked and followed by its marker: a link to the note
 * (wide screens, print) and a button that opens the note as a popover in
 * place (phones and tablets, no JavaScript needed); the stylesheet shows one
 * of the two. The note itself follows its marker, as in Tufte CSS: from
 * 1000px it floats into the margin on the marker's line, with no script to
 * place it. A `<p>` cannot hold a note's blocks, so a paragraph with notes
 * is a `div.passage`. A note quoting a heading is an error: a heading cannot
 * hold one either.
 *
 * A note always shows its gist (`src/pipeline/note-gist.ts`); the rest (the body,
 * the sources, a chart) is in a `<details>`, which opens on demand without
 * JavaScript and which find-in-page and `#note-…` links open by themselves.
 * Notes are `div role=note`, never `<aside>`: reader modes delete asides.
 *
 * Input (`notes: [{ id: oil, kind: context, quote: oil, text: 'Russia was No. 2. By 2023 …' }]`):
 *
 * ```md
 * China buys oil.
 * ```
 *
 * Output (simplified):
 *
 * ```html
 * <div class="passage">China buys <span class="anchor" data-note="note-oil" data-slot="1">oil</span><a class="note-ref"
 *   id="note-oil-ref" href="#note-oil" aria-label="Note 1" data-slot="1">1</a><button type="button" class="note-toggle"
 *   popovertarget="note-oil" aria-label="Note 1" data-slot="1">1</button><section class="sidenote" id="note-oil" role="note"
 *   aria-label="Note 1" tabindex="-1" popover="auto" data-slot="1">
 *     <details class="sidenote-reveal"><summary class="sidenote-reveal-label">Note 1</summary>
 *       <details class="sidenote-fold">
 *         <summary><span class="sidenote-head"><span class="sidenote-number">1</span> <span class="sidenote-kind">Context</span></span>
 *           <span class="sidenote-gist">Russia was No. 2.</span></summary>
 *         <p>By 2023 …</p>
 *         <p class="sidenote-sources">Source: <a href="…">…</a>.</p>
 *         <p class="sidenote-back"><a href="#note-oil-ref" aria-label="Back to the text at note 1">Back to the text</a></p>
 *       </details>
 *     </details>
 *     <button type="button" class="sidenote-close" popovertarget="note-oil" popovertargetaction="hide" aria-label="Close note 1">Close</button>
 *   </section>.</div>
 * ```
 */
import type { BlockContent, FootnoteDefinition, Nodes, Parent, PhrasingContent, Root, RootContent } from 'mdast';
import { h } from 'hastscript';
import { visit } from 'unist-util-visit';
import { visitParents, EXIT } from 'unist-util-visit-parents';
import { hasClass, hastLeaf, hastText, mdastElement } from '../mdast-element.ts';
import { PHRASING_CONTAINERS, textSegments, wrapRange } from '../mdast-text.ts';
import { describeSelector, locateApproximately, locateOnce, normalise } from '../quote-match.ts';
import { splitGist, type Gist } from '../note-gist.ts';
import type { Note } from '../../reading/schema.ts';
import type { ReadingState } from '../state.ts';
import { CLASSES, ids, noteKindClass } from '../../reading/markup.ts';

/** Labels shown above a note, by its kind. */
export const KIND_LABELS: Record<Note['kind'] | 'footnote', string> = {
  context: 'Context',
  definition: 'Definition',
  source: 'Source',
  since: 'Since then',
  counterpoint: 'Counterpoint',
  footnote: 'Note',
};

/** What the head of a note placed approximately says: its quote's words differ a little in this copy. */
export const APPROXIMATE_LABEL = 'placed approximately';

/** The heading of the list of a full text's notes that found no place in it. */
export const UNPLACED_TITLE = 'Notes that did not find their place in this copy';

/**
 * A class that tells reader modes the element is the article's content.
 * Mozilla Readability (Firefox Reader View, read-later apps) deletes a div
 * whose text is more than a fifth links unless its class names weigh in its
 * favour, and a note's list of sources is mostly links: without it, a third
 * of the notes' text went missing. Nothing in the stylesheet uses it.
 */
const READER_CONTENT = 'content';

/** A note found in the text, before it is numbered. */
interface Anchor {
  id: string;
  /** The frontmatter note's id; a footnote has none. */
  noteId?: string;
  /** How an error names it: `notes.0 (oil)`, or `footnote [^1]`. */
  where: string;
  /** The top-level block (a child of a section or of the root) holding it. */
  block: Parent;
  blockOrder: number;
  start: number;
  end: number;
  kind: keyof typeof KIND_LABELS;
  /** The line always shown, and the rest of the note's text. */
  text: Gist;
  sources: Note['sources'];
  /** For footnotes: the reference node the marker replaces. */
  reference?: Nodes;
  /** Placed approximately, in a full text whose words differ a little from the quote's. */
  approximate?: true;
}

/** A note placed in the text, numbered as the reader sees it. */
export interface PlacedNote {
  /** The frontmatter note's id; a footnote has none. */
  noteId: string | undefined;
  /** Its element's id (`note-oil`); its marker's is `note-oil-ref`. */
  elementId: string;
  number: number;
  kind: keyof typeof KIND_LABELS;
}

/**
 * Anchor every note (frontmatter notes and footnotes) in the text, number
 * them in reading order and put each after its marker; or report every note
 * that does not anchor and place none. `parse` reads a note's Markdown.
 */
export function placeNotes(state: ReadingState, parse: (markdown: string) => Root): PlacedNote[] {
  const { reading, tree } = state;
  const problems: string[] = [];
  const fail = () => {
    for (const reason of problems) state.problem(reason, reason.startsWith('footnote') ? 'footnote' : 'note');
    return [];
  };
  {
    const blocks = topLevelBlocks(tree);
    const texts = blocks.map((block) => normalise(textSegments(block).text));
    const anchors: Anchor[] = [];

    // A full text is the reader's own copy, maybe a later version of the article: a note that does not
    // find its exact words there is placed approximately, or listed after the text, and the page still builds.
    const full = reading.edition === 'full';
    const unplaced: Note[] = [];
    reading.notes.forEach((note, index) => {
      const selector = { exact: note.quote, prefix: note.prefix, suffix: note.suffix };
      const where = `notes.${index} (${note.id})`;
      const exactly = full ? undefined : locateOnce(texts, selector, where);
      const hit = exactly === undefined ? locateApproximately(texts, selector, where) : 'problem' in exactly ? exactly : { ...exactly, score: 1 };
      if ('problem' in hit && full) {
        unplaced.push(note);
        state.placed({ where, quote: note.quote, how: 'unplaced', score: 0 }, 'note', `${hit.problem}; listed after the text as unplaced`);
      } else if ('problem' in hit) problems.push(hit.problem);
      const score = 'problem' in hit ? 1 : hit.score;
      if (full && !('problem' in hit))
        state.placed(
          { where, quote: note.quote, how: score < 1 ? 'approximate' : 'exact', score },
          'note',
          score < 1 ? `${where}: quote ${describeSelector(selector)} placed approximately (score ${score.toFixed(2)})` : undefined,
        );
      const text = splitGist(parse(note.text).children as BlockContent[], note.gist === undefined ? undefined : (parse(note.gist).children as BlockContent[]));
      if (!text)
        problems.push(
          note.gist === undefined
            ? `${where}: text does not start with a paragraph, so it has no first sentence to show; add a gist`
            : `${where}: gist must be one line of text, not a list or a quote`,
        );
      if (!('problem' in hit) && text) {
        anchors.push({
          id: ids.note(note.id),
          noteId: note.id,
          where,
          block: blocks[hit.block]!,
          blockOrder: hit.block,
          start: hit.start,
          end: hit.end,
          kind: note.kind,
          text,
          sources: note.sources,
          ...(score < 1 ? { approximate: true } : {}),
        });
      }
    });

    anchors.push(...footnoteAnchors(tree, blocks, problems));
    findOverlaps(anchors, problems);
    if (problems.length) return fail();

    anchors.sort((a, b) => a.blockOrder - b.blockOrder || a.start - b.start);
    // Every marker first: text offsets count the paragraph's text, and a note placed in it would add its own.
    const slots = new Map<Parent, number>();
    const places = anchors.map((anchor, i) => {
      // The note's place among its block's notes pairs marker, phrase and note in the stylesheet (:has).
      const slot = (slots.get(anchor.block) ?? 0) + 1;
      slots.set(anchor.block, slot);
      return { ...placeMarker(anchor, i + 1, slot), note: noteElement(anchor, i + 1, slot), anchor };
    });
    for (const { container, after, note, anchor } of places) {
      if (container.type !== 'paragraph') {
        problems.push(`${anchor.where}: its phrase is in a ${container.type}; a note comments on running text, so quote a paragraph`);
        continue;
      }
      // The note follows its marker inside the paragraph, so that from 1000px it floats into the margin on the
      // marker's line; after any punctuation that closes the phrase, which goes before the marker (as a note
      // number follows a closing quote or comma) and must not wrap away from it.
      const at = container.children.indexOf(after) + 1;
      const next = container.children[at];
      const closing = next?.type === 'text' ? (/^[,.;:!?)\]}”’"'»…]+/.exec(next.value)?.[0] ?? '') : '';
      if (closing && next?.type === 'text' && hasClass(after, CLASSES.noteMark) && 'children' in after) {
        (after.children as PhrasingContent[]).unshift({ type: 'text', value: closing });
        next.value = next.value.slice(closing.length);
      }
      container.children.splice(at, 0, note);
      container.data = {
        ...container.data,
        hName: 'div',
        hProperties: { ...container.data?.hProperties, className: [CLASSES.passage, READER_CONTENT] },
      };
    }
    if (problems.length) return fail();
    if (unplaced.length) tree.children.push(unplacedNotes(unplaced, parse));
    return anchors.map((anchor, i) => ({ noteId: anchor.noteId, elementId: anchor.id, number: i + 1, kind: anchor.kind }));
  }
}

/** Blocks whose text notes (and forecasts) may quote: children of sections, or of the root. */
export function topLevelBlocks(tree: Root): Parent[] {
  const blocks: Parent[] = [];
  for (const node of tree.children) {
    if (node.type === 'footnoteDefinition' || node.type === 'definition') continue;
    const hName = node.data?.hName;
    if (hName === 'section' && 'children' in node) {
      for (const child of node.children as RootContent[]) if ('children' in child && child.data?.hName !== 'header') blocks.push(child as Parent);
    } else if ('children' in node) blocks.push(node as Parent);
  }
  return blocks;
}

/** Turn `[^x]` references and their definitions into anchors at the reference. */
function footnoteAnchors(tree: Root, blocks: Parent[], problems: string[]): Anchor[] {
  const definitions = new Map<string, FootnoteDefinition>();
  tree.children = tree.children.filter((node) => {
    if (node.type !== 'footnoteDefinition') return true;
    definitions.set(node.identifier, node);
    return false;
  });
  const used = new Set<string>();
  const anchors: Anchor[] = [];
  blocks.forEach((block, blockOrder) => {
    const { segments } = textSegments(block);
    visit(block, 'footnoteReference', (reference, index, parent) => {
      const definition = definitions.get(reference.identifier);
      if (!definition || !parent || index === undefined) return;
      if (used.has(reference.identifier)) {
        problems.push(`footnote [^${reference.label ?? reference.identifier}] is referenced more than once`);
        return;
      }
      used.add(reference.identifier);
      // The marker goes where the reference stood: after the text before it.
      const before = segments.filter((s) => isBefore(s.node, reference, block)).at(-1);
      const offset = before?.end ?? 0;
      anchors.push({
        id: ids.note(`fn-${slugLabel(reference.identifier)}`),
        where: `footnote [^${reference.label ?? reference.identifier}]`,
        block,
        blockOrder,
        start: offset,
        end: offset,
        kind: 'footnote',
        text: splitGist(definition.children as BlockContent[]) ?? { gist: [], rest: definition.children as BlockContent[] },
        sources: [],
        reference,
      });
    });
  });
  for (const [identifier, definition] of definitions)
    if (!used.has(identifier)) problems.push(`footnote [^${definition.label ?? identifier}] is defined but never referenced`);
  return anchors;
}

/** Whether `node` comes before `target` in a depth-first walk of `root`. */
function isBefore(node: Nodes, target: Nodes, root: Parent): boolean {
  let seenNode = false;
  let answer = false;
  visit(root, (current) => {
    if (current === node) seenNode = true;
    if (current !== target) return undefined;
    answer = seenNode;
    return false;
  });
  return answer;
}

const slugLabel = (label: string) =>
  label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'note';

function findOverlaps(anchors: Anchor[], problems: string[]) {
  const sorted = [...anchors].sort((a, b) => a.blockOrder - b.blockOrder || a.start - b.start);
  for (let i = 1; i < sorted.length; i++) {
    const [a, b] = [sorted[i - 1]!, sorted[i]!];
    if (a.block === b.block && b.start < a.end) problems.push(`${a.id} and ${b.id}: their quotes overlap; quote a shorter phrase`);
  }
}

/**
 * Put the marker after the note's phrase (or in place of its footnote
 * reference), and say where the note goes: the phrasing container that
 * holds the marker, and the child of it the marker sits in or after.
 */
function placeMarker(anchor: Anchor, number: number, slot: number): { container: Parent; after: RootContent } {
  const label = `Note ${number}`;
  // The mark holds both markers, one of which shows at any width, so links back to the text land on it (its id).
  const mark = mdastElement('span', { className: [CLASSES.noteMark], id: ids.marker(anchor.id) }, [
    hastLeaf('a', { className: [CLASSES.noteRef], href: `#${anchor.id}`, ariaLabel: label, dataSlot: slot }, [hastText(String(number))]),
    hastLeaf('button', { type: 'button', className: [CLASSES.noteToggle], popoverTarget: anchor.id, ariaLabel: label, dataSlot: slot }, [
      hastText(String(number)),
    ]),
  ]);
  if (anchor.reference) {
    let place: { container: Parent; after: RootContent } | undefined;
    visitParents(anchor.block, (node, ancestors) => {
      if (node !== anchor.reference) return;
      const parent: Parent = ancestors.at(-1)!;
      parent.children.splice(parent.children.indexOf(node as RootContent), 1, mark);
      const at = ancestors.findLastIndex((ancestor) => PHRASING_CONTAINERS.has(ancestor.type));
      place = { container: ancestors[at]!, after: (ancestors[at + 1] as RootContent | undefined) ?? mark };
      return EXIT;
    });
    return place!;
  }
  const { parent, after } = wrapRange(anchor.block, anchor.start, anchor.end, (text) =>
    mdastElement('span', { className: [CLASSES.anchor], dataNote: anchor.id, dataSlot: slot }, [text]),
  );
  parent.children.splice(parent.children.indexOf(after) + 1, 0, mark);
  return { container: parent, after: mark };
}

function noteElement(anchor: Anchor, number: number, slot: number): RootContent {
  const head = hastLeaf('span', { className: [CLASSES.sidenoteHead] }, [
    h('span', { className: [CLASSES.sidenoteNumber] }, String(number)),
    hastText(' '),
    h('span', { className: [CLASSES.sidenoteKind] }, KIND_LABELS[anchor.kind]),
    ...(anchor.approximate ? [hastText(' '), h('span', { className: [CLASSES.sidenoteApproximate] }, APPROXIMATE_LABEL)] : []),
  ]);
  const summary = mdastElement('summary', { className: [CLASSES.sidenoteSummary] }, [
    head,
    { type: 'text', value: ' ' },
    mdastElement('span', { className: [CLASSES.sidenoteGist] }, anchor.text.gist),
  ]);
  const body: RootContent[] = [...anchor.text.rest];
  if (anchor.sources.length) {
    const links: PhrasingContent[] = [{ type: 'text', value: anchor.sources.length > 1 ? 'Sources: ' : 'Source: ' }];
    anchor.sources.forEach((source, i) => {
      if (i) links.push({ type: 'text', value: '; ' });
      links.push({ type: 'link', url: source.url, children: [{ type: 'text', value: source.title }] });
    });
    links.push({ type: 'text', value: '.' });
    body.push(mdastElement('p', { className: [CLASSES.sidenoteSources] }, links));
  }
  body.push(
    hastLeaf('p', { className: [CLASSES.sidenoteBack] }, [
      h('a', { href: `#${ids.marker(anchor.id)}`, ariaLabel: `Back to the text at note ${number}` }, 'Back to the text'),
    ]),
  );
  // The rest follows the summary in the <details> itself, with no <div> around it: reader modes (Readability)
  // delete a div that is mostly links, such as a note whose rest is only its sources.
  const fold = mdastElement('details', { className: [CLASSES.sidenoteFold] }, [summary, ...body]);
  // Below 1000px a closed note shows nothing, yet find-in-page must reach its gist, and it only searches a
  // closed <details>' content, never a hidden summary. So there the whole note is the content of a closed
  // <details>, which find-in-page opens; its summary is never shown, and from 1000px its content always is.
  const reveal = mdastElement('details', { className: [CLASSES.sidenoteReveal] }, [
    hastLeaf('summary', { className: [CLASSES.sidenoteRevealLabel] }, [hastText(`Note ${number}`)]),
    fold,
  ]);
  // On phones and tablets the note is a popover its marker's button opens; the close button shows only then.
  const close = hastLeaf(
    'button',
    { type: 'button', className: [CLASSES.sidenoteClose], popoverTarget: anchor.id, popoverTargetAction: 'hide', ariaLabel: `Close note ${number}` },
    [hastText('Close')],
  );
  return mdastElement(
    'section',
    // role=note: a note belongs to the text. Not <aside>: reader modes (Readability) delete asides. Not <div>:
    // on a short page Readability ignores class names and deletes a div whose text is a fifth links, such as a
    // short note with a long source title; it never cleans a <section>.
    {
      className: [CLASSES.sidenote, noteKindClass(anchor.kind), READER_CONTENT],
      id: anchor.id,
      role: 'note',
      ariaLabel: `Note ${number}`,
      tabIndex: -1,
      popover: 'auto',
      dataSlot: slot,
    },
    [reveal, close],
  );
}

/**
 * The notes of a full text that found no place in it, after the text: each
 * with its kind, the words it quotes, its text and its sources, so the
 * reader loses none of them and the editor sees what to re-anchor.
 */
function unplacedNotes(notes: Note[], parse: (markdown: string) => Root): RootContent {
  const items = notes.map((note) => {
    const quote: PhrasingContent[] = [
      mdastElement('span', { className: [CLASSES.sidenoteKind] }, [{ type: 'text', value: KIND_LABELS[note.kind] }]),
      { type: 'text', value: ` on the words “${note.quote}”` },
    ];
    const sources: PhrasingContent[] = note.sources.flatMap((source, i): PhrasingContent[] => [
      { type: 'text', value: i ? '; ' : note.sources.length > 1 ? 'Sources: ' : 'Source: ' },
      { type: 'link', url: source.url, children: [{ type: 'text', value: source.title }] },
    ]);
    return mdastElement('li', { id: ids.note(note.id) }, [
      mdastElement('p', { className: [CLASSES.sidenoteHead] }, quote),
      ...(parse(note.text).children as BlockContent[]),
      ...(sources.length ? [mdastElement('p', { className: [CLASSES.sidenoteSources] }, [...sources, { type: 'text', value: '.' }])] : []),
    ]);
  });
  return mdastElement('section', { className: [CLASSES.unplacedNotes], ariaLabelledBy: [ids.title(CLASSES.unplacedNotes)] }, [
    hastLeaf('h2', { id: ids.title(CLASSES.unplacedNotes) }, [hastText(UNPLACED_TITLE)]),
    hastLeaf('p', {}, [hastText('These notes quote words this copy of the article does not have, so they are listed here instead of beside the text.')]),
    mdastElement('ul', {}, items),
  ]);
}
