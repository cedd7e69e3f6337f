/**
 * /sitemap.xml: the canonical URL of every page, absolute, under the base
 * path. The root is listed only when it is a list of readings; when it shows
 * the one reading, that reading's own URL is the canonical one.
 */
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { soleReading } from '../reading/labels.ts';
import { argumentPath, readingPath, siteUrl } from '../site/urls.ts';

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export const GET: APIRoute = async ({ site }) => {
  const readings = await getCollection('readings');
  const paths = [
    ...(soleReading(readings) ? [] : ['']),
    ...readings.flatMap((entry) => [readingPath(entry.id), ...entry.data.arguments.map((argument) => argumentPath(entry.id, argument.id))]),
  ];
  const urls = paths.map((path) => `  <url><loc>${escapeXml(siteUrl(site!, import.meta.env.BASE_URL, path))}</loc></url>`);
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
