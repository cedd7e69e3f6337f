/** The mark a handler leaves on an element other pages reuse, for `rehypeReadingParts`. */
import type { Element, ElementContent, ElementData } from 'hast';

/** A part of the reading other pages reuse: an argument's section whole, or a note's content. */
export type ReadingPart = { kind: 'section'; id: string } | { kind: 'note'; id: string; content: ElementContent[] };

declare module 'hast' {
  interface ElementData {
    /** Set by the handler that made the element; never rendered. */
    readingPart?: ReadingPart;
  }
}

/** Mark `element` as a part other pages reuse. */
export function markPart(element: Element, part: ReadingPart): void {
  // hast-util-from-parse5 declares `position` on every element's data, though it sets it only when parsing verbosely.
  element.data = { ...element.data, readingPart: part } as ElementData;
}
