/**
 * Every URL the site publishes, in one place, so that links, canonical URLs,
 * social images, the sitemap and the annotation export all agree, and all
 * respect the base path the site is built for (GLOSS_BASE): the same build
 * works at the root of a host and under a sub-path such as /annotated/.
 *
 * Paths here are relative to the base and never start with a slash:
 *
 * @example argumentPath('china-russia-alliance', 'geopolitical') // => 'china-russia-alliance/geopolitical/'
 * @example sitePath('/annotated/', 'a/') // => '/annotated/a/'
 * @example siteUrl('https://gloss.example', '/annotated/', 'a/') // => 'https://gloss.example/annotated/a/'
 */

/** A reading's page. */
export const readingPath = (reading: string) => `${reading}/`;

/** One argument's own page, the URL people share. */
export const argumentPath = (reading: string, argument: string) => `${reading}/${argument}/`;

/** The social preview image of a reading, or of one of its arguments. */
export const imagePath = (reading: string, argument?: string) => (argument ? `${argumentPath(reading, argument)}og.png` : `${readingPath(reading)}og.png`);

/** The reading's margin notes as a W3C Web Annotation collection. */
export const annotationsPath = (reading: string) => `${readingPath(reading)}annotations.jsonld`;

/** The reading's citations as a file to download: `cite.bib`, `cite.ris` or `cite.json` (CSL-JSON). */
export const citationFilePath = (reading: string, extension: string) => `${readingPath(reading)}cite.${extension}`;

/** The feed of every reading. */
export const FEED_PATH = 'feed.xml';

/**
 * A path as the site links to it: under the base. Tolerates a base with or
 * without its trailing slash, as GLOSS_BASE may be written either way.
 */
export function sitePath(base: string, path: string): string {
  return `${base.replace(/\/*$/, '/')}${path.replace(/^\/+/, '')}`;
}

/** The absolute URL of a path, for canonical links, previews and exports. */
export function siteUrl(site: URL | string, base: string, path: string): string {
  return new URL(sitePath(base, path), site).href;
}
