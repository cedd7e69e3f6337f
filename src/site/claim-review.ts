/**
 * The author's scored forecasts as schema.org `ClaimReview`s, for search
 * engines and fact-check tools: what the author claimed (our wording), that
 * he claimed it, in the original article, and our verdict as of the day we
 * checked it. Each review's URL is its row on the reading page
 * (`#forecast-<id>`), where the evidence is.
 *
 * The verdict is our status in words (`alternateName`, as the page shows it)
 * and a number on a four-point scale, best first: see `RATING_VALUES`.
 *
 * The reviews go into the reading page's one JSON-LD script (`meta.ts`), in
 * an `@graph` beside the page's `Article`. The claims' author and the
 * reviewer are written once, as blank nodes, and referred to by `@id`, so
 * eleven reviews do not repeat them eleven times.
 */
import { STATUS_LABELS } from '../reading/forecasts.ts';
import { ids } from '../reading/markup.ts';
import type { ForecastStatus, Reading } from '../reading/schema.ts';

/**
 * How far a forecast came true, on the scale the `reviewRating`s use:
 * 4 held, 3 partly held, 2 not yet borne out, 1 failed. "Not yet" ranks above
 * "failed": it may still come true.
 */
export const RATING_VALUES: Record<ForecastStatus, number> = { held: 4, partly: 3, 'not yet': 2, failed: 1 };
export const BEST_RATING = 4;
export const WORST_RATING = 1;

/** Blank-node ids of the two parties every review shares. */
export const CLAIM_AUTHOR_ID = '_:author';
export const REVIEWER_ID = '_:gloss';

/** Where the reviews live and who wrote the claims and the reviews. */
export interface ClaimReviewContext {
  /** The reading page's canonical URL; each review is a fragment of it. */
  readingUrl: string;
  /** The original article's IRI, where the claims appear (`originalIri`). */
  original: string;
  /** Who reviews: the site. */
  reviewer: string;
}

/**
 * The nodes to add to the page's `@graph`: the claims' author and the
 * reviewer once each, then one `ClaimReview` per forecast, in frontmatter
 * order. None when the reading scores no forecasts.
 *
 * @example claimReviewNodes(reading, { readingUrl: 'https://gloss.example/tea/', original: 'https://gloss.example/tea/#original', reviewer: 'Gloss' })
 *   // => [{ '@type': 'Person', '@id': '_:author', name: 'Mara Quill' }, { '@type': 'Organization', '@id': '_:gloss', name: 'Gloss' },
 *   //     { '@type': 'ClaimReview', url: 'https://gloss.example/tea/#forecast-repeal', claimReviewed: '…', datePublished: '2026-12-04',
 *   //       itemReviewed: { '@type': 'Claim', author: { '@id': '_:author' }, appearance: { '@id': 'https://gloss.example/tea/#original' } },
 *   //       author: { '@id': '_:gloss' }, reviewRating: { '@type': 'Rating', ratingValue: 4, bestRating: 4, worstRating: 1, alternateName: 'Held' } }]
 */
export function claimReviewNodes(reading: Pick<Reading, 'author' | 'forecasts'>, context: ClaimReviewContext): Record<string, unknown>[] {
  if (reading.forecasts.length === 0) return [];
  const { author } = reading;
  return [
    { '@type': 'Person', '@id': CLAIM_AUTHOR_ID, name: author.name, ...(author.url && { url: author.url }) },
    { '@type': 'Organization', '@id': REVIEWER_ID, name: context.reviewer },
    ...reading.forecasts.map((forecast) => ({
      '@type': 'ClaimReview',
      url: `${context.readingUrl}#${ids.forecast(forecast.id)}`,
      claimReviewed: forecast.claim,
      datePublished: forecast.checked,
      itemReviewed: { '@type': 'Claim', author: { '@id': CLAIM_AUTHOR_ID }, appearance: { '@id': context.original } },
      author: { '@id': REVIEWER_ID },
      reviewRating: {
        '@type': 'Rating',
        ratingValue: RATING_VALUES[forecast.status],
        bestRating: BEST_RATING,
        worstRating: WORST_RATING,
        alternateName: STATUS_LABELS[forecast.status],
      },
    })),
  ];
}
