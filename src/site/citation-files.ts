/**
 * A reading's citation items (citation.ts) in the forms people use, all
 * written by citation-js at build time, offline: the formatted citation a
 * reader copies (APA, through its CSL plugin), and the files a reference
 * manager imports (BibTeX, RIS, CSL-JSON).
 */
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

const formatted = new Map<string, string>();

/**
 * One item in APA style, as plain text: what the page shows and the Copy
 * button copies. citeproc is the costliest step of a page's build, and each
 * page of a reading cites the same original: an item is formatted once per
 * build, keyed by all of its fields.
 */
export function formattedCitation(item: CslItem): string {
  const key = JSON.stringify(item);
  let text = formatted.get(key);
  if (text === undefined) {
    text = new Cite([item]).format('bibliography', { format: 'text', template: 'apa', lang: 'en-US' }).trim();
    formatted.set(key, text);
  }
  return text;
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
