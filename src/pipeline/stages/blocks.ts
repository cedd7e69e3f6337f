/** The text's blocks, as the stages that quote it (forecasts, notes) search them. */
import type { Parent, Root } from 'mdast';

/** Blocks whose text notes (and forecasts) may quote: children of sections, or of the root. */
export function topLevelBlocks(tree: Root): Parent[] {
  const blocks: Parent[] = [];
  for (const node of tree.children) {
    if (node.type === 'footnoteDefinition' || node.type === 'definition') continue;
    if (node.type === 'readingSection') {
      for (const child of node.children) if ('children' in child) blocks.push(child);
    } else if ('children' in node) blocks.push(node);
  }
  return blocks;
}
