/**
 * What a reading's citation is, as CSL-JSON (the data model of citation
 * styles and reference managers): two items, our annotated reading and the
 * original op-ed it is based on. Built from the frontmatter alone, so the
 * page, the downloads and the tests agree, and nothing is invented: a date
 * or URL the frontmatter does not give is left out, never guessed.
 */
import { parse as parseName } from '@citation-js/name';
import type { Reading } from '../reading/schema.ts';
import { argumentHeading, SITE_NAME, type ReadingWithId, type SiteLocation } from './meta.ts';
import { argumentPath, readingPath, siteUrl } from './urls.ts';

/** A CSL-JSON date: year, month and day, as many as are known. */
export interface CslDate {
  'date-parts': [number[]];
}

/** A CSL name: a person's parts, or an organisation's `literal` name. */
export type CslName = { literal: string } | { given?: string; family: string; 'non-dropping-particle'?: string; 'dropping-particle'?: string };

/** The CSL-JSON fields we write. */
export interface CslItem {
  id: string;
  type: 'webpage' | 'article-newspaper';
  title: string;
  author: CslName[];
  genre: string;
  issued?: CslDate;
  URL?: string;
  'container-title'?: string;
  note?: string;
}

/**
 * A partial date's parts, with exactly its precision.
 *
 * @example cslDate('2022-03') // => { 'date-parts': [[2022, 3]] }
 */
export const cslDate = (date: string): CslDate => ({ 'date-parts': [date.split('-').map(Number)] });

/**
 * The original op-ed: its author, title, publication and date as precise as
 * the frontmatter gives it, and its URL only when the reading has one.
 * Its note says that our reading is based on it.
 */
export function originalItem({ id, data: reading }: ReadingWithId): CslItem {
  const { source } = reading;
  return {
    id: `original-${id}`,
    type: 'article-newspaper',
    title: reading.title,
    author: [authorName(reading)],
    genre: 'Opinion',
    'container-title': source.publication,
    ...(source.published && { issued: cslDate(source.published) }),
    ...(source.url && { URL: source.url }),
    note: `An annotated reading by ${SITE_NAME} is based on this article.`,
  };
}

/**
 * Our annotated reading, dated by the day its notes were last checked. On an
 * argument's page it cites that page, by its own URL and heading.
 */
export function readingItem({ id, data: reading }: ReadingWithId, location: SiteLocation, argumentIndex?: number): CslItem {
  const argument = argumentIndex === undefined ? undefined : reading.arguments[argumentIndex]!;
  return {
    id: argument ? `gloss-${id}-${argument.id}` : `gloss-${id}`,
    type: 'webpage',
    title: argument ? `${reading.title} — ${argumentHeading(reading, argumentIndex!)}` : reading.title,
    author: [{ literal: SITE_NAME }],
    genre: 'Annotated reading',
    // No publisher: it would repeat the author, and APA leaves out a site name that is already the author.
    ...(reading.annotated && { issued: cslDate(reading.annotated) }),
    URL: siteUrl(location.site, location.base, argument ? argumentPath(id, argument.id) : readingPath(id)),
  };
}

/**
 * Both items a page cites: our reading (or one argument's page) first, then
 * the original it is based on.
 */
export function citationItems(entry: ReadingWithId, location: SiteLocation, argumentIndex?: number): [CslItem, CslItem] {
  return [readingItem(entry, location, argumentIndex), originalItem(entry)];
}

/**
 * The author as a person's name in parts ("Latham, A." in APA), parsed by
 * citation-js's name parser.
 */
function authorName(reading: Reading): CslName {
  const name = parseName(reading.author.name) as CslName | undefined;
  return name && 'family' in name && name.family ? name : { literal: reading.author.name };
}
