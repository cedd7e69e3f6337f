/** The sitemap: every reading and argument page, absolute under the base; the root only when it lists several readings. */
import { JSDOM } from 'jsdom';
import { expect, test } from 'vitest';
import { parseReading } from '../../src/reading/schema.ts';
import { sitemapXml } from '../../src/site/sitemap.ts';
import { escapeXml } from '../../src/site/xml.ts';
import { readFixture } from '../support/pipeline.ts';

const location = { site: 'https://gloss.example', base: '/annotated/' };
const fixture = async (name: string, id: string) => ({ id, data: parseReading((await readFixture(name)).frontmatter, name) });
const locations = (xml: string) => {
  const sitemap = new JSDOM(xml, { contentType: 'text/xml' }).window.document;
  expect(sitemap.querySelector('parsererror')).toBeNull();
  return [...sitemap.querySelectorAll('url > loc')].map((loc) => loc.textContent);
};

test('one reading: its page and its arguments’ pages, not the root that shows it', async () => {
  const tea = await fixture('tea-tariffs.md', 'tea');
  expect(locations(sitemapXml([tea], location))).toEqual([
    'https://gloss.example/annotated/tea/',
    ...tea.data.arguments.map((argument) => `https://gloss.example/annotated/tea/${argument.id}/`),
  ]);
});

test('several readings: the root, which lists them, comes first', async () => {
  const urls = locations(sitemapXml([await fixture('tea-tariffs.md', 'tea'), await fixture('orchard-water.md', 'orchard')], location));
  expect(urls[0]).toBe('https://gloss.example/annotated/');
  expect(urls).toContain('https://gloss.example/annotated/orchard/');
});

test('markup characters are escaped, in text and in quoted attributes', () => {
  expect(escapeXml('a & b < c > "d"')).toBe('a &amp; b &lt; c &gt; &quot;d&quot;');
});
