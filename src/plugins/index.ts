/**
 * The reading pipeline, in the order it must run. `processor.ts` builds the
 * one processor from this list for the site, the tests, the importer and the
 * bench, so they all run exactly what the site runs.
 */
import type { RehypePlugin, RemarkPlugin } from '@astrojs/markdown-remark';
import rehypeReadingParts from './rehype-reading-parts.ts';
import remarkArguments from './remark-arguments.ts';
import remarkForecasts from './remark-forecasts.ts';
import remarkMarginNotes from './remark-margin-notes.ts';
import remarkNoteCharts from './remark-note-charts.ts';
import remarkReadingOutline from './remark-reading-outline.ts';
import remarkRejectUnsafeMarkup from './remark-reject-unsafe-markup.ts';
import remarkReportProblems from './remark-report-problems.ts';

export const remarkPlugins: RemarkPlugin[] = [
  remarkArguments,
  remarkForecasts,
  remarkMarginNotes,
  remarkNoteCharts,
  remarkReadingOutline,
  remarkRejectUnsafeMarkup,
  remarkReportProblems,
];
export const rehypePlugins: RehypePlugin[] = [rehypeReadingParts];
