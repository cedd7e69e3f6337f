/** The W3C Web Annotation export of a reading's margin notes, checked against the model. */
import { expect, test, vi } from 'vitest';
import { annotationCollection } from '../../src/site/annotations.ts';
import { forecastPlacesOf, scoredForecasts } from '../../src/reading/forecasts.ts';
import { outlineOf } from '../../src/reading/outline.ts';
import { partsOf } from '../../src/reading/parts.ts';
import { parseReading } from '../../src/reading/schema.ts';
import { type Frontmatter, readFixture, renderFixtureData } from '../support/pipeline.ts';
import { collectionProblems } from '../support/web-annotation.ts';

const URLS = {
  collectionUrl: 'https://gloss.example/annotated/tea/annotations.jsonld',
  readingUrl: 'https://gloss.example/annotated/tea/',
  homepage: 'https://gloss.example/annotated/',
  file: 'tea-tariffs.md',
};

/** Each note's content as the pipeline recorded it while rendering the fixture. */
const noteContents = async (...args: Parameters<typeof renderFixtureData>) =>
  new Map(Object.entries(partsOf((await renderFixtureData(...args)).frontmatter).notes));

/** The parts of an exported annotation the tests read; `collectionProblems` checks the whole against the model. */
type Annotation = { id: string; motivation: string; target: { source: string }; body: { value: string } };
type Collection = { label: string; first: { items: Annotation[] } };

async function collection(change: (frontmatter: Frontmatter) => void = (f) => (f.annotated = '2026-11-29')) {
  const fixture = await readFixture('tea-tariffs.md');
  change(fixture.frontmatter);
  const noteHtml = await noteContents('tea-tariffs.md', (r) => change(r.frontmatter));
  return annotationCollection({ reading: parseReading(fixture.frontmatter, 'tea-tariffs.md'), noteHtml, ...URLS }) as Collection;
}

test('publishes each frontmatter note as an Annotation that fits the W3C model', async () => {
  const result = await collection();
  expect(collectionProblems(result)).toEqual([]);
  expect(result).toMatchObject({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection', total: 2 });
  const [tariff, harbour] = result.first.items;
  expect(tariff).toEqual({
    id: 'https://gloss.example/annotated/tea/annotations.jsonld#note-tariff-rate',
    type: 'Annotation',
    motivation: 'commenting',
    creator: { type: 'Organization', name: 'Gloss', homepage: 'https://gloss.example/annotated/' },
    created: '2026-11-29T00:00:00Z',
    body: {
      type: 'TextualBody',
      format: 'text/html',
      language: 'en',
      value: expect.stringContaining('<a href="https://example.org/trade">Fixture Trade Review</a>'),
    },
    target: { source: 'https://gloss.example/annotated/tea/#original', selector: { type: 'TextQuoteSelector', exact: 'twelve per cent' } },
  });
  // A definition describes; the prefix that picks one occurrence travels with the quote.
  expect(harbour).toMatchObject({ motivation: 'describing', target: { selector: { exact: 'harbour duty', prefix: 'the old' } } });
});

test('leaves Markdown footnotes out: they belong to the text and quote nothing', async () => {
  const result = await collection();
  expect(result.first.items.map((a: { id: string }) => a.id.split('#')[1])).toEqual(['note-tariff-rate', 'note-harbour']);
});

test('targets the original by its URL once the reading knows it', async () => {
  const result = await collection((f) => {
    f.annotated = '2026-11-29';
    f.source.url = 'https://gazette.example/tea';
  });
  expect(result.first.items.map((a: { target: { source: string } }) => a.target.source)).toEqual([
    'https://gazette.example/tea',
    'https://gazette.example/tea',
  ]);
});

test.each([
  ['with an annotated date', (f: Frontmatter) => (f.annotated = '2026-11-29')],
  ['without one', (f: Frontmatter) => delete f.annotated],
])('is the same whatever day the clock says, %s: nothing in it comes from the clock', async (_, change) => {
  /** The collection made while the clock says `now`. */
  const madeAt = async (now: string) => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date(now));
      expect(new Date().toISOString(), 'the clock is faked').toBe(now);
      return JSON.stringify(await collection(change));
    } finally {
      vi.useRealTimers();
    }
  };
  expect(await madeAt('2001-02-03T04:05:06.000Z')).toBe(await madeAt('2031-10-11T12:13:14.000Z'));
});

test('a note missing from the rendered reading fails, naming it', async () => {
  const fixture = await readFixture('tea-tariffs.md');
  const reading = parseReading(fixture.frontmatter, 'tea-tariffs.md');
  expect(() => annotationCollection({ reading, noteHtml: new Map(), ...URLS })).toThrow(
    'tea-tariffs.md: note "tariff-rate" is missing from the rendered reading',
  );
});

test('the annotated date must be a whole day, as created is a dateTime', async () => {
  const { frontmatter } = await readFixture('tea-tariffs.md');
  expect(() => parseReading({ ...frontmatter, annotated: '2026-11' }, 'x.md')).toThrow(/annotated: must be a full date, YYYY-MM-DD/);
  expect(parseReading({ ...frontmatter, annotated: new Date('2026-11-29') }, 'x.md').annotated).toBe('2026-11-29');
});

test('the model check reports what a broken collection lacks', () => {
  const broken = {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: 'https://x.example/a.jsonld',
    type: 'AnnotationCollection',
    total: 2,
    first: {
      id: 'https://x.example/a.jsonld#page-1',
      type: 'AnnotationPage',
      items: [
        {
          id: 'not an iri',
          type: 'Annotation',
          motivation: 'explaining',
          creator: { type: 'Robot', name: 'X' },
          created: '2026-11',
          body: { type: 'TextualBody', value: '<p>x</p>', format: 'text/plain' },
          target: { source: 'https://x.example/', selector: { type: 'TextQuoteSelector', exact: '' } },
        },
      ],
    },
  };
  expect(collectionProblems(broken)).toEqual([
    'last: must name the only page',
    'total: says 2 but the page holds 1',
    'items[0].id: must be an IRI',
    'items[0].motivation: must be one of assessing, bookmarking, classifying, commenting, describing, editing, highlighting, identifying, linking, moderating, questioning, replying, tagging',
    'items[0].creator.type: must be one of Person, Organization, Software',
    'items[0].created: must be an xsd:dateTime such as 2026-11-29T00:00:00Z',
    'items[0].body.format: must be text/html',
    'items[0].target.selector.exact: must be a non-empty string',
  ]);
});

test('publishes each scored forecast after the notes as an assessing Annotation of the words that make it', async () => {
  const { frontmatter } = await renderFixtureData('orchard-water.md');
  const fixture = await readFixture('orchard-water.md');
  const reading = parseReading({ ...fixture.frontmatter, annotated: '2026-11-30' }, 'orchard-water.md');
  const urls = { ...URLS, collectionUrl: 'https://gloss.example/orchard/annotations.jsonld', readingUrl: 'https://gloss.example/orchard/' };
  const result = annotationCollection({
    reading,
    noteHtml: await noteContents('orchard-water.md'),
    forecasts: scoredForecasts(reading, outlineOf(frontmatter), forecastPlacesOf(frontmatter)),
    ...urls,
  }) as Collection;
  expect(collectionProblems(result)).toEqual([]);
  expect(result.label).toMatch(/^Gloss margin notes and scored forecasts on /);
  const items = result.first.items;
  expect(items.map((a) => a.id.split('#')[1])).toEqual([
    ...['reservoir', 'rainfall', 'drought', 'market', 'buyers', 'wells'].map((id) => `note-${id}`),
    'forecast-orchards-stay',
    'forecast-buyers-keep-coming',
  ]);
  const [stays, buyers] = items.slice(-2);
  expect(stays).toEqual({
    id: 'https://gloss.example/orchard/annotations.jsonld#forecast-orchards-stay',
    type: 'Annotation',
    motivation: 'assessing',
    creator: { type: 'Organization', name: 'Gloss', homepage: 'https://gloss.example/annotated/' },
    created: '2026-11-30T00:00:00Z',
    body: {
      type: 'TextualBody',
      format: 'text/html',
      language: 'en',
      value:
        '<p>Forecast: The orchards will still be farmed in five years.</p><p>Held as of 30 November 2026: The fictional land register still lists every orchard. Source: <a href="https://example.org/register">Fixture Land Register, orchard parcels</a>.</p>',
    },
    target: { source: 'https://gloss.example/orchard/#original', selector: { type: 'TextQuoteSelector', exact: 'the orchards stay' } },
  });
  // Evidence carried by a note links to that note on the reading page, by the number the reader sees.
  expect(buyers!.body.value).toContain('Partly held as of 30 November 2026');
  expect(buyers!.body.value).toContain('See <a href="https://gloss.example/orchard/#note-buyers">note 5</a>.');
  // A counterpoint weighs the text's claim: it is an assessment too.
  expect(items.find((a) => a.id.endsWith('#note-wells'))!.motivation).toBe('assessing');
});

test('a forecast missing from the scored forecasts fails, naming it', async () => {
  const reading = parseReading((await readFixture('orchard-water.md')).frontmatter, 'orchard-water.md');
  const noteHtml = await noteContents('orchard-water.md');
  expect(() => annotationCollection({ reading, noteHtml, ...URLS, file: 'orchard-water.md' })).toThrow(
    'orchard-water.md: forecast "orchards-stay" is missing from the scored forecasts',
  );
});
