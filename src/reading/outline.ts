/**
 * What the page around a reading's text needs to know about the rendered
 * text: its sections with their lengths, and the number each note got.
 * The reading transform's outline stage records it while the text is built; the argument
 * map and the section navigator read it, so nothing is counted twice or in
 * the browser.
 */
import type { Note, Reading } from './schema.ts';
import { resultOf } from './result.ts';

/** One section of the text (`introduction`, an argument id, `conclusion`). */
export interface SectionOutline {
  id: string;
  /** Its heading: 'Introduction', 'Reason 2 of 3 · Geopolitical', … */
  title: string;
  /** Words of running text, margin notes excluded. */
  words: number;
}

/** A frontmatter note as the reader meets it. */
export interface NoteOutline {
  /** The number on its marker, as shown in the text. */
  number: number;
  /** Id of the marker after the quoted phrase: the note's place in the text. */
  marker: string;
  /** Id of the note itself. */
  target: string;
  kind: Note['kind'];
}

/** The reading's shape for the map, the navigator and the argument pages: its sections and its notes. */
export interface ReadingOutline {
  /** The sections in reading order. */
  sections: SectionOutline[];
  /** Words in the margin notes, their lists of sources apart. */
  noteWords: number;
  /** The frontmatter's notes, by their id. */
  notes: Record<string, NoteOutline>;
}

/** Reading speed of an adult reading for understanding, in words per minute. */
export const WORDS_PER_MINUTE = 230;

/**
 * The words of a run of text: anything holding a letter or a digit, so a
 * lone dash or a "·" does not count.
 *
 * @example countWords('So, no - 2,000 U.S.-led') // => 4
 */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}][^\s]*/gu)?.length ?? 0;
}

/**
 * Minutes to read `words`, rounded, and never less than one.
 *
 * @example readingMinutes(590) // => 3
 */
export function readingMinutes(words: number, wordsPerMinute = WORDS_PER_MINUTE): number {
  return Math.max(1, Math.round(words / wordsPerMinute));
}

/** Words of running text in the whole reading. */
export const textWords = (outline: ReadingOutline) => outline.sections.reduce((sum, section) => sum + section.words, 0);

/**
 * A section's share of the text's words, as a whole percentage.
 *
 * @example sectionShare({ sections: [{ id: 'a', words: 30 }, { id: 'b', words: 70 }], … }, 'b') // => 70
 */
export function sectionShare(outline: ReadingOutline, id: string): number {
  const section = outline.sections.find((s) => s.id === id);
  if (!section) throw new Error(`the text has no section "${id}"`);
  const total = textWords(outline);
  return total ? Math.round((100 * section.words) / total) : 0;
}

/** The outline a reading's rendering recorded (Astro's `remarkPluginFrontmatter`). */
export const outlineOf = (pluginFrontmatter: Record<string, unknown>): ReadingOutline => resultOf(pluginFrontmatter).outline;

/**
 * The text's sections as the navigator names them: a reason by its short
 * label, any other section by its heading.
 *
 * @example sectionLinks(outline, reading)
 *   // => [{ href: '#introduction', label: 'Introduction' }, { href: '#economic', label: 'Economic' }, …]
 */
export function sectionLinks(outline: ReadingOutline, reading: Pick<Reading, 'arguments'>): { href: string; label: string }[] {
  const labels = new Map(reading.arguments.map((argument) => [argument.id, argument.label]));
  return outline.sections.map((section) => ({ href: `#${section.id}`, label: labels.get(section.id) ?? section.title }));
}
