/** The hast the handlers build: elements with exactly the properties given, in the order given. */
import type { Element, ElementContent, Properties, Text } from 'hast';

/** An element with these properties (not normalised, as mdast-util-to-hast's `hProperties` are not) and children. */
export const element = (tagName: string, properties: Properties, children: ElementContent[]): Element => ({ type: 'element', tagName, properties, children });

/** A text node. */
export const text = (value: string): Text => ({ type: 'text', value });
