/**
 * /sitemap.xml's body: the canonical URL of every page. The root is listed
 * only when it is a list of readings; when it shows the one reading, that
 * reading's own URL is the canonical one.
 */
import { soleReading } from '../reading/labels.ts';
import type { ReadingWithId, SiteLocation } from './meta.ts';
import { argumentPath, readingPath, siteUrl } from './urls.ts';
import { escapeXml } from './xml.ts';

/** The sitemap of these readings, absolute URLs under the site's base. */
export function sitemapXml(readings: ReadingWithId[], { site, base }: SiteLocation): string {
  const paths = [
    ...(soleReading(readings) ? [] : ['']),
    ...readings.flatMap(({ id, data }) => [readingPath(id), ...data.arguments.map((argument) => argumentPath(id, argument.id))]),
  ];
  const urls = paths.map((path) => `  <url><loc>${escapeXml(siteUrl(site, base, path))}</loc></url>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}
