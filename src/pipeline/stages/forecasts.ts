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
 * A link's text directive (`#conclusion-1:~:text=…`) wins over its id: a
 * browser goes to the first place on the page that says those words, and the
 * argument map, which comes first, often repeats a forecast's words in its
 * claim. So the words are recorded only when nothing else the page shows
 * says them: not another block, not a footnote, not any frontmatter string
 * the page renders (titles, claims, points, notes, evidence). The link then
 * goes to the block's id alone, which its :target style highlights.
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
 * Output (the result's `forecastPlaces`; `text` only when the page says the words once):
 *
 * ```js
 * { 'no-sanctions': { block: 'conclusion-1', text: 'no sanctions' } }
 * ```
 *
 * Every quote that is missing or ambiguous is reported, naming
 * `forecasts.N (id)`.
 */
import type { Root } from 'mdast';
import type { ForecastPlaces } from '../../reading/forecasts.ts';
import type { Reading } from '../../reading/schema.ts';
import { textSegments } from '../mdast-text.ts';
import { findQuote, locateOnce, normalise } from '../quote-match.ts';
import type { ReadingState } from '../state.ts';
import { topLevelBlocks } from './blocks.ts';
import { blockIdOf } from './sections.ts';

/** Where the text makes each forecast: its block's id and, when the page says them only there, its words. */
export function placeForecasts({ reading, tree, problem }: ReadingState): ForecastPlaces {
  const blocks = topLevelBlocks(tree);
  const texts = blocks.map((block) => textSegments(block).text);
  const normalised = texts.map((text) => normalise(text));
  const elsewhere = wordsElsewhere(tree, reading).map((text) => normalise(text.toLowerCase()));
  const places: ForecastPlaces = {};
  reading.forecasts.forEach((forecast, index) => {
    const selector = { exact: forecast.quote, prefix: forecast.prefix, suffix: forecast.suffix };
    const hit = locateOnce(normalised, selector, `forecasts.${index} (${forecast.id})`);
    if ('problem' in hit) {
      problem(hit.problem, 'forecast');
      return;
    }
    const id = blockIdOf(blocks[hit.block]!);
    // An unsectioned text has no block ids: its cues did not fit, and that is reported already.
    if (!id) return;
    // Browsers match a text directive regardless of case.
    const exact = forecast.quote.toLowerCase();
    const saidOnce =
      [...texts.map((text) => normalise(text.toLowerCase())), ...elsewhere].reduce((count, text) => count + findQuote(text, { exact }).length, 0) === 1;
    places[forecast.id] = saidOnce ? { block: id, text: texts[hit.block]!.slice(hit.start, hit.end) } : { block: id };
  });
  return places;
}

/** Frontmatter keys whose strings the page never shows as such: selectors and cues (the text says them already), ids and addresses. */
const UNSHOWN_KEYS = new Set(['quote', 'prefix', 'suffix', 'cue', 'id', 'url', 'note', 'qualifiedBy', 'kind', 'status', 'edition']);

/** The page's words outside the text's blocks: footnotes, and every frontmatter string the page may render. */
function wordsElsewhere(tree: Root, reading: Reading): string[] {
  const strings: string[] = [];
  const collect = (value: unknown, key?: string): void => {
    if (key !== undefined && UNSHOWN_KEYS.has(key)) return;
    if (typeof value === 'string') strings.push(value);
    else if (Array.isArray(value)) for (const item of value) collect(item);
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) collect(v, k);
  };
  collect(reading);
  for (const node of tree.children) if (node.type === 'footnoteDefinition') strings.push(textSegments(node).text);
  return strings;
}
