/** The reading's margin notes as a W3C Web Annotation collection: /<reading>/annotations.jsonld. */
import type { APIRoute } from 'astro';
import { annotationCollection } from '../../lib/annotations.ts';
import { noteBodies, parseHtml } from '../../lib/html-fragments.ts';
import { readingHtml, readingPaths, type ReadingProps } from '../../lib/reading-pages.ts';
import { annotationsPath, readingPath, siteUrl } from '../../lib/site-urls.ts';

export const getStaticPaths = readingPaths;

export const GET: APIRoute = async ({ props, site }) => {
  const { entry } = props as ReadingProps;
  const base = import.meta.env.BASE_URL;
  const collection = annotationCollection({
    reading: entry.data,
    collectionUrl: siteUrl(site!, base, annotationsPath(entry.id)),
    readingUrl: siteUrl(site!, base, readingPath(entry.id)),
    homepage: siteUrl(site!, base, ''),
    noteHtml: noteBodies(parseHtml(await readingHtml(entry))),
    file: entry.filePath ?? entry.id,
  });
  return new Response(JSON.stringify(collection, null, 2), {
    headers: { 'Content-Type': 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"' },
  });
};
