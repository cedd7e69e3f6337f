/**
 * remarkReading: the one transform that turns a reading's Markdown into the
 * marked-up text, in stages that pass typed values, the way
 * mdast-util-to-hast passes one explicit state (see `state.ts`):
 *
 * 1. sections: the introduction, one section per argument (from its cue),
 *    the conclusion (`readingSection` nodes, returned); every block gets a
 *    positional id;
 * 2. forecasts: where the text makes each forecast (it marks nothing);
 * 3. notes: anchor each note on its quote (or footnote reference), number
 *    them, put each after its marker (`noteAnchor`, `noteMarker`,
 *    `marginNote`; the placed notes are returned);
 * 4. charts: give each placed note with figures its `noteChart`;
 * 5. safety: refuse raw HTML and script links, in the text and the notes;
 * 6. outline: the sections' words and titles, the notes' numbers and kinds.
 *
 * Every problem is a vfile message, so one build lists them all: the file
 * then fails with one error naming it and every field, cue or note to fix
 * (`failWith`), or, for the importer, hands them to `onProblems`. In a
 * full-text edition a note placed approximately or not at all is a warning
 * instead (`state.ts`). A text that fits gets its `ReadingResult` in the
 * frontmatter Astro hands the page; the nodes are rendered by one handler
 * each (`handlers/`), and `rehypeReadingParts` adds the parts other pages reuse.
 */
import type { Root } from 'mdast';
import type { Processor } from 'unified';
import type { VFile } from 'vfile';
import { displayPath, failWith, readingOf } from './reading-file.ts';
import { RESULT_KEY, type ReadingResult } from '../reading/result.ts';
import { type Smarten, smartPunctuation } from '../reading/typography.ts';
import { problemsOf, readingState, warningsOf } from './state.ts';
import { drawCharts } from './stages/charts.ts';
import { placeForecasts } from './stages/forecasts.ts';
import { placeNotes } from './stages/notes.ts';
import { outlineReading } from './stages/outline.ts';
import { rejectUnsafeMarkup } from './stages/safety.ts';
import { markSections } from './stages/sections.ts';

/** The reading transform's options. */
export interface Options {
  /** Receive the problems instead of failing with them (the importer warns with them). */
  onProblems?: (problems: string[], file: VFile) => void;
  /** Whether the processor gives the text smart punctuation: the notes' Markdown then gets it too. */
  smartPunctuation?: boolean;
}

/** The reading transform, for a reading file (`processor.ts` runs it on readings only). */
export default function remarkReading(this: Processor, options: Options = {}) {
  // A note's text and gist are Markdown, read with this same processor and given the smart punctuation the
  // text got before this plugin ran: parse alone runs no transform.
  const smarten = options.smartPunctuation ? (smartPunctuation.call(this) as unknown as Smarten) : undefined;
  const parse = (markdown: string) => {
    const tree = this.parse(markdown) as Root;
    smarten?.(tree);
    return tree;
  };
  return (tree: Root, file: VFile) => {
    const state = readingState(file, readingOf(file), tree);
    const sections = markSections(state);
    const forecastPlaces = placeForecasts(state);
    const notes = placeNotes(state, parse);
    if (!state.failed()) drawCharts(state, notes);
    rejectUnsafeMarkup(state);

    const problems = problemsOf(file).map((message) => message.reason);
    if (options.onProblems) options.onProblems(problems, file);
    else if (problems.length) failWith(file, 'the text does not fit its frontmatter', problems);
    if (problems.length || !sections) return;

    // A full text's notes placed approximately or not at all: the reader still gets their text, and the editor is told
    // (by the importer, which lists them itself; by the build, again when it reads the render back from the render cache).
    const warnings = warningsOf(file).map((warning) => `${displayPath(file)}: warning: ${warning.reason}`);
    if (!options.onProblems) for (const warning of warnings) console.warn(warning);
    const result: ReadingResult = { outline: outlineReading(sections, notes), forecastPlaces, warnings };
    // Astro's Markdown renderer creates `astro.frontmatter`; plain unified use may not.
    const data = file.data as { astro?: { frontmatter?: Record<string, unknown> } };
    data.astro ??= {};
    data.astro.frontmatter = { ...data.astro.frontmatter, [RESULT_KEY]: result };
  };
}
