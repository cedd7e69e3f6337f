/**
 * rehypeReadingParts: the transform's last stage, on the finished HTML tree.
 * It adds to the reading's result the parts other pages reuse (see
 * `ReadingParts`): each argument's section, and each note's content (a full
 * text's unplaced notes' too), as HTML cut from the very tree the reading
 * page renders, so they are exactly what the page shows. The handlers that
 * made those elements marked them (`handlers/parts.ts`).
 */
import type { Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import type { ReadingParts } from '../reading/parts.ts';
import { RESULT_KEY, type ReadingResult } from '../reading/result.ts';
// Declares `readingPart` on hast elements' data.
import type {} from './handlers/parts.ts';

/** The rehype plugin: each marked element's HTML, in reading order, into the reading's result. */
export default function rehypeReadingParts() {
  return (tree: Root, file: VFile) => {
    const result = (file.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro?.frontmatter?.[RESULT_KEY] as ReadingResult | undefined;
    // A text that did not fit has no result: its problems are reported (or handed to the importer) already.
    if (!result) return;
    const parts: ReadingParts = { sections: {}, notes: {} };
    visit(tree, 'element', (element) => {
      const part = element.data?.readingPart;
      if (part?.kind === 'section') parts.sections[part.id] = toHtml(element);
      if (part?.kind !== 'note') return undefined;
      parts.notes[part.id] = toHtml(part.content).trim();
      return SKIP;
    });
    result.parts = parts;
  };
}
