/**
 * The readings collection: one Markdown file per reading in content/readings/.
 *
 * Rendering is deferred to page build time (`deferRender`): when a plugin
 * rejects a reading (a cue not found, a note that does not anchor), the error
 * then fails `astro build` instead of being logged while an empty page ships.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { readingSchema } from './lib/reading-schema.ts';

const readings = defineCollection({
  loader: glob({ base: './content/readings', pattern: '*.md', deferRender: true }),
  schema: readingSchema,
});

export const collections = { readings };
