/**
 * remarkMarginNotes: attach our margin notes to a text we do not own.
 *
 * Each note in the frontmatter's `notes` quotes the text it comments on, as a
 * W3C Web Annotation TextQuoteSelector does (`quote` = exact, plus optional
 * `prefix`/`suffix`), so the same notes anchor in our reader's edition and in
 * an imported full text. Markdown footnotes (`[^x]`) become notes too.
 *
 * The quoted phrase is marked, a numbered marker link follows it, and the
 * note itself is placed *after* its block, never inside it: the HTML stays
 * valid, screen readers are not interrupted mid-sentence and find-in-page or
 * `#:~:text=` links are not split by note text.
 *
 * Input (`notes: [{ id: oil, kind: context, quote: oil, text: 'Russia was …' }]`):
 *
 * ```md
 * China buys oil.
 * ```
 *
 * Output (simplified):
 *
 * ```html
 * <div class="passage">
 *   <p>China buys <span class="anchor" data-note="oil">oil</span><a class="note-ref" id="note-oil-ref"
 *     href="#note-oil" aria-label="Note 1">1</a>.</p>
 *   <div class="sidenotes from-line-0">
 *     <aside class="sidenote" id="note-oil" aria-label="Note 1" tabindex="-1">
 *       <p class="sidenote-head"><a href="#note-oil-ref" aria-label="Back to note 1 in the text">1</a> Context</p>
 *       <p>Russia was …</p>
 *       <p class="sidenote-sources">Source: <a href="…">…</a></p>
 *     </aside>
 *   </div>
 * </div>
 * ```
 */
import type { BlockContent, FootnoteDefinition, Nodes, Parent, PhrasingContent, Root, RootContent } from 'mdast';
import type { Processor } from 'unified';
import { visit, SKIP } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { hastLeaf, hastText, mdastElement } from '../lib/mdast-element.ts';
import { textSegments, wrapRange } from '../lib/mdast-text.ts';
import { locateOnce, normalise } from '../lib/quote-match.ts';
import { readingOf, report } from '../lib/reading-file.ts';
import type { Note } from '../lib/reading-schema.ts';

export interface Options {
  /**
   * Characters per line assumed when estimating which line of its paragraph
   * a marker falls on, so that a note in the margin starts no higher than its
   * marker. Err low: a low guess only moves notes down. The stylesheet's
   * 52ch measure holds 58–64 characters of prose in common serif faces; the
   * default leaves room for that. Default: `50`.
   */
  charactersPerLine?: number;
  /** Highest line offset the stylesheet knows (`from-line-N`). Default: `24`. */
  maxLineOffset?: number;
}

/** Labels shown above a note, by its kind. */
export const KIND_LABELS: Record<Note['kind'] | 'footnote', string> = {
  context: 'Context',
  definition: 'Definition',
  source: 'Source',
  since: 'Since then',
  counterpoint: 'Counterpoint',
  footnote: 'Note',
};

/** The id of a frontmatter note's element (`oil` → `note-oil`); its marker's id adds `-ref`. */
export const noteElementId = (id: string) => `note-${id}`;

/** A note found in the text, before it is numbered. */
interface Anchor {
  id: string;
  /** The top-level block (a child of a section or of the root) holding it. */
  block: Parent;
  blockOrder: number;
  start: number;
  end: number;
  kind: keyof typeof KIND_LABELS;
  body: BlockContent[];
  sources: Note['sources'];
  /** For footnotes: the reference node the marker replaces. */
  reference?: Nodes;
}

export default function remarkMarginNotes(this: Processor, options: Options = {}) {
  const charactersPerLine = options.charactersPerLine ?? 50;
  const maxLineOffset = options.maxLineOffset ?? 24;
  const parse = (markdown: string) => this.parse(markdown) as Root;

  return (tree: Root, file: VFile) => {
    const reading = readingOf(file);
    const blocks = topLevelBlocks(tree);
    const texts = blocks.map((block) => normalise(textSegments(block).text));
    const problems: string[] = [];
    const anchors: Anchor[] = [];

    reading.notes.forEach((note, index) => {
      const selector = { exact: note.quote, prefix: note.prefix, suffix: note.suffix };
      const hit = locateOnce(texts, selector, `notes.${index} (${note.id})`);
      if ('problem' in hit) problems.push(hit.problem);
      else {
        anchors.push({
          id: noteElementId(note.id),
          block: blocks[hit.block]!,
          blockOrder: hit.block,
          start: hit.start,
          end: hit.end,
          kind: note.kind,
          body: parse(note.text).children as BlockContent[],
          sources: note.sources,
        });
      }
    });

    anchors.push(...footnoteAnchors(tree, blocks, problems));
    findOverlaps(anchors, problems);
    if (problems.length) {
      report(file, problems);
      return;
    }

    anchors.sort((a, b) => a.blockOrder - b.blockOrder || a.start - b.start);
    // The first marker of each block (it follows its quote) decides where its notes start.
    const byBlock = new Map<Parent, { notes: RootContent[]; firstMarker: number }>();
    anchors.forEach((anchor, i) => {
      const number = i + 1;
      placeMarker(anchor, number);
      const group = byBlock.get(anchor.block) ?? { notes: [], firstMarker: anchor.end };
      group.notes.push(noteElement(anchor, number));
      byBlock.set(anchor.block, group);
    });

    // Put each block with notes in a passage: the block, then its notes.
    visit(tree, (node, index, parent) => {
      const group = byBlock.get(node as Parent);
      if (!group || !parent || index === undefined) return;
      const line = Math.min(maxLineOffset, Math.floor(group.firstMarker / charactersPerLine));
      const notes = mdastElement<RootContent>('div', { className: ['sidenotes', `from-line-${line}`] }, group.notes);
      parent.children.splice(index, 1, mdastElement('div', { className: ['passage'] }, [node as RootContent, notes]));
      return [SKIP, index + 1];
    });
  };
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
        id: noteElementId(`fn-${slugLabel(reference.identifier)}`),
        block,
        blockOrder,
        start: offset,
        end: offset,
        kind: 'footnote',
        body: definition.children as BlockContent[],
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

const slugLabel = (label: string) => label.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'note';

function findOverlaps(anchors: Anchor[], problems: string[]) {
  const sorted = [...anchors].sort((a, b) => a.blockOrder - b.blockOrder || a.start - b.start);
  for (let i = 1; i < sorted.length; i++) {
    const [a, b] = [sorted[i - 1]!, sorted[i]!];
    if (a.block === b.block && b.start < a.end) problems.push(`${a.id} and ${b.id}: their quotes overlap; quote a shorter phrase`);
  }
}

function placeMarker(anchor: Anchor, number: number) {
  const marker = hastLeaf<PhrasingContent>(
    'a',
    { className: ['note-ref'], id: `${anchor.id}-ref`, href: `#${anchor.id}`, ariaLabel: `Note ${number}` },
    [hastText(String(number))],
  );
  if (anchor.reference) {
    visit(anchor.block, (node, index, parent) => {
      if (node !== anchor.reference || !parent || index === undefined) return;
      parent.children.splice(index, 1, marker as never);
      return false;
    });
    return;
  }
  const { parent, after } = wrapRange(anchor.block, anchor.start, anchor.end, (text) =>
    mdastElement<PhrasingContent>('span', { className: ['anchor'], dataNote: anchor.id }, [text]),
  );
  parent.children.splice(parent.children.indexOf(after as never) + 1, 0, marker as never);
}

function noteElement(anchor: Anchor, number: number): RootContent {
  const head = hastLeaf<RootContent>('p', { className: ['sidenote-head'] }, [
    {
      type: 'element',
      tagName: 'a',
      properties: { className: ['sidenote-number'], href: `#${anchor.id}-ref`, ariaLabel: `Back to note ${number} in the text` },
      children: [hastText(String(number))],
    },
    hastText(' '),
    { type: 'element', tagName: 'span', properties: { className: ['sidenote-kind'] }, children: [hastText(KIND_LABELS[anchor.kind])] },
  ]);
  const children: RootContent[] = [head, ...anchor.body];
  if (anchor.sources.length) {
    const links: PhrasingContent[] = [{ type: 'text', value: anchor.sources.length > 1 ? 'Sources: ' : 'Source: ' }];
    anchor.sources.forEach((source, i) => {
      if (i) links.push({ type: 'text', value: '; ' });
      links.push({ type: 'link', url: source.url, children: [{ type: 'text', value: source.title }] });
    });
    links.push({ type: 'text', value: '.' });
    children.push(mdastElement('p', { className: ['sidenote-sources'] }, links));
  }
  return mdastElement(
    'aside',
    // role=note: a note belongs to the text; as a bare <aside> each would be a landmark.
    { className: ['sidenote', `sidenote-${anchor.kind}`], id: anchor.id, role: 'note', ariaLabel: `Note ${number}`, tabIndex: -1 },
    children,
  );
}
