/**
 * Build mdast nodes that remark-rehype turns into exactly the HTML element we
 * ask for (`data.hName`), so plugins can add structure, such as sections,
 * margin notes and permalinks, while still working on the Markdown tree.
 */
import type { ElementContent, Properties } from 'hast';
import type { BlockContent, Nodes, PhrasingContent, RootContent } from 'mdast';
// Declares `data.hName`, `hProperties` and `hChildren` on mdast nodes.
import type {} from 'mdast-util-to-hast';

/** A container whose mdast children become the element's children. */
export function mdastElement<T extends RootContent | PhrasingContent = BlockContent>(tagName: string, properties: Properties, children: RootContent[]): T {
  return { type: 'glossElement', data: { hName: tagName, hProperties: properties }, children } as unknown as T;
}

/**
 * A leaf whose content is given as HTML (hast) children. It has no mdast
 * children, so text searches (cues, quotes) never see the text it adds.
 */
export function hastLeaf<T extends RootContent | PhrasingContent = PhrasingContent>(tagName: string, properties: Properties, children: ElementContent[]): T {
  return { type: 'glossElement', data: { hName: tagName, hProperties: properties, hChildren: children } } as unknown as T;
}

/** A hast text node, for `hChildren`. */
export const hastText = (value: string): ElementContent => ({ type: 'text', value });

/** Whether an mdast node becomes an element with this class. */
export function hasClass(node: Nodes, name: string): boolean {
  const className = (node.data?.hProperties as { className?: unknown } | undefined)?.className;
  return Array.isArray(className) && className.includes(name);
}
