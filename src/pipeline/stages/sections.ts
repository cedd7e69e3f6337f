/**
 * The sections stage: mark up an op-ed's argument structure.
 *
 * Reads the reading's `arguments` and `conclusion` cues from the frontmatter
 * and partitions the body into an introduction, one `<section>` per argument
 * (in the frontmatter's order) and a conclusion. A cue may begin mid-paragraph,
 * as the op-ed's first reason does: that paragraph is split at the cue so the
 * argument starts exactly there.
 *
 * Every block then gets an id that is its position in its section
 * (`economic-2`), never a slug of its wording, so rewording keeps links alive;
 * paragraphs get a permalink.
 *
 * Input (frontmatter `arguments: [{ id: economic, label: Economic, cue: 'First, in' … }]`):
 *
 * ```md
 * It matters. First, in economics, China needs oil.
 * ```
 *
 * Output: the root holds `readingSection` nodes (rendered by `handlers/sections.ts`), and returns them:
 *
 * ```js
 * { type: 'readingSection', sectionId: 'introduction', title: 'Introduction', where: 'the introduction', children: [
 *     { type: 'paragraph', data: { hProperties: { id: 'introduction-1' }, permalink: { id: 'introduction-1', name: 'paragraph 1 of the introduction' } }, children: ['It matters.'] }] }
 * { type: 'readingSection', sectionId: 'economic', title: 'Reason 1 of 1 · Economic', where: 'reason 1: Economic', argument: { number: 1, claim: '…' }, children: ['First, in economics, …'] }
 * ```
 */
import type { Node, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import type { ReadingSection } from '../nodes.ts';
import { textSegments, splitInline } from '../mdast-text.ts';
import { findQuote, locateApproximately, normalise } from '../quote-match.ts';
import { reasonLabel } from '../../reading/labels.ts';
import { ids, SECTION_IDS } from '../../reading/markup.ts';
import type { Placement, ReadingState } from '../state.ts';

const { introduction: INTRODUCTION, conclusion: CONCLUSION } = SECTION_IDS;

/** Blocks that render nothing or are handled elsewhere, and so get no id. */
const UNNUMBERED = new Set(['definition', 'footnoteDefinition', 'html', 'yaml']);

interface Cue {
  sectionId: string;
  field: string;
  phrase: string;
}

interface Located extends Cue {
  block: number;
  offset: number;
}

/**
 * Partition the text into sections at the cues, or, when a cue does not
 * fit, report it and leave the text unsectioned, so that the notes can
 * still be checked and reported in the same build.
 */
export function markSections(state: ReadingState): ReadingSection[] | undefined {
  const { reading, tree } = state;
  const count = reading.arguments.length;
  const cues: Cue[] = [
    ...reading.arguments.map((a, i) => ({ sectionId: a.id, field: `arguments.${i}.cue`, phrase: a.cue })),
    { sectionId: CONCLUSION, field: 'conclusion.cue', phrase: reading.conclusion.cue },
  ];

  const located = locateCues(state, cues);
  if (!located) return undefined;
  const firstBlocks = splitAtCues(tree, located);

  // Footnote definitions stay at the root for the notes stage to collect.
  const loose = tree.children.filter((node) => node.type === 'footnoteDefinition');
  const body: RootContent[] = tree.children.filter((node) => node.type !== 'footnoteDefinition');
  // After splitting, every cue starts a block: cut the body into sections there.
  const starts = firstBlocks.map((block) => body.indexOf(block));
  const sections: ReadingSection[] = [];
  const intro = body.slice(0, starts[0]);
  if (intro.length) sections.push(section(INTRODUCTION, 'Introduction', intro));
  located.forEach((cue, i) => {
    const blocks = body.slice(starts[i], starts[i + 1] ?? body.length);
    if (cue.sectionId === CONCLUSION) {
      sections.push(section(CONCLUSION, 'Conclusion', blocks));
      return;
    }
    const argument = reading.arguments[i]!;
    sections.push(argumentSection(argument.id, i + 1, reasonLabel(i, count, argument.label), argument.label, argument.claim, blocks));
  });
  tree.children = [...sections, ...loose];
  return sections;
}

/**
 * Find each cue exactly once, in order; report every problem, or return where
 * they are. In a full-text edition, a cue not found exactly may be found
 * approximately, as notes are (a warning); one found nowhere is a problem.
 */
function locateCues({ tree, problem, reading, placed }: ReadingState, cues: Cue[]): Located[] | undefined {
  const texts = tree.children.map((block) => normalise(blockText(block)));
  const problems: string[] = [];
  const located: Located[] = [];
  const full = reading.edition === 'full';
  for (const cue of cues) {
    const hits = texts.flatMap((text, block) => findQuote(text, { exact: cue.phrase }).map((m) => ({ block, offset: m.start })));
    let placement: Placement = { where: cue.field, quote: cue.phrase, how: 'exact', score: 1 };
    if (full && hits.length === 0) {
      const near = locateApproximately(texts, { exact: cue.phrase }, cue.field);
      if ('problem' in near) {
        problems.push(`${cue.field}: cue "${cue.phrase}" not found in this copy, not even approximately; change it to words of this copy`);
        continue;
      }
      placement = { ...placement, how: 'approximate', score: near.score };
      hits.push({ block: near.block, offset: near.start });
    }
    if (hits.length === 0) problems.push(`${cue.field}: cue "${cue.phrase}" not found in the text`);
    else if (hits.length > 1)
      problems.push(`${cue.field}: cue "${cue.phrase}" found ${hits.length} times (blocks ${hits.map((h) => h.block + 1).join(', ')}); make it unique`);
    else if (hits[0]!.offset > 0 && tree.children[hits[0]!.block]!.type !== 'paragraph')
      problems.push(
        `${cue.field}: cue "${cue.phrase}" starts inside a ${tree.children[hits[0]!.block]!.type}; start it at the beginning of that block, or in a paragraph`,
      );
    else {
      located.push({ ...cue, ...hits[0]! });
      if (full)
        placed(
          placement,
          'cue',
          placement.how === 'approximate' ? `${cue.field}: cue "${cue.phrase}" placed approximately (score ${placement.score.toFixed(2)})` : undefined,
        );
    }
  }
  if (!problems.length) {
    for (let i = 1; i < located.length; i++) {
      const [before, after] = [located[i - 1]!, located[i]!];
      if (after.block < before.block || (after.block === before.block && after.offset <= before.offset))
        problems.push(`${after.field}: cue "${after.phrase}" comes before ${before.field} "${before.phrase}"; cues must follow the order of the arguments`);
    }
  }
  for (const reason of problems) problem(reason, 'cue');
  return problems.length ? undefined : located;
}

/**
 * Split each paragraph whose cue falls mid-way, last cue first so indices
 * hold, and return the block each cue now starts.
 */
function splitAtCues(tree: Root, located: Located[]): RootContent[] {
  const firstBlocks: RootContent[] = [];
  for (const cue of [...located].reverse()) {
    const block = tree.children[cue.block]!;
    if (cue.offset === 0) {
      firstBlocks.unshift(block);
      continue;
    }
    if (block.type !== 'paragraph') throw new Error('locateCues lets only paragraphs be split');
    const [left, right] = splitInline(block.children, cue.offset);
    trimEdge(left, 'end');
    trimEdge(right, 'start');
    const second: Paragraph = { type: 'paragraph', children: right };
    tree.children.splice(cue.block, 1, { ...block, children: left }, second);
    firstBlocks.unshift(second);
  }
  return firstBlocks;
}

function trimEdge(children: PhrasingContent[], edge: 'start' | 'end') {
  const node = edge === 'start' ? children[0] : children.at(-1);
  if (node?.type === 'text') node.value = edge === 'start' ? node.value.trimStart() : node.value.trimEnd();
  else if (node && 'children' in node) trimEdge(node.children as PhrasingContent[], edge);
}

function blockText(block: RootContent): string {
  if (block.type === 'paragraph') return textSegments(block).text;
  if (UNNUMBERED.has(block.type)) return '';
  return mdastToString(block);
}

/**
 * Number the blocks of a section (`economic-1`, …) and give paragraphs a
 * permalink named for a listener: "Link to paragraph 2 of reason 1: Economic",
 * where `where` is the section as the permalink of its heading names it.
 */
function numbered(sectionId: string, where: string, blocks: RootContent[]): RootContent[] {
  let n = 0;
  return blocks.map((block) => {
    if (UNNUMBERED.has(block.type)) return block;
    const id = ids.block(sectionId, ++n);
    block.data = { ...block.data, hProperties: { ...block.data?.hProperties, id } };
    if (block.type === 'paragraph') block.data = { ...block.data, permalink: { id, name: `paragraph ${n} of ${where}` } };
    return block;
  });
}

/** The id `numbered` gave a block (`economic-2`), for the stages after this one; none in a text whose cues did not fit. */
export function blockIdOf(block: Node): string | undefined {
  const id = (block.data?.hProperties as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' ? id : undefined;
}

/** The introduction or the conclusion. */
function section(id: string, title: string, blocks: RootContent[]): ReadingSection {
  const where = `the ${title.toLowerCase()}`;
  return { type: 'readingSection', sectionId: id, title, where, children: numbered(id, where, blocks) };
}

/** The `number`th argument. */
function argumentSection(id: string, number: number, title: string, label: string, claim: string, blocks: RootContent[]): ReadingSection {
  const where = `reason ${number}: ${label}`;
  return { type: 'readingSection', sectionId: id, title, where, argument: { number, claim }, children: numbered(id, where, blocks) };
}
