/**
 * Cite it and follow it, on built sites at the root and under a sub-path:
 * each reading's "Cite this reading" block, its BibTeX and RIS files read
 * back with citation-js and compared with the frontmatter, and the feed,
 * parsed as XML, whose every link reaches a built page and which comes out
 * the same from two builds. One reading has no `published` date: it still
 * builds, and its citations leave the date out.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { JSDOM } from 'jsdom';
import { beforeAll, describe, expect, test } from 'vitest';
import { htmlFiles } from '../support/built-site.ts';
import { $, $$, parseHtml, text } from '../support/html.ts';
import { brokenLinks } from '../support/links.ts';
import { type Frontmatter, readFixture } from '../support/pipeline.ts';
import { build, projectWith, readingFile, type BuildResult } from '../support/project.ts';

const readings: Record<string, Frontmatter> = {};
const sources: Record<string, string> = {};
for (const [name, change] of [
  [
    'tea-tariffs',
    (frontmatter: Frontmatter) => {
      frontmatter.annotated = '2026-11-29';
      // Bad input: the date the op-ed was published is not known.
      delete frontmatter.source.published;
    },
  ],
  [
    'river-bridges',
    (frontmatter: Frontmatter) => {
      frontmatter.annotated = '2026-11-30';
      frontmatter.source.url = 'https://weekly.example/bridges';
    },
  ],
] as const) {
  const { frontmatter, body } = await readFixture(`${name}.md`);
  change(frontmatter);
  readings[name] = frontmatter;
  sources[`${name}.md`] = readingFile(frontmatter, body);
}

const BUILDS = {
  root: { site: 'https://gloss.example/', env: { GLOSS_SITE: 'https://gloss.example', GLOSS_BASE: '/' } },
  sub: { site: 'https://gloss.example/annotated/', env: { GLOSS_SITE: 'https://gloss.example', GLOSS_BASE: '/annotated/' } },
};
const results: Record<string, BuildResult> = {};

beforeAll(async () => {
  const builds = [
    ['root', BUILDS.root.env],
    ['sub', BUILDS.sub.env],
    ['again', BUILDS.root.env],
  ] as const;
  for (const [name, env] of builds) {
    const dir = await projectWith(sources);
    results[name] = await build(dir, path.join(dir, 'dist'), env);
  }
}, 540_000);

const file = (build: string, name: string) => readFile(path.join(results[build]!.outDir, name), 'utf8');

/** The fields a reference manager reads back from a file. */
const readBack = (text: string) => new Cite(text).data as Record<string, unknown>[];

describe.each(Object.entries(BUILDS))('the %s build', (name, { site }) => {
  test('succeeds, the reading without a publication date included, and no link or #fragment is broken, the feed’s included', () => {
    expect(results[name]!.code, results[name]!.output).toBe(0);
    expect(brokenLinks(results[name]!.outDir, site)).toEqual([]);
  });

  test.each(['bib', 'ris'])('cite.%s reads back as our reading and the original, with the frontmatter’s fields', async (extension) => {
    for (const [id, reading] of Object.entries(readings)) {
      const [ours, original = {}] = readBack(await file(name, `${id}/cite.${extension}`));
      expect(ours, `${id}/cite.${extension}`).toMatchObject({
        title: reading.title,
        author: [{ family: 'Gloss' }],
        issued: { 'date-parts': [reading.annotated.split('-').map(Number)] },
        URL: `${site}${id}/`,
      });
      const [given, family] = reading.author.name.split(' ');
      expect(original, `${id}/cite.${extension}`).toMatchObject({
        title: reading.title,
        author: [{ given, family }],
        'container-title': reading.source.publication,
        note: 'An annotated reading by Gloss is based on this article.',
      });
      // As precise as the frontmatter, and nothing it does not give.
      if (reading.source.published) expect(original.issued).toEqual({ 'date-parts': [String(reading.source.published).split('-').map(Number)] });
      else expect(original.issued).toBeUndefined();
      expect(original.URL).toBe(reading.source.url);
    }
  });

  test('each reading and argument page cites itself and the original, and links to the downloads and the feed', async () => {
    for (const [id, reading] of Object.entries(readings)) {
      for (const [page, url] of [
        [`${id}/index.html`, `${site}${id}/`],
        ...reading.arguments.map((argument: { id: string }) => [`${id}/${argument.id}/index.html`, `${site}${id}/${argument.id}/`]),
      ]) {
        const tree = parseHtml(await file(name, page!));
        const block = $(tree, 'footer section#cite')!;
        expect(text($(block, 'h2')), page).toBe('Cite this reading');
        const [ours, original] = $$(block, '.citation').map((p) => text(p));
        expect(ours, page).toMatch(new RegExp(`^Gloss\\. \\(2026, November ${reading.annotated.slice(-2)}\\)\\. .*\\[Annotated reading\\]\\. ${url}$`));
        expect(original, page).toContain(`[Opinion]. ${reading.source.publication}.`);
        const base = new URL(site).pathname;
        expect($$(block, 'a').map((a) => a.properties.href)).toEqual([
          `${base}${id}/cite.bib`,
          `${base}${id}/cite.ris`,
          `${base}${id}/cite.json`,
          `${base}feed.xml`,
        ]);
      }
    }
    const undated = $$(parseHtml(await file(name, 'tea-tariffs/index.html')), '#cite .citation').map((p) => text(p));
    expect(undated[1]).toBe('Quill, M. (n.d.). Why the tea tariff will outlast its critics [Opinion]. The Fixture Gazette.');
  });

  test('a reading without a publication date says nothing of one anywhere', async () => {
    const tree = parseHtml(await file(name, 'tea-tariffs/index.html'));
    expect(text($(tree, '.byline cite'))).toBe('The Fixture Gazette');
    expect($(tree, 'meta[name="citation_publication_date"]')).toBeUndefined();
    expect(JSON.parse(text($(tree, 'script[type="application/ld+json"]'))).isBasedOn).not.toHaveProperty('datePublished');
  });

  test('the feed parses as RSS and lists every reading, newest annotated first, each with its title, thesis, author, date and URL', async () => {
    const feed = new JSDOM(await file(name, 'feed.xml'), { contentType: 'text/xml' }).window.document;
    expect(feed.querySelector('parsererror')).toBeNull();
    expect(feed.documentElement.nodeName).toBe('rss');
    const items = [...feed.querySelectorAll('channel > item')].map((item) => ({
      title: item.querySelector('title')?.textContent,
      description: item.querySelector('description')?.textContent,
      author: item.getElementsByTagNameNS('http://purl.org/dc/elements/1.1/', 'creator')[0]?.textContent,
      pubDate: item.querySelector('pubDate')?.textContent,
      link: item.querySelector('link')?.textContent,
    }));
    const expected = (id: string, pubDate: string) => ({
      title: readings[id]!.title,
      description: readings[id]!.thesis,
      author: readings[id]!.author.name,
      pubDate,
      link: `${site}${id}/`,
    });
    expect(items).toEqual([expected('river-bridges', 'Mon, 30 Nov 2026 00:00:00 GMT'), expected('tea-tariffs', 'Sun, 29 Nov 2026 00:00:00 GMT')]);
    // Every link is a page of this build.
    for (const { link } of items) expect(existsSync(path.join(results[name]!.outDir, link!.slice(site.length), 'index.html')), link).toBe(true);
  });

  test('every page announces the feed in its head and links to it from its footer; the sitemap lists pages only', async () => {
    const pages = htmlFiles(results[name]!.outDir);
    expect(pages.length).toBeGreaterThan(5);
    const feed = `${new URL(site).pathname}feed.xml`;
    for (const page of pages) {
      const tree = parseHtml(await file(name, page));
      expect($(tree, 'link[rel~="alternate"][type="application/rss+xml"]')?.properties.href, page).toBe(feed);
      // A reading's footer links to it from "Cite this reading", every other page's footer on its own.
      expect(
        $$(tree, 'footer a[type="application/rss+xml"]').map((a) => [text(a), a.properties.href]),
        page,
      ).toEqual([['RSS feed', feed]]);
    }
    expect(await file(name, 'sitemap.xml')).not.toMatch(/cite\.|feed\.xml/);
  });
});

test('two builds of the same sources write the same feed and citation files', async () => {
  expect(results.again!.code, results.again!.output).toBe(0);
  for (const name of ['feed.xml', ...Object.keys(readings).flatMap((id) => ['bib', 'ris', 'json'].map((extension) => `${id}/cite.${extension}`))])
    expect(await file('again', name), name).toBe(await file('root', name));
});
