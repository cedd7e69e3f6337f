/**
 * The forecasts stage: find where the text makes each of the author's forecasts.
 *
 * Each forecast in the frontmatter's `forecasts` quotes the words that make
 * it, as a note does (`quote`, optional `prefix`/`suffix`), and must find
 * them exactly once, in the reader's edition and in an imported full text
 * alike. Unlike a note it marks nothing: a forecast's quote may overlap a
 * note's, and the text stays as it is. It records the id of the block that
 * holds the quote, which the sections stage gave it (`conclusion-1`), and the
 * quoted words as the text spells them, for the scored section's links.
 *
 * Runs after the sections stage (for the ids) and before the notes stage (so
 * the blocks hold only the text, not the notes placed in them).
 *
 * Input (`forecasts: [{ id: no-sanctions, quote: 'no sanctions', … }]`):
 *
 * ```md
 * So, no: Beijing will impose no sanctions.
 * ```
 *
 * Output (the result's `forecastPlaces`):
 *
 * ```js
 * { 'no-sanctions': { block: 'conclusion-1', text: 'no sanctions' } }
 * ```
 *
 * Every quote that is missing or ambiguous is reported, naming
 * `forecasts.N (id)`.
 */
import type { ForecastPlaces } from '../../reading/forecasts.ts';
import { textSegments } from '../mdast-text.ts';
import { locateOnce, normalise } from '../quote-match.ts';
import type { ReadingState } from '../state.ts';
import { topLevelBlocks } from './notes.ts';

export function placeForecasts({ reading, tree, problem }: ReadingState): ForecastPlaces {
  const blocks = topLevelBlocks(tree);
  const texts = blocks.map((block) => textSegments(block).text);
  const normalised = texts.map((text) => normalise(text));
  const places: ForecastPlaces = {};
  reading.forecasts.forEach((forecast, index) => {
    const selector = { exact: forecast.quote, prefix: forecast.prefix, suffix: forecast.suffix };
    const hit = locateOnce(normalised, selector, `forecasts.${index} (${forecast.id})`);
    if ('problem' in hit) {
      problem(hit.problem, 'forecast');
      return;
    }
    const id = (blocks[hit.block]!.data?.hProperties as { id?: unknown } | undefined)?.id;
    // An unsectioned text has no block ids: its cues did not fit, and that is reported already.
    if (typeof id === 'string') places[forecast.id] = { block: id, text: texts[hit.block]!.slice(hit.start, hit.end) };
  });
  return places;
}
