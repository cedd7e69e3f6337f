/**
 * The link checker: every internal reference in a built site, from pages,
 * stylesheets, JSON-LD, sitemaps, the feed and robots.txt, must reach a file the site
 * ships, and every #fragment must name an element of the page it points to.
 *
 * It reads the built files as a static host serves them (`index.html` for a
 * folder), so it needs no server. A reference is internal when it is relative
 * or on the site's own origin; it must then also stay under the base path.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { siteFiles, servedPath } from './built-site.ts';
import { parseHtml } from './html.ts';

/** Attributes (hast property names) whose value is a URL a user or browser follows. */
const URL_PROPERTIES = ['href', 'src', 'action', 'poster', 'data', 'xLinkHref'] as const;

interface Reference {
  /** The file it appears in, relative to the site folder. */
  from: string;
  url: string;
}

/**
 * Check the site built in `dir` for `siteUrl` (origin and base, e.g.
 * https://gloss.example/annotated/). Returns one line per broken reference,
 * e.g. `index.html: #economc → no element with id "economc" in index.html`.
 */
export function brokenLinks(dir: string, siteUrl: string): string[] {
  const site = new URL(siteUrl);
  const files = new Set(siteFiles(dir));
  const pages = new Map<string, Root>();
  const references: Reference[] = [];
  for (const file of files) {
    const read = () => readFileSync(path.join(dir, file), 'utf8');
    if (file.endsWith('.html')) {
      const tree = parseHtml(read());
      pages.set(file, tree);
      references.push(...htmlReferences(tree).map((url) => ({ from: file, url })));
    } else if (file.endsWith('.css')) references.push(...cssReferences(read()).map((url) => ({ from: file, url })));
    else if (file.endsWith('.xml'))
      // A sitemap's <loc>s; a feed's <link>s and its atom:link to itself.
      references.push(
        ...[...read().matchAll(/<(loc|link)>\s*([^<\s]+)\s*<\/\1>|<atom:link\b[^>]*\bhref="([^"]+)"/g)].map(([, , text, href]) => ({
          from: file,
          url: decodeXml((text ?? href)!),
        })),
      );
    else if (file === 'robots.txt') references.push(...[...read().matchAll(/^sitemap:\s*(\S+)/gim)].map(([, url]) => ({ from: file, url: url! })));
  }

  const idsOf = new Map<string, Set<string>>();
  const ids = (file: string) => {
    if (!idsOf.has(file)) idsOf.set(file, elementIds(pages.get(file)!));
    return idsOf.get(file)!;
  };

  const broken: string[] = [];
  for (const { from, url } of references) {
    const problem = checkReference(url, new URL(servedPath(from), site), site, files, ids);
    if (problem) broken.push(`${from}: ${url} → ${problem}`);
  }
  return broken;
}

function checkReference(reference: string, base: URL, site: URL, files: Set<string>, ids: (file: string) => Set<string>): string | undefined {
  let target: URL;
  try {
    target = new URL(reference, base);
  } catch {
    return 'not a valid URL';
  }
  if (!['http:', 'https:'].includes(target.protocol) || target.origin !== site.origin) return undefined;
  if (!target.pathname.startsWith(site.pathname)) return `outside the base path ${site.pathname}`;
  const relative = decodeURIComponent(target.pathname.slice(site.pathname.length));
  const file = relative === '' || relative.endsWith('/') ? `${relative}index.html` : relative;
  if (!files.has(file))
    return files.has(`${file}/index.html`) ? 'missing its trailing slash (the site uses trailingSlash: always)' : `no file ${file} in the build`;
  // ':~:' starts a text fragment directive (`#conclusion-1:~:text=…`): the element is named before it.
  const fragment = decodeURIComponent(target.hash.slice(1)).split(':~:')[0]!;
  // '' and 'top' scroll to the top by definition.
  if (!file.endsWith('.html') || fragment === '' || fragment === 'top') return undefined;
  return ids(file).has(fragment) ? undefined : `no element with id "${fragment}" in ${file}`;
}

function htmlReferences(tree: Root): string[] {
  const urls: string[] = [];
  visit(tree, 'element', (element: Element) => {
    const props = element.properties;
    for (const name of URL_PROPERTIES) if (typeof props[name] === 'string') urls.push(props[name]);
    for (const candidates of [props.srcSet, props.imageSrcSet])
      if (candidates) urls.push(...[candidates].flat().map((candidate) => String(candidate).trim().split(/\s+/)[0]!));
    // Open Graph and similar metadata: absolute URLs that crawlers follow.
    if (element.tagName === 'meta' && typeof props.content === 'string' && /^https?:\/\//.test(props.content)) urls.push(props.content);
    if (element.tagName === 'script' && props.type === 'application/ld+json') urls.push(...jsonUrls(JSON.parse(textOf(element))));
    if (element.tagName === 'style') urls.push(...cssReferences(textOf(element)));
    if (typeof props.style === 'string') urls.push(...cssReferences(props.style));
  });
  return urls;
}

const textOf = (element: Element) => element.children.map((child) => (child.type === 'text' ? child.value : '')).join('');

function jsonUrls(value: unknown): string[] {
  if (typeof value === 'string') return /^https?:\/\//.test(value) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap(jsonUrls);
  if (value && typeof value === 'object') return Object.values(value).flatMap(jsonUrls);
  return [];
}

function cssReferences(css: string): string[] {
  const urls = [...css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)].map(([, , url]) => url!);
  const imports = [...css.matchAll(/@import\s+(['"])([^'"]+)\1/g)].map(([, , url]) => url!);
  return [...urls, ...imports].filter((url) => !url.startsWith('data:') && !url.startsWith('#'));
}

function elementIds(tree: Root): Set<string> {
  const ids = new Set<string>();
  visit(tree, 'element', (element: Element) => {
    const { id, name } = element.properties;
    if (typeof id === 'string') ids.add(id);
    if (element.tagName === 'a' && typeof name === 'string') ids.add(name);
  });
  return ids;
}

const decodeXml = (text: string) =>
  text
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'");
