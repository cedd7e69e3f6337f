/**
 * The author's forecasts as the page scores them: "Four years on: the
 * forecasts, scored", after the conclusion, and their statuses in the
 * argument map.
 *
 * The reading transform's forecasts stage finds each forecast's quote in the text while it is built
 * and records the block holding it (`conclusion-1`); this module joins that
 * with the frontmatter and the numbers the notes got, into plain rows for
 * `ScoredForecasts.astro` and `ArgumentMap.astro`. Nothing is looked up in
 * the browser.
 */
import type { ReadingOutline } from './outline.ts';
import { resultOf } from './result.ts';
import type { Forecast, ForecastStatus, Reading } from './schema.ts';
import { ids } from './markup.ts';

/** Where the text makes a forecast, as the build found it. */
export interface ForecastPlace {
  /** Id of the block holding the quote, e.g. `conclusion-1`. */
  block: string;
  /**
   * The quoted words exactly as the text has them (typographic quotes and
   * all), for a `:~:text=` link; left out when the page says them anywhere
   * else (a claim in the argument map, a note), where a browser would
   * follow the directive instead of the block's id.
   */
  text?: string;
}

/** Each forecast's place, by the forecast's id. */
export type ForecastPlaces = Record<string, ForecastPlace>;

const NUMBER_WORDS = ['', 'One', 'Two', 'Three', 'Four', 'Five', 'Six', 'Seven', 'Eight', 'Nine', 'Ten'];

/**
 * The scored section's heading, counting the whole years from the article's
 * publication to the last check, so it stays true for any reading.
 *
 * @example forecastsTitle('2022-03', ['2026-12-02']) // => 'Four years on: the forecasts, scored'
 * @example forecastsTitle('2026', ['2026-12-02']) // => 'The forecasts, scored'
 * @example forecastsTitle(undefined, ['2026-12-02']) // => 'The forecasts, scored'
 */
export function forecastsTitle(published: string | undefined, checked: string[]): string {
  if (!published) return 'The forecasts, scored';
  const months = (date: string) => {
    const [year, month] = date.split('-');
    return Number(year) * 12 + (month ? Number(month) - 1 : 0);
  };
  const last = Math.max(...checked.map(months));
  const years = Math.floor((last - months(published)) / 12);
  if (years < 1) return 'The forecasts, scored';
  const count = NUMBER_WORDS[years] ?? String(years);
  return `${count} year${years === 1 ? '' : 's'} on: the forecasts, scored`;
}

/** Status in words: a badge's colour only repeats it. */
export const STATUS_LABELS: Record<ForecastStatus, string> = {
  held: 'Held',
  partly: 'Partly held',
  'not yet': 'Not yet borne out',
  failed: 'Failed',
};

/** The class of a status badge: `not yet` → `status-not-yet`. */
export const statusClass = (status: ForecastStatus) => `status-${status.replace(/ /g, '-')}`;

/**
 * A text fragment directive that highlights `text` where a browser supports
 * it; others ignore it and go to the element. `-`, `,` and `&` are its syntax,
 * so they are escaped along with everything a URL cannot hold.
 *
 * @example textDirective('no-limits, friends') // => ':~:text=no%2Dlimits%2C%20friends'
 */
export const textDirective = (text: string) => `:~:text=${encodeURIComponent(text).replace(/-/g, '%2D')}`;

/** A forecast as its row shows it. */
export interface ScoredForecast {
  id: string;
  /** The row's own id: `forecast-<id>`. */
  elementId: string;
  claim: string;
  status: ForecastStatus;
  statusLabel: string;
  /** YYYY-MM-DD. */
  checked: string;
  evidence: string;
  source?: Forecast['source'];
  /** The note carrying the evidence, by the number the reader sees. */
  note?: { number: number; href: string };
  /** Its place in the text: the block, with a text directive for the quote when the page says those words nowhere else. */
  textHref: string;
}

/**
 * The reading's forecasts in frontmatter order, joined with where the text
 * makes each and the number of the note that carries its evidence.
 *
 * @example scoredForecasts(reading, outline, { 'no-sanctions': { block: 'conclusion-1', text: 'no sanctions' } })
 *   // => [{ id: 'no-sanctions', elementId: 'forecast-no-sanctions', status: 'held', statusLabel: 'Held',
 *   //       textHref: '#conclusion-1:~:text=no%20sanctions', note: { number: 12, href: '#note-sanctions' }, … }]
 */
export function scoredForecasts(reading: Pick<Reading, 'forecasts'>, outline: ReadingOutline, places: ForecastPlaces): ScoredForecast[] {
  return reading.forecasts.map((forecast) => {
    const place = places[forecast.id];
    if (!place) throw new Error(`forecast "${forecast.id}" has no place in the text: did the reading transform run on it?`);
    const note = forecast.note === undefined ? undefined : outline.notes[forecast.note];
    if (forecast.note !== undefined && !note) throw new Error(`the outline has no note "${forecast.note}"`);
    return {
      id: forecast.id,
      elementId: ids.forecast(forecast.id),
      claim: forecast.claim,
      status: forecast.status,
      statusLabel: STATUS_LABELS[forecast.status],
      checked: forecast.checked,
      evidence: forecast.evidence,
      ...(forecast.source && { source: forecast.source }),
      ...(note && { note: { number: note.number, href: `#${note.target}` } }),
      textHref: `#${place.block}${place.text === undefined ? '' : textDirective(place.text)}`,
    };
  });
}

/** Where the text makes each forecast, as its rendering recorded it (Astro's `remarkPluginFrontmatter`). */
export const forecastPlacesOf = (pluginFrontmatter: Record<string, unknown>): ForecastPlaces => resultOf(pluginFrontmatter).forecastPlaces;
