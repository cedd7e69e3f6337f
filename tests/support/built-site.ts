/**
 * The files of a built site, found by walking its folder: the gates run over
 * every page, including pages that features add later (the costliest ones
 * over `committedPages`).
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fixtureReadingIds } from './project.ts';

/** Every file under `dir`, as '/'-separated paths relative to it, sorted. */
export function siteFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

/** Every HTML page under `dir`, e.g. ['404.html', 'index.html', 'a-reading/index.html']. */
export const htmlFiles = (dir: string) => siteFiles(dir).filter((file) => file.endsWith('.html'));

/** Where a host serves `file`, relative to the base: 'a/index.html' → 'a/', 'index.html' → ''. */
export const servedPath = (file: string) => file.replace(/(^|\/)index\.html$/, '$1');

/** Every page of a built and served site, with the URL it is served at. */
export function sitePages(site: { dir: string; url: string }): { file: string; url: string }[] {
  return htmlFiles(site.dir).map((file) => ({ file, url: new URL(servedPath(file), site.url).href }));
}

/**
 * The pages of the e2e site but those of its fixture readings: the committed
 * content, the home page and the 404 page. The gates that load each page in
 * Chromium several times (CSP, no-JS parity, privacy, page weight) walk these;
 * the fixture readings' pages are built from the same components, and vnu,
 * the links gate, reader mode and axe (at two layouts) walk them too.
 */
export async function committedPages(site: { dir: string; url: string }): Promise<{ file: string; url: string }[]> {
  const fixtures = await fixtureReadingIds();
  return sitePages(site).filter(({ file }) => !fixtures.has(file.split('/')[0]!));
}
