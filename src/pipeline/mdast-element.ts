/**
 * Build mdast nodes that remark-rehype turns into exactly the HTML element we
 * ask for (`data.hName`), so plugins can add structure, such as sections,
 * margin notes and permalinks, while still working on the Markdown tree.
 */
import type { ElementContent, Properties } from 'hast';
import type { GlossElement, Nodes, RootContent } from 'mdast';
// Declares `data.hName`, `hProperties` and `hChildren` on mdast nodes.
import type {} from 'mdast-util-to-hast';

declare module 'mdast' {
  /**
   * An element of ours in the Markdown tree: remark-rehype turns it into
   * exactly the element `data.hName` names. Registered in mdast's content
   * maps, as mdast-util-directive registers its nodes, so it may stand
   * wherever a block or inline content may, with no casts.
   */
  interface GlossElement extends Parent {
    type: 'glossElement';
    data: GlossElementData;
  }

  interface GlossElementData extends Data {
    hName: string;
    hProperties: Properties;
  }

  interface RootContentMap {
    glossElement: GlossElement;
  }

  interface BlockContentMap {
    glossElement: GlossElement;
  }

  interface PhrasingContentMap {
    glossElement: GlossElement;
  }
}

/** A container whose mdast children become the element's children. */
export function mdastElement(tagName: string, properties: Properties, children: RootContent[]): GlossElement {
  return { type: 'glossElement', data: { hName: tagName, hProperties: properties }, children };
}

/**
 * A leaf whose content is given as HTML (hast) children. It has no mdast
 * children, so text searches (cues, quotes) never see the text it adds.
 */
export function hastLeaf(tagName: string, properties: Properties, children: ElementContent[]): GlossElement {
  return { type: 'glossElement', data: { hName: tagName, hProperties: properties, hChildren: children }, children: [] };
}

/** A hast text node, for `hChildren`. */
export const hastText = (value: string): ElementContent => ({ type: 'text', value });

/** Whether an mdast node becomes an element with this class. */
export function hasClass(node: Nodes, name: string): boolean {
  const className = (node.data?.hProperties as { className?: unknown } | undefined)?.className;
  return Array.isArray(className) && className.includes(name);
}
