/** The feed: every reading, newest annotated first, with its title, thesis, the original's author, date and URL under the base. */
import { getRssString } from '@astrojs/rss';
import { JSDOM } from 'jsdom';
import { expect, test } from 'vitest';
import { feedOptions, feedOrder } from '../../src/site/feed.ts';
import { parseReading } from '../../src/reading/schema.ts';
import { readFixture } from '../support/pipeline.ts';

const location = { site: 'https://gloss.example', base: '/annotated/' };
const fixture = async (name: string, id: string, annotated?: string) => {
  const { frontmatter } = await readFixture(name);
  if (annotated) frontmatter.annotated = annotated;
  return { id, data: parseReading(frontmatter, name) };
};

test('lists the newest annotated first, undated readings last, ties by title', async () => {
  const readings = [
    await fixture('tea-tariffs.md', 'tea', '2026-11-29'),
    await fixture('orchard-water.md', 'orchard'),
    await fixture('river-bridges.md', 'bridges', '2026-11-30'),
  ];
  expect(feedOrder(readings).map((r) => r.id)).toEqual(['bridges', 'tea', 'orchard']);
  expect(feedOrder([...readings].reverse()).map((r) => r.id)).toEqual(['bridges', 'tea', 'orchard']);
});

test('each entry gives the title, the thesis, the original’s author, the annotated date and the reading’s URL', async () => {
  const xml = await getRssString(feedOptions([await fixture('tea-tariffs.md', 'tea', '2026-11-29'), await fixture('orchard-water.md', 'orchard')], location));
  const feed = new JSDOM(xml, { contentType: 'text/xml' }).window.document;
  expect(feed.querySelector('parsererror')).toBeNull();
  expect(feed.querySelector('channel > link')!.textContent).toBe('https://gloss.example/annotated/');
  const items = [...feed.querySelectorAll('item')].map((item) => ({
    title: item.querySelector('title')!.textContent,
    description: item.querySelector('description')!.textContent,
    creator: item.getElementsByTagNameNS('http://purl.org/dc/elements/1.1/', 'creator')[0]!.textContent,
    link: item.querySelector('link')!.textContent,
    pubDate: item.querySelector('pubDate')?.textContent,
  }));
  expect(items).toEqual([
    {
      title: 'Why the tea tariff will outlast its critics',
      description: 'The tariff survives because growers need it and rivals fear it.',
      creator: 'Mara Quill',
      link: 'https://gloss.example/annotated/tea/',
      pubDate: 'Sun, 29 Nov 2026 00:00:00 GMT',
    },
    expect.objectContaining({
      title: 'Why the valley will keep its orchards',
      creator: 'Tomas Brell',
      link: 'https://gloss.example/annotated/orchard/',
      pubDate: undefined,
    }),
  ]);
});
