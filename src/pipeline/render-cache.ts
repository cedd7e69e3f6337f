/**
 * Each reading's render kept on disk across builds, as the social images and
 * the citations are (src/site/social-image.ts, citation-files.ts): Astro
 * renders every reading on every build (the collection defers rendering, so
 * that a reading with problems fails the build), and a warm rebuild then
 * reads the renders back instead of running the transform again.
 *
 * One file per reading, named by a hash of its path, so an edited reading
 * replaces its entry instead of adding one. The file holds the render
 * (`MarkdownRenderResult`: the HTML and the frontmatter with its
 * `ReadingResult`, serialized by node:v8, the algorithm of the
 * `structuredClone` each caller's copy is made with) and the key it was made
 * from: the reading's path, a hash of its content and frontmatter, and the
 * version of everything else that decides it (`transformVersion()`, Astro's
 * Markdown options). Another key, or a file that cannot be read back, is a
 * miss: the reading is rendered and its file written again, never an error.
 *
 * Only a reading that rendered with no problem is kept: a reading with
 * problems fails every build. The warnings of a full-text edition (notes
 * placed approximately or not at all), which its result holds, are printed
 * again when it is read back, so a warm build says what a cold one says.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { MarkdownRenderResult } from '@astrojs/markdown-remark';
import { RESULT_KEY, type ReadingResult } from '../reading/result.ts';

/** The project's cache of rendered readings: git-ignored with node_modules, private to each copy of the project. */
export const renderCacheFolder = (root: string): string => path.join(root, 'node_modules/.cache/gloss/renders');

/** What a file of the cache holds: the key the render was made from, and the render. */
interface Entry {
  key: string;
  result: MarkdownRenderResult;
}

/** The warnings a kept render's transform printed, which its result holds; none if it is not a reading's render. */
const warningsIn = (result: Partial<MarkdownRenderResult> | undefined): string[] | undefined =>
  (result?.metadata?.frontmatter?.[RESULT_KEY] as Partial<ReadingResult> | undefined)?.warnings;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** A file's entry, or none if it is missing, unreadable or not an entry (a write cut short, another format). */
async function readEntry(file: string): Promise<Entry | undefined> {
  try {
    const entry = deserialize(await readFile(file)) as Partial<Entry> | null;
    const valid = typeof entry?.key === 'string' && typeof entry.result?.code === 'string' && Array.isArray(warningsIn(entry.result));
    return valid ? (entry as Entry) : undefined;
  } catch {
    return undefined;
  }
}

/** A folder of renders kept across builds. */
export interface RenderCache {
  /** The render of reading `file` whose content and frontmatter hash to `contentKey`: read back if kept, else made by `render` and kept. */
  render(file: string, contentKey: string, render: () => Promise<MarkdownRenderResult>): Promise<MarkdownRenderResult>;
}

/** The renders kept in `folder`, made by the transform `version` (what besides a reading decides its render). */
export function renderCache(folder: string, version: string): RenderCache {
  return {
    async render(file, contentKey, render) {
      const entryFile = path.join(folder, `${sha256(file)}.v8`);
      const key = sha256(JSON.stringify([version, file, contentKey]));
      const kept = await readEntry(entryFile);
      if (kept?.key === key) {
        for (const warning of warningsIn(kept.result)!) console.warn(warning);
        return kept.result;
      }
      const result = await render();
      // A reading with problems has no ReadingResult (the importer's `onProblems` renders it anyway): never kept.
      if (!(RESULT_KEY in result.metadata.frontmatter)) return result;
      // Written whole, then renamed: a build running alongside reads a complete entry or none.
      await mkdir(folder, { recursive: true });
      const temp = `${entryFile}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      await writeFile(temp, serialize({ key, result } satisfies Entry));
      await rename(temp, entryFile);
      return result;
    },
  };
}
