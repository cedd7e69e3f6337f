/** The link-preview image of one argument: /<reading>/<argument>/og.png. */
import type { APIRoute } from 'astro';
import { argumentPaths, type ArgumentProps } from '../../../site/reading-pages.ts';
import { argumentCard, socialImage, socialImageCache } from '../../../site/social-image.ts';

export const getStaticPaths = argumentPaths;

export const GET: APIRoute = async ({ props }) => {
  const { entry, index } = props as ArgumentProps;
  return new Response(await socialImage(argumentCard(entry.data, index), { cacheDir: socialImageCache() }), { headers: { 'Content-Type': 'image/png' } });
};
