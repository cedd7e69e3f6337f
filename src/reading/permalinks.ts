/**
 * The part of the markup contract (markup.ts) the copy script shares with
 * the pages: how a section's permalink and its copy button are named, the
 * classes the script adds, and the "Cite this reading" block whose
 * citations it copies. A module of its own, with nothing else
 * in it, so the script's bundle is these few words.
 */

/**
 * How a section's permalink and its copy button are named for a listener,
 * from the same words: "Link to reason 2: Geopolitical" and "Copy link to
 * reason 2: Geopolitical".
 */
export const linkLabel = (where: string) => `Link to ${where}`;
export const copyLinkLabel = (where: string) => `Copy link to ${where}`;

/** The classes of the button the script adds and of its status line. */
export const COPY_LINK = 'copy-link';
export const COPY_STATUS = 'copy-status';

/** The "Cite this reading" block, and each formatted citation in it: the script copies them all, one after the other. */
export const CITE_BLOCK = 'cite';
export const CITATION = 'citation';
