/**
 * Sharing works for any reading, not only the op-ed: with two readings built
 * for a sub-path, each argument gets its page and preview image, each reading
 * its Web Annotation collection, the sitemap lists every canonical page, the
 * 404 page offers them all, and nothing links to a page or #fragment that is
 * not there.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { $, $$, parseHtml, text } from '../support/html.ts';
import { brokenLinks } from '../support/links.ts';
import { readFixture } from '../support/pipeline.ts';
import { build, projectWith, readingFile, type BuildResult } from '../support/project.ts';
import { collectionProblems } from '../support/web-annotation.ts';

const SITE = 'https://gloss.example/annotated/';
let result: BuildResult;

beforeAll(async () => {
  const tea = await readFixture('tea-tariffs.md');
  tea.frontmatter.annotated = '2026-11-29';
  const bridges = await readFixture('river-bridges.md');
  Object.assign(bridges.frontmatter, { annotated: '2026-11-30' });
  (bridges.frontmatter.source as Record<string, string>).url = 'https://weekly.example/bridges';
  const dir = await projectWith({
    'tea-tariffs.md': readingFile(tea.frontmatter, tea.body),
    'river-bridges.md': readingFile(bridges.frontmatter, bridges.body),
  });
  // A BASE_URL in the environment (CIs and test runners set one) must not override GLOSS_BASE.
  result = await build(dir, path.join(dir, 'dist'), { GLOSS_SITE: 'https://gloss.example', GLOSS_BASE: '/annotated/', BASE_URL: '/' });
}, 180_000);

const file = (name: string) => readFile(path.join(result.outDir, name), 'utf8');
const page = async (name: string) => parseHtml(await file(name));

test('the build succeeds and no link or #fragment anywhere is broken', () => {
  expect(result.code, result.output).toBe(0);
  expect(brokenLinks(result.outDir, SITE)).toEqual([]);
});

test('every argument of every reading has its own page and preview image', async () => {
  for (const name of ['tea-tariffs/growers', 'tea-tariffs/rivals', 'river-bridges/traffic', 'river-bridges/trade', 'river-bridges/resilience']) {
    expect(existsSync(path.join(result.outDir, name, 'og.png')), `${name}/og.png`).toBe(true);
    const tree = await page(`${name}/index.html`);
    expect($(tree, 'meta[property="og:url"]')!.properties.content).toBe(`${SITE}${name}/`);
    expect($(tree, 'meta[property="og:image"]')!.properties.content).toBe(`${SITE}${name}/og.png`);
  }
  const rivals = await page('tea-tariffs/rivals/index.html');
  expect($(rivals, 'meta[property="og:title"]')!.properties.content).toBe('Reason 2 of 2: Rivals — Rival exporters fear what its repeal would unleash.');
});

test('an argument page numbers its notes as the reading page does', async () => {
  const numbers = async (name: string) => $$(await page(name), '#growers a.note-ref').map((a) => [a.properties.href, text(a)]);
  const onTheReading = await numbers('tea-tariffs/index.html');
  expect(onTheReading).toEqual([
    ['#note-harbour', '2'],
    ['#note-fn-estates', '3'],
  ]);
  expect(await numbers('tea-tariffs/growers/index.html')).toEqual(onTheReading);
});

test('each reading publishes its notes as a Web Annotation collection, targeting the original by its URL when known', async () => {
  const tea = JSON.parse(await file('tea-tariffs/annotations.jsonld'));
  const bridges = JSON.parse(await file('river-bridges/annotations.jsonld'));
  expect(collectionProblems(tea)).toEqual([]);
  expect(collectionProblems(bridges)).toEqual([]);
  expect(tea.first.items.map((a: { target: { source: string } }) => a.target.source)).toEqual([`${SITE}tea-tariffs/#original`, `${SITE}tea-tariffs/#original`]);
  expect(bridges.first.items).toEqual([
    expect.objectContaining({
      created: '2026-11-30T00:00:00Z',
      target: { source: 'https://weekly.example/bridges', selector: { type: 'TextQuoteSelector', exact: 'two old bridges' } },
    }),
  ]);
  const jsonLd = JSON.parse(text($(await page('river-bridges/index.html'), 'script[type="application/ld+json"]')));
  expect(jsonLd.isBasedOn).toMatchObject({
    '@id': 'https://weekly.example/bridges',
    url: 'https://weekly.example/bridges',
    author: { name: 'Ilse Varga', url: 'https://example.org/ilse' },
  });
});

test('the sitemap lists the root (a list of readings here) and every reading and argument page', async () => {
  const locations = [...(await file('sitemap.xml')).matchAll(/<loc>([^<]+)<\/loc>/g)].map(([, loc]) => loc!.slice(SITE.length));
  expect(locations.sort()).toEqual(
    [
      '',
      'river-bridges/',
      'river-bridges/resilience/',
      'river-bridges/trade/',
      'river-bridges/traffic/',
      'tea-tariffs/',
      'tea-tariffs/growers/',
      'tea-tariffs/rivals/',
    ].sort(),
  );
  expect(await file('robots.txt')).toContain(`Sitemap: ${SITE}sitemap.xml`);
});

test('the 404 page offers every reading and argument', async () => {
  const links = $$(await page('404.html'), 'main a').map((a) => a.properties.href);
  expect(links).toEqual([
    '/annotated/river-bridges/',
    '/annotated/river-bridges/traffic/',
    '/annotated/river-bridges/trade/',
    '/annotated/river-bridges/resilience/',
    '/annotated/tea-tariffs/',
    '/annotated/tea-tariffs/growers/',
    '/annotated/tea-tariffs/rivals/',
    '/annotated/',
  ]);
});
