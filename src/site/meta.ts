/**
 * What a page tells the machines that read it: link-preview crawlers (Open
 * Graph, Twitter cards), reference managers (Zotero and Google Scholar read
 * `citation_*` tags) and search engines (schema.org JSON-LD).
 *
 * A reading page previews as the reading; an argument page previews as that
 * argument, because crawlers drop `#fragments` and so could never preview
 * `/<reading>/#geopolitical` as anything but the whole page. Both credit the
 * original author and publication.
 */
import { citationLine, reasonLabel } from '../reading/labels.ts';
import type { Reading } from '../reading/schema.ts';
import { claimReviewNodes } from './claim-review.ts';
import { annotationsPath, argumentPath, imagePath, readingPath, siteUrl } from './urls.ts';

/** The site's name in previews and as the publisher of our annotated readings. */
export const SITE_NAME = 'Gloss';

/** The size of every social image: what Open Graph and Twitter cards expect. */
export const IMAGE_SIZE = { width: 1200, height: 630 } as const;

/** A reading with its id (its file name), as the content collection gives it. */
export interface ReadingWithId {
  id: string;
  data: Reading;
}

/** Where the site is served, as Astro knows it: origin (`site`) and base path. */
export interface SiteLocation {
  site: URL | string;
  base: string;
}

/** What a page tells link previews and search engines about itself. */
export interface PageMeta {
  /** og:title / twitter:title. */
  title: string;
  description: string;
  /** The canonical URL, also og:url. */
  url: string;
  image: { url: string; alt: string };
  /** `citation_*` meta tags as [name, content], in the order Zotero expects. */
  citation: [string, string][];
  /**
   * The schema.org description of the page, for its one JSON-LD script: an
   * `Article`, or, on a reading page that scores forecasts, an `@graph` of the
   * `Article` and a `ClaimReview` per forecast (`claim-review.ts`).
   */
  jsonLd: Record<string, unknown>;
  /** The reading's Web Annotation collection. */
  annotations: string;
}

/** "Reason 2 of 3: Geopolitical" */
export function argumentHeading(reading: Reading, index: number): string {
  return reasonLabel(index, reading.arguments.length, reading.arguments[index]!.label, ': ');
}

/** "Reason 2 of 3: Geopolitical — Since 2014, shared resentment …" */
export function argumentTitle(reading: Reading, index: number): string {
  return `${argumentHeading(reading, index)} — ${reading.arguments[index]!.claim}`;
}

/**
 * A partial date as `citation_publication_date` wants it: slashes, and only
 * the precision we have (Google Scholar accepts YYYY, YYYY/MM, YYYY/MM/DD).
 *
 * @example citationDate('2022-03') // => '2022/03'
 */
export const citationDate = (published: string) => published.replace(/-/g, '/');

/**
 * The IRI of the original article. Its own URL when the reading gives one;
 * else (the URL must stay empty rather than be guessed) a fragment of our
 * reading page, `#original`, where the footer cites it. Either way it is
 * stable, and the JSON-LD and the Web Annotation targets use the same one.
 */
export function originalIri(reading: Reading, readingUrl: string): string {
  return reading.source.url ?? `${readingUrl}#original`;
}

/** The page of a whole reading. */
export function readingMeta({ id, data: reading }: ReadingWithId, { site, base }: SiteLocation): PageMeta {
  const url = siteUrl(site, base, readingPath(id));
  const image = {
    url: siteUrl(site, base, imagePath(id)),
    alt: `${reading.title}, by ${reading.author.name} (${citationLine(reading)}): an annotated reading`,
  };
  const original = originalIri(reading, url);
  const article = articleJsonLd(reading, { url, headline: reading.title, description: reading.thesis, image: image.url, original });
  const reviews = claimReviewNodes(reading, { readingUrl: url, original, reviewer: SITE_NAME });
  return {
    title: reading.title,
    description: reading.thesis,
    url,
    image,
    citation: citationTags(reading),
    jsonLd: reviews.length === 0 ? article : withGraph([article, ...reviews]),
    annotations: siteUrl(site, base, annotationsPath(id)),
  };
}

/** Several nodes in one JSON-LD document, under the first one's `@context`. */
function withGraph([first, ...rest]: Record<string, unknown>[]): Record<string, unknown> {
  const { '@context': context, ...node } = first!;
  return { '@context': context, '@graph': [node, ...rest] };
}

/** The page of one argument: it previews as that argument, not as the reading. */
export function argumentMeta(entry: ReadingWithId, index: number, location: SiteLocation): PageMeta {
  const { id, data: reading } = entry;
  const argument = reading.arguments[index]!;
  const whole = readingMeta(entry, location);
  const url = siteUrl(location.site, location.base, argumentPath(id, argument.id));
  const title = argumentTitle(reading, index);
  const description = argumentDescription(reading, index);
  const image = { url: siteUrl(location.site, location.base, imagePath(id, argument.id)), alt: `${title} (${reading.author.name}, ${citationLine(reading)})` };
  const jsonLd = articleJsonLd(reading, { url, headline: title, description, image: image.url, original: originalIri(reading, whole.url) });
  return { ...whole, title, description, url, image, jsonLd: { ...jsonLd, isPartOf: { '@id': whole.url } } };
}

/**
 * An argument's own description: its supporting points when the reading lists
 * them, else where it stands in the article. Never the reading's thesis, so
 * each argument previews as itself.
 */
export function argumentDescription(reading: Reading, index: number): string {
  const argument = reading.arguments[index]!;
  if (argument.points) return `${argument.points.map((point) => point.text).join('; ')}.`;
  return `Reason ${index + 1} of ${reading.arguments.length} in ${reading.author.name}’s “${reading.title}” (${citationLine(reading)}), with our margin notes.`;
}

/** `citation_*` tags crediting the original author and publication. */
export function citationTags(reading: Reading): [string, string][] {
  return [
    ['citation_title', reading.title],
    ['citation_author', reading.author.name],
    ...(reading.source.published ? [['citation_publication_date', citationDate(reading.source.published)] as [string, string]] : []),
    ['citation_journal_title', reading.source.publication],
    ['citation_language', 'en'],
  ];
}

interface ArticleFields {
  url: string;
  headline: string;
  description: string;
  image: string;
  original: string;
}

/**
 * Our page as a schema.org Article that is based on the original opinion
 * piece, which keeps its own author, publisher and date. Our page is
 * created by Gloss: its words (in a reader's edition) and notes are ours.
 */
function articleJsonLd(reading: Reading, fields: ArticleFields): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'Article',
    '@id': fields.url,
    url: fields.url,
    headline: fields.headline,
    description: fields.description,
    image: fields.image,
    inLanguage: 'en',
    keywords: reading.tags,
    creator: { '@type': 'Organization', name: SITE_NAME },
    isBasedOn: {
      '@type': 'OpinionNewsArticle',
      '@id': fields.original,
      headline: reading.title,
      ...(reading.source.published && { datePublished: reading.source.published }),
      author: { '@type': 'Person', name: reading.author.name, ...(reading.author.url && { url: reading.author.url }) },
      publisher: { '@type': 'NewsMediaOrganization', name: reading.source.publication },
      ...(reading.source.url && { url: reading.source.url }),
      ...(reading.source.archive && { archivedAt: reading.source.archive }),
    },
  };
}

/**
 * JSON for a `<script type="application/ld+json">`: `<` is escaped, so no
 * text in a reading can close the script element early.
 *
 * @example scriptJson({ a: '</script>' }) // => '{"a":"\\u003c/script>"}'
 */
export const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');
