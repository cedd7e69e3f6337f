/** /feed.xml: every reading, newest annotated first (see src/site/feed.ts). */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { feedOptions } from '../site/feed.ts';

export const GET: APIRoute = async ({ site }) => rss(feedOptions(await getCollection('readings'), { site: site!, base: import.meta.env.BASE_URL }));
