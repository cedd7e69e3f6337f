/** The reading's margin notes and scored forecasts as a W3C Web Annotation collection: /<reading>/annotations.jsonld. */
import type { APIRoute } from 'astro';
import { annotationCollection } from '../../site/annotations.ts';
import { forecastPlacesOf, scoredForecasts } from '../../reading/forecasts.ts';
import { outlineOf } from '../../reading/outline.ts';
import { readingPaths, renderReading, type ReadingProps } from '../../site/reading-pages.ts';
import { partsOf } from '../../reading/parts.ts';
import { annotationsPath, readingPath, siteUrl } from '../../site/urls.ts';

export const getStaticPaths = readingPaths;

export const GET: APIRoute = async ({ props, site }) => {
  const { entry } = props as ReadingProps;
  const base = import.meta.env.BASE_URL;
  // The forecasts as the page scores them, with the numbers its notes got.
  const { remarkPluginFrontmatter } = await renderReading(entry);
  const forecasts = scoredForecasts(entry.data, outlineOf(remarkPluginFrontmatter), forecastPlacesOf(remarkPluginFrontmatter));
  const collection = annotationCollection({
    reading: entry.data,
    collectionUrl: siteUrl(site!, base, annotationsPath(entry.id)),
    readingUrl: siteUrl(site!, base, readingPath(entry.id)),
    homepage: siteUrl(site!, base, ''),
    noteHtml: new Map(Object.entries(partsOf(remarkPluginFrontmatter).notes)),
    file: entry.filePath ?? entry.id,
    forecasts,
  });
  return new Response(JSON.stringify(collection, null, 2), {
    headers: { 'Content-Type': 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"' },
  });
};
