/** /sitemap.xml: every canonical page (see `sitemapXml`). */
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { sitemapXml } from '../site/sitemap.ts';

export const GET: APIRoute = async ({ site }) =>
  new Response(sitemapXml(await getCollection('readings'), { site: site!, base: import.meta.env.BASE_URL }), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
