/**
 * The parts of a reading's rendered text that other pages reuse: each
 * argument's section, for the argument's own page, and each margin note's
 * content, for the Web Annotation export. `rehypeReadingParts` writes them
 * into the reading's result (`reading-result.ts`) while the text is built,
 * from the same tree the reading page shows, so the reading is rendered
 * once and no HTML is parsed back.
 */
import { resultOf } from './result.ts';

/** Each argument's section and each note's content, as HTML cut from the reading page's own tree. */
export interface ReadingParts {
  /** Each argument's `<section>` as HTML, by the argument's id: paragraphs, notes and their numbers as on the reading page. */
  sections: Record<string, string>;
  /**
   * Each margin note's content as HTML, by the note's element id (`note-oil`),
   * in reading order: its gist as a paragraph, then the rest of its text and
   * its sources. Its number and kind, the link back into the page and the
   * popover's Close mean nothing elsewhere and are left out.
   */
  notes: Record<string, string>;
}

/** The parts recorded in a rendered reading's frontmatter (Astro's `remarkPluginFrontmatter`). */
export function partsOf(frontmatter: Record<string, unknown>): ReadingParts {
  const { parts } = resultOf(frontmatter);
  if (!parts) throw new Error('the rendered reading has no parts: rehypeReadingParts did not run on it');
  return parts;
}
