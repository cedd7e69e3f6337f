/**
 * Our margin notes as a W3C Web Annotation collection (JSON-LD), so that
 * standard annotation tools can show them over the article itself.
 *
 * Each note becomes an Annotation whose target is the *original article*,
 * selected by a TextQuoteSelector (the note's `quote`, `prefix`, `suffix`),
 * which is how the notes anchor in our text too: they were chosen to occur in
 * both the reader's edition and the original.
 *
 * - `target.source` is the article's own URL when the reading gives one, so
 *   tools re-anchor the notes on the publisher's page. While it is unknown
 *   (it must stay empty rather than be guessed) it is our IRI for the
 *   original, `<reading page>#original`, where our footer cites it. That IRI
 *   is stable, and tools that match documents by URL without the fragment
 *   (Hypothesis does) then show the notes over our reader's edition, whose
 *   text the same quotes select.
 * - `body` is the note as the page renders it (text and sources), in HTML.
 * - `creator` is Gloss; `created` is the reading's `annotated` date, never
 *   the build time, so the file is the same from one build to the next.
 * - Markdown footnotes are left out: they are part of the text file, not
 *   annotations on a text we do not own, and quote nothing to select.
 * - Each scored forecast follows the notes as an Annotation with motivation
 *   `assessing`, selecting the words that make it; its body says our wording
 *   of the forecast, its status as of the day we checked, the evidence and
 *   its source or note.
 *
 * Output (abridged):
 *
 * ```json
 * { "@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationCollection", "total": 1,
 *   "first": { "type": "AnnotationPage", "items": [{ "type": "Annotation", "motivation": "commenting",
 *     "body": { "type": "TextualBody", "format": "text/html", "value": "<p>…</p>" },
 *     "target": { "source": "https://…#original", "selector": { "type": "TextQuoteSelector", "exact": "oil" } } }] } }
 * ```
 */
import { ids } from '../reading/markup.ts';
import { formatPartialDate } from '../reading/dates.ts';
import type { ScoredForecast } from '../reading/forecasts.ts';
import { toHtml } from 'hast-util-to-html';
import type { Element } from 'hast';
import { h } from 'hastscript';
import { originalIri, SITE_NAME } from './meta.ts';
import type { Note, Reading } from '../reading/schema.ts';
import { citationLine } from '../reading/labels.ts';

/** The Web Annotation motivation of each kind of note. */
export const MOTIVATIONS: Record<Note['kind'], string> = {
  // Background the text assumes: a comment on it.
  context: 'commenting',
  // What a term means.
  definition: 'describing',
  // Where the text's words or figures come from.
  source: 'linking',
  // How the claim held up against later figures.
  since: 'assessing',
  // Evidence that weighs against the text's claim: an assessment of it.
  counterpoint: 'assessing',
};

/** What `annotationCollection` needs of a reading and of the site. */
export interface Options {
  reading: Reading;
  /** The collection's own URL; annotation ids are fragments of it. */
  collectionUrl: string;
  /** The reading page's canonical URL. */
  readingUrl: string;
  /** The site's home page, the creator's homepage. */
  homepage: string;
  /** Each note's HTML by element id, in reading order (see `noteBodies`). */
  noteHtml: Map<string, string>;
  /** The reading's file, for errors. */
  file: string;
  /** The reading's forecasts as its page scores them (see `scoredForecasts`). Default: none. */
  forecasts?: ScoredForecast[];
}

/** A forecast's body: our wording, the status as of the check, the evidence and where it comes from. */
function forecastBody(forecast: ScoredForecast, readingUrl: string): string {
  const evidence: (string | Element)[] = [`${forecast.statusLabel} as of ${formatPartialDate(forecast.checked)}: ${forecast.evidence}`];
  if (forecast.source) evidence.push(' Source: ', h('a', { href: forecast.source.url }, forecast.source.title), '.');
  if (forecast.note) evidence.push(' See ', h('a', { href: new URL(forecast.note.href, readingUrl).href }, `note ${forecast.note.number}`), '.');
  return toHtml([h('p', `Forecast: ${forecast.claim}`), h('p', evidence)]);
}

/** The reading's notes and forecasts as a Web Annotation collection (JSON-LD), each note targeting its quote in the original. */
export function annotationCollection({ reading, collectionUrl, readingUrl, homepage, noteHtml, file, forecasts = [] }: Options): Record<string, unknown> {
  const creator = { type: 'Organization', name: SITE_NAME, homepage };
  const source = originalIri(reading, readingUrl);
  const created = reading.annotated && `${reading.annotated}T00:00:00Z`;
  const order = [...noteHtml.keys()];
  const notes = [...reading.notes].sort((a, b) => order.indexOf(ids.note(a.id)) - order.indexOf(ids.note(b.id)));

  const selectorOf = (anchored: { quote: string; prefix?: string | undefined; suffix?: string | undefined }) => ({
    type: 'TextQuoteSelector',
    exact: anchored.quote,
    ...(anchored.prefix && { prefix: anchored.prefix }),
    ...(anchored.suffix && { suffix: anchored.suffix }),
  });

  const noteItems = notes.map((note) => {
    const elementId = ids.note(note.id);
    const value = noteHtml.get(elementId);
    if (value === undefined) throw new Error(`${file}: note "${note.id}" is missing from the rendered reading, so it cannot be exported`);
    return {
      id: `${collectionUrl}#${elementId}`,
      type: 'Annotation',
      motivation: MOTIVATIONS[note.kind],
      creator,
      ...(created && { created }),
      body: { type: 'TextualBody', format: 'text/html', language: 'en', value },
      target: { source, selector: selectorOf(note) },
    };
  });

  const forecastItems = reading.forecasts.map((forecast) => {
    const scored = forecasts.find((f) => f.id === forecast.id);
    if (!scored) throw new Error(`${file}: forecast "${forecast.id}" is missing from the scored forecasts, so it cannot be exported`);
    return {
      id: `${collectionUrl}#${scored.elementId}`,
      type: 'Annotation',
      // We assess how the text's forecast has held up.
      motivation: 'assessing',
      creator,
      ...(created && { created }),
      body: { type: 'TextualBody', format: 'text/html', language: 'en', value: forecastBody(scored, readingUrl) },
      target: { source, selector: selectorOf(forecast) },
    };
  });

  const items = [...noteItems, ...forecastItems];

  const page = `${collectionUrl}#page-1`;
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: collectionUrl,
    type: 'AnnotationCollection',
    label: `Gloss margin notes${forecastItems.length ? ' and scored forecasts' : ''} on “${reading.title}” by ${reading.author.name} (${citationLine(reading)})`,
    creator,
    total: items.length,
    ...(items.length && {
      first: { id: page, type: 'AnnotationPage', partOf: collectionUrl, startIndex: 0, items },
      last: page,
    }),
  };
}
