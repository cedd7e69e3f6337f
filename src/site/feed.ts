/**
 * The feed of every reading (RSS 2.0, written by @astrojs/rss): newest
 * annotated first, each entry with the reading's title, its thesis as the
 * summary, the original's author and the day the notes were last checked.
 * A reading with no `annotated` date has no date in the feed and comes last.
 */
import type { RSSOptions } from '@astrojs/rss';
import { SITE_NAME, type ReadingWithId, type SiteLocation } from './meta.ts';
import { FEED_PATH, readingPath, siteUrl } from './urls.ts';
import { escapeXml } from './xml.ts';

/** How the head and the footer name the feed. */
export const FEED_TITLE = `${SITE_NAME}: annotated readings`;

/** Newest `annotated` first; undated readings last; ties by title, then id, so the order never depends on the file system. */
export function feedOrder(readings: ReadingWithId[]): ReadingWithId[] {
  return [...readings].sort(
    (a, b) => (b.data.annotated ?? '').localeCompare(a.data.annotated ?? '') || a.data.title.localeCompare(b.data.title) || a.id.localeCompare(b.id),
  );
}

/** The feed, for @astrojs/rss: absolute URLs under the site's base; nothing from the clock. */
export function feedOptions(readings: ReadingWithId[], { site, base }: SiteLocation): RSSOptions {
  return {
    title: FEED_TITLE,
    description: 'Opinion pieces, with their arguments marked up and our margin notes.',
    site: siteUrl(site, base, ''),
    // The author is a name, not the e-mail address RSS's own <author> wants: Dublin Core's creator.
    xmlns: { dc: 'http://purl.org/dc/elements/1.1/', atom: 'http://www.w3.org/2005/Atom' },
    customData: `<language>en</language><atom:link href="${escapeXml(siteUrl(site, base, FEED_PATH))}" rel="self" type="application/rss+xml"/>`,
    items: feedOrder(readings).map(({ id, data: reading }) => ({
      title: reading.title,
      link: siteUrl(site, base, readingPath(id)),
      description: reading.thesis,
      ...(reading.annotated && { pubDate: new Date(`${reading.annotated}T00:00:00Z`) }),
      customData: `<dc:creator>${escapeXml(reading.author.name)}</dc:creator>`,
    })),
  };
}
