/**
 * What a reading file is, and which one the site builds for each reading. A
 * reading is `<slug>.md` in content/readings/, our reader's edition; a reader
 * who imports the article (`npm run import`) adds `<slug>.full.md`, its
 * full-text edition, which then takes the reading's place: same id, same URL,
 * same notes. Every other Markdown file (an About page in src/pages/) is
 * ordinary Markdown, untouched by the reading plugins.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** How a full-text edition's file name ends: `<slug>.full.md` supersedes `<slug>.md`. */
export const FULL_TEXT_SUFFIX = '.full.md';

/** The readings' folder, relative to the project's root. */
export const READINGS_FOLDER = 'content/readings';

/**
 * The glob, relative to the readings' folder, that the content collection
 * loads: the same files as `isReadingName` (the glob skips hidden files).
 */
export const READING_GLOB = '*.md';

/** The readings' folder of the project at `root`, as an absolute path. */
export const readingsFolderOf = (root: string): string => path.join(root, READINGS_FOLDER);

/**
 * Whether a file name in the readings' folder is a reading file, of either
 * edition: Markdown and not hidden (an import's temporary file is hidden).
 */
export const isReadingName = (name: string): boolean => name.endsWith('.md') && !name.startsWith('.');

/** Whether a file name in the readings' folder is a reader's edition, the file a full text is imported into. */
export const isReadersEdition = (name: string): boolean => isReadingName(name) && !name.endsWith(FULL_TEXT_SUFFIX);

/**
 * Whether `file` (a path or a `file:` URL, as a vfile or Astro gives it) is a
 * reading: a reading file directly in `folder`, an absolute path. A file
 * without a path is not. Like Starlight's `shouldTransformFile`, this is what
 * keeps the reading plugins off every other Markdown page.
 *
 * @example isReadingFile('/site/content/readings/a.md', '/site/content/readings') // => true
 * @example isReadingFile('/site/src/pages/about.md', '/site/content/readings')     // => false
 */
export function isReadingFile(file: string | URL | undefined, folder: string): boolean {
  if (!file) return false;
  const filePath = file instanceof URL || file.startsWith('file:') ? fileURLToPath(file) : path.resolve(file);
  return path.dirname(filePath) === path.resolve(folder) && isReadingName(path.basename(filePath));
}

/** Glob metacharacters, escaped so that a file name is matched literally. */
const escapeGlob = (name: string) => name.replace(/[\\*?[\]{}()!+@]/g, '\\$&');

/**
 * The glob patterns for the readings in `files` (the folder's file names):
 * every Markdown file, except a reader's edition whose full text is present.
 *
 * @example readingPatterns(['a.md', 'a.full.md', 'b.md']) // => ['*.md', '!a.md']
 */
export function readingPatterns(files: string[]): string[] {
  const readings = files.filter(isReadingName);
  const present = new Set(readings);
  const superseded = readings
    .filter((file) => file.endsWith(FULL_TEXT_SUFFIX))
    .map((file) => `${file.slice(0, -FULL_TEXT_SUFFIX.length)}.md`)
    .filter((summary) => present.has(summary))
    .sort();
  return [READING_GLOB, ...superseded.map((summary) => `!${escapeGlob(summary)}`)];
}

/**
 * A reading's id (its URL segment) from its file name, whichever edition:
 * `x.full.md` and `x.md` are both `x`. Like Astro's default, the name is
 * lower-cased and spaces become hyphens.
 *
 * @example readingId('china-russia-alliance.full.md') // => 'china-russia-alliance'
 */
export function readingId(file: string): string {
  const base = file.endsWith(FULL_TEXT_SUFFIX) ? file.slice(0, -FULL_TEXT_SUFFIX.length) : file.replace(/\.md$/, '');
  return base
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}
