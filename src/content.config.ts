/**
 * The readings collection: one Markdown file per reading in content/readings/.
 *
 * Rendering is deferred to page build time (`deferRender`): when a plugin
 * rejects a reading (a cue not found, a note that does not anchor), the error
 * then fails `astro build` instead of being logged while an empty page ships.
 *
 * A full-text edition imported by the reader (`<slug>.full.md`, git-ignored)
 * supersedes the reader's edition `<slug>.md` and keeps its id, so the reading
 * keeps its URL. The folder is listed when the config loads: restart
 * `astro dev` after importing or deleting a full text.
 */
import { readdirSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import type { Loader } from 'astro/loaders';
import { READINGS_FOLDER, readingId, readingPatterns } from './reading/files.ts';
import { readingSchema } from './reading/schema.ts';

const base = new URL(`../${READINGS_FOLDER}/`, import.meta.url);

function filesIn(folder: URL): string[] {
  try {
    return readdirSync(fileURLToPath(folder));
  } catch {
    return [];
  }
}

const patterns = readingPatterns(filesIn(base));
const superseded = new Set(patterns.filter((pattern) => pattern.startsWith('!')).map((pattern) => pattern.slice(1).replace(/\\(.)/g, '$1')));
const files = glob({ base, pattern: patterns, generateId: ({ entry }) => readingId(entry), deferRender: true });

/**
 * The glob loader, minus what the content cache remembers of a reader's
 * edition that a full text now supersedes: left there, it would make Astro
 * warn that two files share the reading's id on the first build after an
 * import.
 */
const loader: Loader = {
  ...files,
  load: async (context) => {
    for (const [id, entry] of context.store.entries()) if (entry.filePath && superseded.has(basename(entry.filePath))) context.store.delete(id);
    return files.load(context);
  },
};

const readings = defineCollection({ loader, schema: readingSchema });

export const collections = { readings };
