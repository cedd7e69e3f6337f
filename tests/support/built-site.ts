/**
 * The files of a built site, found by walking its folder: every gate runs
 * over every page, including pages that features add later.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';

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
