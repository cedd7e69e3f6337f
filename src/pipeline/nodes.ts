/**
 * The reading's own mdast nodes: what the stages make of the text, typed,
 * registered in mdast's content maps as mdast-util-directive registers its
 * nodes, so they stand wherever a block or inline content may with no casts.
 * Each has one handler (`handlers/`) that renders its HTML, passed to
 * remark-rehype by the processor.
 */
import type { BlockContent, Parent, PhrasingContent, RootContent } from 'mdast';
import type { Chart, Note } from '../reading/schema.ts';

/** A note's kind as its head names it: a frontmatter note's, or a footnote's. */
export type NoteKind = Note['kind'] | 'footnote';

/** A source a note cites, as the frontmatter gives it. */
export type NoteSource = Note['sources'][number];

/** The introduction, an argument or the conclusion: a `<section>` with its header, holding its blocks. */
export interface ReadingSection extends Parent {
  type: 'readingSection';
  /** Its fragment: `introduction`, an argument's id, `conclusion`. */
  sectionId: string;
  /** Its heading: `Introduction`, `Reason 1 of 2 · Economic`. */
  title: string;
  /** How its permalinks name it for a listener: `the introduction`, `reason 1: Economic`. */
  where: string;
  /** An argument's number (from 1) and claim; the introduction and the conclusion have none. */
  argument?: { number: number; claim: string };
  children: RootContent[];
}

/** The phrase a note comments on (or one piece of it, when the quote spans markup). */
export interface NoteAnchor extends Parent {
  type: 'noteAnchor';
  /** The note's element id (`note-oil`). */
  noteElementId: string;
  /** The note's place among its paragraph's notes, which pairs phrase, marker and note in the stylesheet. */
  slot: number;
  children: PhrasingContent[];
}

/** A note's marker after its phrase: a link to the note and a button that opens it; its children are the punctuation that closes the phrase. */
export interface NoteMarker extends Parent {
  type: 'noteMarker';
  noteElementId: string;
  number: number;
  slot: number;
  children: PhrasingContent[];
}

/** A margin note, right after its marker: its gist, then the rest of its text, then (added by the charts stage) its chart. */
export interface MarginNote extends Parent {
  type: 'marginNote';
  noteElementId: string;
  number: number;
  slot: number;
  kind: NoteKind;
  /** Placed approximately, in a full text whose words differ a little from the quote's. */
  approximate: boolean;
  sources: NoteSource[];
  children: [NoteGist, ...(BlockContent | NoteChart)[]];
}

/** The line of a note always shown. */
export interface NoteGist extends Parent {
  type: 'noteGist';
  children: PhrasingContent[];
}

/** A note's figures, drawn as a bar chart with the same figures as a table. */
export interface NoteChart extends Parent {
  type: 'noteChart';
  chart: Chart;
  /** The titles of the sources the figures come from. */
  sources: string[];
  children: [];
}

/** A full text's notes that found no place in it, listed after the text. */
export interface UnplacedNotes extends Parent {
  type: 'unplacedNotes';
  children: UnplacedNote[];
}

/** One of them: its kind and quote, then its text, then its sources. */
export interface UnplacedNote extends Parent {
  type: 'unplacedNote';
  noteElementId: string;
  kind: Note['kind'];
  quote: string;
  sources: NoteSource[];
  children: BlockContent[];
}

declare module 'mdast' {
  interface ParagraphData extends Data {
    /** A numbered paragraph's permalink, which ends it: its fragment, and how a listener hears it named (`paragraph 2 of the introduction`). */
    permalink?: { id: string; name: string };
  }

  interface RootContentMap {
    readingSection: ReadingSection;
    noteAnchor: NoteAnchor;
    noteMarker: NoteMarker;
    marginNote: MarginNote;
    noteGist: NoteGist;
    noteChart: NoteChart;
    unplacedNotes: UnplacedNotes;
    unplacedNote: UnplacedNote;
  }

  interface BlockContentMap {
    readingSection: ReadingSection;
    unplacedNotes: UnplacedNotes;
  }

  interface PhrasingContentMap {
    noteAnchor: NoteAnchor;
    noteMarker: NoteMarker;
    marginNote: MarginNote;
  }
}
