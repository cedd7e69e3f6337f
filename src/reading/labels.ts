/**
 * What the pages need to know about a reading beyond its frontmatter: its
 * edition's label and the words a reader sees for it.
 */
import type { Reading } from './schema.ts';
import { formatPartialDate } from './dates.ts';

/** How the page names each edition. */
export const EDITION_LABELS: Record<Reading['edition'], string> = {
  summary: 'The editors’ summary: what the author argues, reported in our own words',
  full: 'Full-text edition: the original article, imported by the reader',
};

/**
 * How an argument is named everywhere: its section, the map, previews and
 * social images. `·` in running labels, `:` in titles.
 *
 * @example reasonLabel(1, 3, 'Geopolitical') // => 'Reason 2 of 3 · Geopolitical'
 */
export const reasonLabel = (index: number, count: number, label: string, separator: ' · ' | ': ' = ' · ') =>
  `Reason ${index + 1} of ${count}${separator}${label}`;

/** "The Hill, March 2022", or "The Hill" when the date is unknown. */
export const citationLine = ({ source }: Reading) => (source.published ? `${source.publication}, ${formatPartialDate(source.published)}` : source.publication);

/**
 * The reading the site root shows, when the site has exactly one; with more,
 * the root lists them. The sitemap follows the same rule.
 */
export const soleReading = <T>(readings: T[]): T | undefined => (readings.length === 1 ? readings[0] : undefined);
