/**
 * Which file of content/readings/ the site builds for each reading. A reading
 * is `<slug>.md`, our reader's edition; a reader who imports the article
 * (`npm run import`) adds `<slug>.full.md`, its full-text edition, which then
 * takes the reading's place: same id, same URL, same notes.
 */

export const FULL_TEXT_SUFFIX = '.full.md';

/** Glob metacharacters, escaped so that a file name is matched literally. */
const escapeGlob = (name: string) => name.replace(/[\\*?[\]{}()!+@]/g, '\\$&');

/**
 * The glob patterns for the readings in `files` (the folder's file names):
 * every Markdown file, except a reader's edition whose full text is present.
 *
 * @example readingPatterns(['a.md', 'a.full.md', 'b.md']) // => ['*.md', '!a.md']
 */
export function readingPatterns(files: string[]): string[] {
  const present = new Set(files);
  const superseded = files
    .filter((file) => file.endsWith(FULL_TEXT_SUFFIX))
    .map((file) => `${file.slice(0, -FULL_TEXT_SUFFIX.length)}.md`)
    .filter((summary) => present.has(summary))
    .sort();
  return ['*.md', ...superseded.map((summary) => `!${escapeGlob(summary)}`)];
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
