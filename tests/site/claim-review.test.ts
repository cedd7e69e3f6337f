import { expect, test } from 'vitest';
import { STATUS_LABELS } from '../../src/reading/forecasts.ts';
import { FORECAST_STATUSES } from '../../src/reading/schema.ts';
import { BEST_RATING, RATING_VALUES, WORST_RATING, claimReviewNodes } from '../../src/site/claim-review.ts';
import { argumentMeta, readingMeta, scriptJson } from '../../src/site/meta.ts';
import { committedReading } from '../support/project.ts';

const location = { site: 'https://gloss.example', base: '/annotated/' };
const readingUrl = 'https://gloss.example/annotated/china-russia-alliance/';
const reading = await committedReading('china-russia-alliance.md');

/** The page's JSON-LD as a crawler reads it: the script's text, parsed, with `@id` references resolved. */
function emittedGraph(jsonLd: Record<string, unknown>) {
  const document = JSON.parse(scriptJson(jsonLd)) as { '@context': string; '@graph': Record<string, unknown>[] };
  const byId = new Map(document['@graph'].filter((node) => typeof node['@id'] === 'string').map((node) => [node['@id'], node]));
  const resolve = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(resolve);
    if (value && typeof value === 'object') {
      const node = value as Record<string, unknown>;
      const keys = Object.keys(node);
      if (keys.length === 1 && keys[0] === '@id' && byId.has(node['@id'])) return resolve(byId.get(node['@id']));
      return Object.fromEntries(Object.entries(node).map(([key, child]) => [key, resolve(child)]));
    }
    return value;
  };
  return { context: document['@context'], nodes: document['@graph'].map(resolve) as Record<string, unknown>[] };
}

test('the reading page’s one JSON-LD script holds the Article and a ClaimReview per scored forecast, in frontmatter order', () => {
  const { context, nodes } = emittedGraph(readingMeta({ id: 'china-russia-alliance', data: reading }, location).jsonLd);
  expect(context).toBe('https://schema.org');
  expect(nodes[0]).toMatchObject({ '@type': 'Article', url: readingUrl, isBasedOn: { '@type': 'OpinionNewsArticle', '@id': `${readingUrl}#original` } });
  const reviews = nodes.filter((node) => node['@type'] === 'ClaimReview');
  expect(reading.forecasts.length).toBeGreaterThan(0);
  expect(reviews).toHaveLength(reading.forecasts.length);
  reading.forecasts.forEach((forecast, i) => {
    expect(reviews[i], forecast.id).toEqual({
      '@type': 'ClaimReview',
      url: `${readingUrl}#forecast-${forecast.id}`,
      claimReviewed: forecast.claim,
      datePublished: forecast.checked,
      itemReviewed: {
        '@type': 'Claim',
        author: { '@type': 'Person', '@id': '_:author', name: 'Andrew Latham', url: 'https://www.aalatham.com/' },
        appearance: { '@id': `${readingUrl}#original` },
      },
      author: { '@type': 'Organization', '@id': '_:gloss', name: 'Gloss' },
      reviewRating: {
        '@type': 'Rating',
        ratingValue: RATING_VALUES[forecast.status],
        bestRating: 4,
        worstRating: 1,
        alternateName: STATUS_LABELS[forecast.status],
      },
    });
  });
});

test('ratings run from 4 (held) down to 1 (failed), one value per status, within best and worst', () => {
  expect(FORECAST_STATUSES.map((status) => RATING_VALUES[status])).toEqual([4, 3, 2, 1]);
  for (const status of FORECAST_STATUSES) {
    expect(RATING_VALUES[status]).toBeLessThanOrEqual(BEST_RATING);
    expect(RATING_VALUES[status]).toBeGreaterThanOrEqual(WORST_RATING);
  }
});

test('the reviews are compact: no whitespace, and the claims’ author and the reviewer written once', () => {
  const text = scriptJson(readingMeta({ id: 'china-russia-alliance', data: reading }, location).jsonLd);
  expect(text).not.toMatch(/\n|": | ,/);
  expect(text.split('"name":"Andrew Latham"').length - 1).toBe(2); // the original's author, and the claims' author once
  expect(text.split('"ClaimReview"').length - 1).toBe(reading.forecasts.length);
});

test('a reading without forecasts, and an argument page, keep a plain Article', () => {
  const bare = { ...reading, forecasts: [] };
  expect(claimReviewNodes(bare, { readingUrl, original: `${readingUrl}#original`, reviewer: 'Gloss' })).toEqual([]);
  expect(readingMeta({ id: 'china-russia-alliance', data: bare }, location).jsonLd).toMatchObject({ '@type': 'Article' });
  expect(argumentMeta({ id: 'china-russia-alliance', data: reading }, 0, location).jsonLd).toMatchObject({ '@type': 'Article' });
});
