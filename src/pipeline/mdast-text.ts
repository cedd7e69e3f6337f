/**
 * Read and cut the running text of an mdast block without losing its inline
 * markup. A cue or a quote is found in the block's plain text; these helpers
 * map plain-text offsets back onto the text nodes that hold them, so a quote
 * that spans emphasis or a link can still be marked, and a paragraph can be
 * split where an argument begins.
 */
import type { Nodes, Parent, PhrasingContent, RootContent, Text } from 'mdast';

/** One text-bearing leaf and where its value sits in the block's plain text. */
export interface Segment {
  node: Text;
  /** The ancestors from the block (first) down to the leaf's parent (last). */
  path: Parent[];
  start: number;
  end: number;
}

const isParent = (node: Nodes): node is Nodes & Parent => 'children' in node && Array.isArray(node.children);

/**
 * The plain text of `block` and its text leaves in order. Only `text` and
 * inline code count: images carry no text, and the markup the handlers
 * generate (permalinks, note numbers) is not in the tree, so it never shifts
 * offsets. A node whose `data.hChildren` replace its children is skipped.
 */
export function textSegments(block: Parent): { text: string; segments: Segment[] } {
  const segments: Segment[] = [];
  let text = '';
  const walk = (parent: Parent, path: Parent[]) => {
    for (const child of parent.children as Nodes[]) {
      if (child.type === 'text') {
        segments.push({ node: child, path, start: text.length, end: text.length + child.value.length });
        text += child.value;
      } else if (child.type === 'inlineCode') {
        text += child.value;
      } else if (isParent(child) && !child.data?.hChildren) {
        walk(child, [...path, child]);
      }
    }
  };
  walk(block, [block]);
  return { text, segments };
}

/**
 * Split inline content at a plain-text offset, cloning any emphasis, strong
 * or link that the offset falls inside, so both halves keep their markup.
 *
 * @example splitInline([text('ab '), emphasis([text('cd')])], 4)
 *   // => [[text('ab '), emphasis([text('c')])], [emphasis([text('d')])]]
 */
export function splitInline(children: PhrasingContent[], offset: number): [PhrasingContent[], PhrasingContent[]] {
  const left: PhrasingContent[] = [];
  const right: PhrasingContent[] = [];
  let position = 0;
  for (const child of children) {
    const length = plainLength(child);
    if (position + length <= offset) left.push(child);
    else if (position >= offset) right.push(child);
    else if (child.type === 'text') {
      const cut = offset - position;
      left.push({ ...child, value: child.value.slice(0, cut), position: undefined });
      right.push({ ...child, value: child.value.slice(cut), position: undefined });
    } else if ('children' in child) {
      const [l, r] = splitInline(child.children as PhrasingContent[], offset - position);
      left.push({ ...child, children: l, position: undefined } as PhrasingContent);
      right.push({ ...child, children: r, position: undefined } as PhrasingContent);
    } else {
      // Inline code cannot be cut in two; keep it whole on the left.
      left.push(child);
    }
    position += length;
  }
  return [left, right];
}

/** Blocks whose children are inline content: a marker belongs in them. */
export const PHRASING_CONTAINERS = new Set(['paragraph', 'heading', 'tableCell']);

function plainLength(node: Nodes): number {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value.length;
  if (isParent(node) && !node.data?.hChildren) return (node.children as Nodes[]).reduce((sum, c) => sum + plainLength(c), 0);
  return 0;
}

/**
 * Wrap the plain-text range [start, end) of `block` in wrapper nodes, one per
 * text leaf it touches, as annotation tools highlight a selection: markup is
 * never broken, so a quote may span a link or emphasis.
 *
 * @returns where a marker can follow the range: the paragraph (or other
 *   phrasing container, even inside a list or a blockquote) that holds its
 *   end, and the child of it to insert after, so that the marker never nests
 *   inside a link or emphasis, nor lands between list items.
 */
export function wrapRange(block: Parent, start: number, end: number, wrap: (text: Text) => PhrasingContent): { parent: Parent; after: RootContent } {
  const { segments } = textSegments(block);
  let last: { parent: Parent; after: RootContent } | undefined;
  for (const segment of segments) {
    if (segment.end <= start || segment.start >= end) continue;
    const from = Math.max(start, segment.start) - segment.start;
    const to = Math.min(end, segment.end) - segment.start;
    const { node } = segment;
    const parent = segment.path.at(-1)!;
    const pieces: PhrasingContent[] = [];
    if (from > 0) pieces.push({ type: 'text', value: node.value.slice(0, from) });
    const wrapped = wrap({ type: 'text', value: node.value.slice(from, to) });
    pieces.push(wrapped);
    if (to < node.value.length) pieces.push({ type: 'text', value: node.value.slice(to) });
    parent.children.splice(parent.children.indexOf(node as never), 1, ...(pieces as never[]));
    const container = segment.path.findIndex((ancestor) => PHRASING_CONTAINERS.has(ancestor.type));
    const at = container === -1 ? 0 : container;
    last = { parent: segment.path[at]!, after: (segment.path[at + 1] as RootContent | undefined) ?? wrapped };
  }
  if (!last) throw new Error(`range ${start}-${end} holds no text`);
  return last;
}
