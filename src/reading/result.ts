/**
 * The one typed result the reading transform publishes (see
 * src/pipeline/remark-reading.ts): the outline of the text, where each
 * forecast is made, and the parts other pages reuse. Astro hands it to the
 * pages in `remarkPluginFrontmatter`; the reading page, the argument pages,
 * the map, the navigator and the annotation export all read it here.
 */
import type { ForecastPlaces } from './forecasts.ts';
import type { ReadingOutline } from './outline.ts';
import type { ReadingParts } from './parts.ts';

/** What the transform hands the pages, under `RESULT_KEY` in `remarkPluginFrontmatter`. */
export interface ReadingResult {
  outline: ReadingOutline;
  forecastPlaces: ForecastPlaces;
  /** A full text's warnings (notes placed approximately or not at all), each a line naming the file, as the build printed them. */
  warnings: string[];
  /** Added by the last stage, on the finished HTML tree. */
  parts?: ReadingParts;
}

/** Where the result lives in the frontmatter Astro hands the page. */
export const RESULT_KEY = 'gloss';

/** The result a reading's rendering recorded. Its absence means the pipeline did not run: fail rather than draw a page without it. */
export function resultOf(frontmatter: Record<string, unknown>): ReadingResult {
  const result = frontmatter[RESULT_KEY] as ReadingResult | undefined;
  if (!result?.outline) throw new Error('the rendered reading has no result: is remarkReading in the Markdown processor (src/pipeline/processor.ts)?');
  return result;
}
