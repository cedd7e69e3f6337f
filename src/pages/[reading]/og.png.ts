/** The link-preview image of a reading: /<reading>/og.png. */
import type { APIRoute } from 'astro';
import { readingPaths, type ReadingProps } from '../../site/reading-pages.ts';
import { readingCard, socialImage, socialImageCache } from '../../site/social-image.ts';

export const getStaticPaths = readingPaths;

export const GET: APIRoute = async ({ props }) => {
  const { entry } = props as ReadingProps;
  return new Response(await socialImage(readingCard(entry.data), { cacheDir: socialImageCache() }), { headers: { 'Content-Type': 'image/png' } });
};
