/**
 * The markup contract: every id and class name that the pipeline writes and
 * that the components, the stylesheet, the client script, the schema or the
 * tests rely on, defined once. Change a name here and everything that uses
 * it follows; tests/reading/markup.test.ts checks the stylesheet still
 * styles every class it should. What the copy-link script needs is in
 * permalinks.ts, which it imports alone to stay small.
 */
import { CITATION, CITE_BLOCK, COPY_LINK, COPY_STATUS } from './permalinks.ts';

export { CITATION, CITE_BLOCK, COPY_LINK, COPY_STATUS, copyLinkLabel, linkLabel } from './permalinks.ts';

/** Fragments of the page's own parts: an argument may not take one as its id. */
export const PAGE_IDS = {
  text: 'text',
  thesis: 'thesis',
  glance: 'glance',
  original: 'original',
  source: 'source',
  aboutAuthor: 'about-author',
  tags: 'tags',
  forecasts: 'forecasts',
  cite: 'cite',
} as const;

/** The sections before the first argument and from the conclusion's cue. */
export const SECTION_IDS = { introduction: 'introduction', conclusion: 'conclusion' } as const;

/** Ids an argument may not take: the page's own and the text's other sections. */
export const RESERVED_FRAGMENTS: ReadonlySet<string> = new Set([...Object.values(PAGE_IDS), ...Object.values(SECTION_IDS)]);

/** Ids derived from another: a note's element and marker, a section's heading and blocks, a forecast's row. */
export const ids = {
  /** A frontmatter note's element (`oil` → `note-oil`). */
  note: (noteId: string) => `note-${noteId}`,
  /** A note's marker in the text (`note-oil` → `note-oil-ref`). */
  marker: (noteElementId: string) => `${noteElementId}-ref`,
  /** A section's heading (`economic` → `economic-title`). */
  title: (sectionId: string) => `${sectionId}-title`,
  /** A section's nth block (`economic`, 2 → `economic-2`). */
  block: (sectionId: string, n: number) => `${sectionId}-${n}`,
  /** A forecast's row in the scored section (`no-sanctions` → `forecast-no-sanctions`). */
  forecast: (forecastId: string) => `forecast-${forecastId}`,
};

/** Classes the pipeline, the copy script or the citation block writes and the stylesheet styles. */
export const CLASSES = {
  // Sections and their permalinks.
  argument: 'argument',
  sectionHeader: 'section-header',
  argumentHeader: 'argument-header',
  argumentClaim: 'argument-claim',
  permalink: 'permalink',
  pilcrow: 'pilcrow',
  // A paragraph holding notes, the phrase a note comments on, and its markers.
  passage: 'passage',
  anchor: 'anchor',
  noteMark: 'note-mark',
  noteRef: 'note-ref',
  noteToggle: 'note-toggle',
  // A note and its parts.
  sidenote: 'sidenote',
  sidenoteReveal: 'sidenote-reveal',
  sidenoteRevealLabel: 'sidenote-reveal-label',
  sidenoteFold: 'sidenote-fold',
  sidenoteSummary: 'sidenote-summary',
  sidenoteHead: 'sidenote-head',
  sidenoteNumber: 'sidenote-number',
  sidenoteKind: 'sidenote-kind',
  sidenoteApproximate: 'sidenote-approximate',
  sidenoteGist: 'sidenote-gist',
  sidenoteSources: 'sidenote-sources',
  sidenoteBack: 'sidenote-back',
  sidenoteClose: 'sidenote-close',
  noteChart: 'note-chart',
  // A full text's notes that found no place in it, listed after the text.
  unplacedNotes: 'unplaced-notes',
  // Added by the copy script.
  copyLink: COPY_LINK,
  copyStatus: COPY_STATUS,
  // The "Cite this reading" block (CiteReading.astro) and the citations the copy script copies.
  citeBlock: CITE_BLOCK,
  citation: CITATION,
} as const;

/** Classes that only mark a part for the pipeline's later stages (the gist, for the annotation export); the stylesheet leaves them alone. */
export const UNSTYLED: ReadonlySet<string> = new Set([CLASSES.sidenoteGist]);

/** A note's class by its kind (`sidenote-counterpoint`), for the kinds the stylesheet sets apart. */
export const noteKindClass = (kind: string) => `${CLASSES.sidenote}-${kind}`;
