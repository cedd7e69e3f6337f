import { expect, test } from 'vitest';
import { argumentMeta, argumentTitle, citationDate, readingMeta, scriptJson } from '../../src/site/meta.ts';
import { parseReading, type Reading } from '../../src/reading/schema.ts';
import { type Frontmatter, readFixture } from '../support/pipeline.ts';

const fixture = async (change: (frontmatter: Frontmatter) => void = () => {}): Promise<Reading> => {
  const { frontmatter } = await readFixture('tea-tariffs.md');
  change(frontmatter);
  return parseReading(frontmatter, 'tea-tariffs.md');
};
const location = { site: 'https://gloss.example', base: '/annotated/' };

test('titles an argument by its place, label and claim', async () => {
  const reading = await fixture();
  expect(argumentTitle(reading, 1)).toBe('Reason 2 of 2: Rivals — Rival exporters fear what its repeal would unleash.');
});

test('writes the publication date with the precision it has, as citation_publication_date wants it', () => {
  expect(citationDate('2022-03')).toBe('2022/03');
  expect(citationDate('2022')).toBe('2022');
  expect(citationDate('2022-03-21')).toBe('2022/03/21');
});

test('a reading page previews as the reading, with URLs under the base, and credits the original', async () => {
  const meta = readingMeta({ id: 'tea', data: await fixture() }, location);
  expect(meta).toMatchObject({
    title: 'Why the tea tariff will outlast its critics',
    description: 'The tariff survives because growers need it and rivals fear it.',
    url: 'https://gloss.example/annotated/tea/',
    image: { url: 'https://gloss.example/annotated/tea/og.png' },
    annotations: 'https://gloss.example/annotated/tea/annotations.jsonld',
  });
  expect(Object.fromEntries(meta.citation)).toEqual({
    citation_title: 'Why the tea tariff will outlast its critics',
    citation_author: 'Mara Quill',
    citation_publication_date: '2021/07',
    citation_journal_title: 'The Fixture Gazette',
    citation_language: 'en',
  });
  expect(meta.jsonLd).toMatchObject({
    '@type': 'Article',
    url: 'https://gloss.example/annotated/tea/',
    isBasedOn: {
      '@type': 'OpinionNewsArticle',
      // No URL is known for the original: its IRI is where our footer cites it.
      '@id': 'https://gloss.example/annotated/tea/#original',
      author: { '@type': 'Person', name: 'Mara Quill' },
      publisher: { name: 'The Fixture Gazette' },
      datePublished: '2021-07',
    },
  });
  expect(meta.jsonLd.isBasedOn).not.toHaveProperty('url');
});

test('an argument page previews as that argument, not as the reading', async () => {
  const entry = { id: 'tea', data: await fixture() };
  const [growers, rivals] = [argumentMeta(entry, 0, location), argumentMeta(entry, 1, location)];
  expect(rivals).toMatchObject({
    title: 'Reason 2 of 2: Rivals — Rival exporters fear what its repeal would unleash.',
    url: 'https://gloss.example/annotated/tea/rivals/',
    image: { url: 'https://gloss.example/annotated/tea/rivals/og.png' },
    jsonLd: { '@id': 'https://gloss.example/annotated/tea/rivals/', isPartOf: { '@id': 'https://gloss.example/annotated/tea/' } },
  });
  const descriptions = [growers.description, rivals.description, readingMeta(entry, location).description];
  expect(new Set(descriptions).size).toBe(3);
  expect(rivals.description).toContain('Reason 2 of 2');
});

test('an argument with supporting points is described by them', async () => {
  const reading = await fixture((f) => (f.arguments[0].points = [{ text: 'Estates depend on it' }, { text: 'Prices would fall' }]));
  expect(argumentMeta({ id: 'tea', data: reading }, 0, location).description).toBe('Estates depend on it; Prices would fall.');
});

test('a known URL of the original is its identity and its url', async () => {
  const reading = await fixture((f) => (f.source.url = 'https://gazette.example/tea'));
  expect(readingMeta({ id: 'tea', data: reading }, location).jsonLd.isBasedOn).toMatchObject({
    '@id': 'https://gazette.example/tea',
    url: 'https://gazette.example/tea',
  });
});

test('JSON-LD cannot close its script element early', () => {
  const json = scriptJson({ headline: 'A </script><script>alert(1)</script>' });
  expect(json).not.toContain('<');
  expect(JSON.parse(json)).toEqual({ headline: 'A </script><script>alert(1)</script>' });
});
