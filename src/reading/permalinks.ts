/**
 * The part of the markup contract (markup.ts) the copy-link script shares
 * with the pages: how a section's permalink and its copy button are named,
 * and the classes the script adds. A module of its own, with nothing else
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
