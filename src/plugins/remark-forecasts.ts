/**
 * remarkForecasts: find where the text makes each of the author's forecasts.
 *
 * Each forecast in the frontmatter's `forecasts` quotes the words that make
 * it, as a note does (`quote`, optional `prefix`/`suffix`), and must find
 * them exactly once, in the reader's edition and in an imported full text
 * alike. Unlike a note it marks nothing: a forecast's quote may overlap a
 * note's, and the text stays as it is. It records the id of the block that
 * holds the quote, which remarkArguments gave it (`conclusion-1`), and the
 * quoted words as the text spells them, for the scored section's links.
 *
 * Runs after remarkArguments (for the ids) and before remarkMarginNotes (so
 * the blocks hold only the text, not the notes placed after them).
 *
 * Input (`forecasts: [{ id: no-sanctions, quote: 'no sanctions', … }]`):
 *
 * ```md
 * So, no: Beijing will impose no sanctions.
 * ```
 *
 * Output (in `file.data.astro.frontmatter.forecastPlaces`):
 *
 * ```js
 * { 'no-sanctions': { block: 'conclusion-1', text: 'no sanctions' } }
 * ```
 *
 * Every quote that is missing or ambiguous is reported, naming
 * `forecasts.N (id)`, for remarkReportProblems to fail the build with.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import type { ForecastPlaces } from '../lib/forecasts.ts';
import { textSegments } from '../lib/mdast-text.ts';
import { locateOnce, normalise } from '../lib/quote-match.ts';
import { readingOf, report } from '../lib/reading-file.ts';
import { topLevelBlocks } from './remark-margin-notes.ts';

export interface Options {
  /** Key of the places in the frontmatter data. Default: `'forecastPlaces'`. */
  key?: string;
}

export default function remarkForecasts(options: Options = {}) {
  const key = options.key ?? 'forecastPlaces';

  return (tree: Root, file: VFile) => {
    const reading = readingOf(file);
    const blocks = topLevelBlocks(tree);
    const texts = blocks.map((block) => textSegments(block).text);
    const normalised = texts.map((text) => normalise(text));
    const problems: string[] = [];
    const places: ForecastPlaces = {};

    reading.forecasts.forEach((forecast, index) => {
      const selector = { exact: forecast.quote, prefix: forecast.prefix, suffix: forecast.suffix };
      const hit = locateOnce(normalised, selector, `forecasts.${index} (${forecast.id})`);
      if ('problem' in hit) {
        problems.push(hit.problem);
        return;
      }
      const id = (blocks[hit.block]!.data?.hProperties as { id?: unknown } | undefined)?.id;
      // An unsectioned text has no block ids: its cues did not fit, and that is reported already.
      if (typeof id === 'string') places[forecast.id] = { block: id, text: texts[hit.block]!.slice(hit.start, hit.end) };
    });

    if (problems.length) report(file, problems);
    const data = file.data as { astro?: { frontmatter?: Record<string, unknown> } };
    data.astro ??= {};
    data.astro.frontmatter = { ...data.astro.frontmatter, [key]: places };
  };
}
