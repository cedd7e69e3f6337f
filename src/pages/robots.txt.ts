/**
 * /robots.txt: everything may be crawled; the sitemap is named with its
 * absolute URL, base path included. (Crawlers read robots.txt only at the
 * root of a host: under a sub-path it is harmless, and the sitemap can be
 * submitted by hand.)
 */
import type { APIRoute } from 'astro';
import { siteUrl } from '../site/urls.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(`User-agent: *\nDisallow:\n\nSitemap: ${siteUrl(site!, import.meta.env.BASE_URL, 'sitemap.xml')}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
