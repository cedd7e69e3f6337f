/**
 * A reading's citation items (citation.ts) in the forms people use, all
 * written by citation-js at build time, offline: the formatted citation a
 * reader copies (APA, through its CSL plugin), and the files a reference
 * manager imports (BibTeX, RIS, CSL-JSON).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-ris';
import type { CslItem } from './citation.ts';

/** Each download's file extension, its name for readers, and its media type. */
export const CITATION_FILES = [
  { extension: 'bib', label: 'BibTeX', type: 'application/x-bibtex; charset=utf-8' },
  { extension: 'ris', label: 'RIS', type: 'application/x-research-info-systems; charset=utf-8' },
  { extension: 'json', label: 'CSL-JSON', type: 'application/vnd.citationstyles.csl+json; charset=utf-8' },
] as const;

/** A citation file's extension: `cite.bib`, `cite.ris`, `cite.json`. */
export type CitationFileExtension = (typeof CITATION_FILES)[number]['extension'];

/** The style, locale and output of the formatted citation. */
const APA = { format: 'text', template: 'apa', lang: 'en-US' } as const;

/** The project's cache of formatted citations: git-ignored with node_modules, private to each copy of the project. */
export const citationCache = (root = process.cwd()) => path.join(root, 'node_modules/.cache/gloss/citations');

const versionHashes = new Map<string, string>();

/**
 * A hash of what besides the item decides the text: the versions of
 * citation-js and of citeproc (whose package holds the APA style and the
 * en-US locale we format with), resolved from `resolveFrom`.
 */
function toolsHash(resolveFrom: string): string {
  let hash = versionHashes.get(resolveFrom);
  if (hash === undefined) {
    const require = createRequire(path.join(resolveFrom, 'package.json'));
    const version = (file: string) => (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
    const csl = require.resolve('@citation-js/plugin-csl/package.json');
    const versions = {
      core: version(require.resolve('@citation-js/core/package.json')),
      csl: version(csl),
      citeproc: version(createRequire(csl).resolve('citeproc/package.json')),
    };
    hash = createHash('sha256')
      .update(JSON.stringify([versions, APA]))
      .digest('hex');
    versionHashes.set(resolveFrom, hash);
  }
  return hash;
}

/** Where a formatted citation comes from. */
export interface FormatOptions {
  /** Folder that keeps formatted citations by the hash of their inputs, and is read before formatting. Default: none, always format. */
  cacheDir?: string;
  /** Folder from which citation-js and citeproc are resolved, for their versions. Default: `process.cwd()`, the project being built. */
  resolveFrom?: string;
}

const formatted = new Map<string, string>();

/**
 * One item in APA style, as plain text: what the page shows and the Copy
 * button copies. citeproc is the costliest step of a page's build after the
 * social images, and each page of a reading cites the same original: an item
 * is formatted once per build, keyed by all of its fields. With a
 * `cacheDir`, a text is also kept across builds (like the social images), in
 * a file named by a hash of the item, the style and locale, and the versions
 * of citation-js and citeproc: a rebuild formats only the items that changed,
 * and never starts citeproc when none did.
 */
export function formattedCitation(item: CslItem, options: FormatOptions = {}): string {
  const key = JSON.stringify(item);
  const kept = `${options.cacheDir ?? ''}\n${key}`;
  let text = formatted.get(kept);
  if (text !== undefined) return text;
  const cached =
    options.cacheDir &&
    path.join(
      options.cacheDir,
      `${createHash('sha256')
        .update(toolsHash(options.resolveFrom ?? process.cwd()))
        .update(key)
        .digest('hex')}.txt`,
    );
  if (cached) text = readCached(cached);
  if (text === undefined) {
    text = new Cite([item]).format('bibliography', APA).trim();
    if (cached) {
      // Written whole, then renamed: a build running alongside reads a complete text or none.
      mkdirSync(options.cacheDir!, { recursive: true });
      const temp = `${cached}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      writeFileSync(temp, text);
      renameSync(temp, cached);
    }
  }
  formatted.set(kept, text);
  return text;
}

function readCached(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * citation-js writes a newspaper article (RIS `NEWS`) without its author and
 * with its year alone. As a magazine article (`MGZN`) it keeps the author,
 * the date as precise as we know it and the publication, which matter more
 * to a reader than the kind of periodical.
 */
const forRis = (item: CslItem) => (item.type === 'article-newspaper' ? { ...item, type: 'article-magazine' } : item);

/** The items as the text of a download. */
export function citationFile(items: CslItem[], extension: CitationFileExtension): string {
  switch (extension) {
    case 'bib':
      return `${new Cite(items).format('bibtex').trim()}\n`;
    case 'ris':
      return `${new Cite(items.map(forRis)).format('ris').trim()}\n`;
    case 'json':
      return `${JSON.stringify(items, null, 2)}\n`;
  }
}
