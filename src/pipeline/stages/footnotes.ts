/** Markdown footnotes (`[^x]`) become notes too: each anchors at its reference, and its definition is its text. */
import type { BlockContent, FootnoteDefinition, Nodes, Parent, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { ids } from '../../reading/markup.ts';
import { textSegments } from '../mdast-text.ts';
import { splitGist } from '../note-gist.ts';
import type { Anchor } from './note-anchors.ts';

/** Take the footnote definitions out of the tree and return an anchor at each one's reference; record every problem in `problems`. */
export function footnoteAnchors(tree: Root, blocks: Parent[], problems: string[]): Anchor[] {
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
