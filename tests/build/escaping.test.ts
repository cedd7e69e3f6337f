/**
 * Gate: markup in a reading's frontmatter reaches the page as text. Titles,
 * names, claims and tags are plain strings: whatever they contain is escaped,
 * never run, and the feed stays well-formed XML. (Raw HTML in the Markdown text and notes fails the build: see
 * errors.test.ts.) Links from the frontmatter must be http(s).
 */
import { readFile, rm } from 'node:fs/promises';
import { JSDOM } from 'jsdom';
import path from 'node:path';
import { describe, expect, test, type TestContext } from 'vitest';
import { typographic } from '../../src/reading/typography.ts';
import { htmlFiles } from '../support/built-site.ts';
import { $, $$, parseHtml, text } from '../support/html.ts';
import { type Frontmatter, readFixture } from '../support/pipeline.ts';
import { build, projectWith, readingFile } from '../support/project.ts';

type Change = (frontmatter: Frontmatter) => void;

/** Build a copy of the project whose one reading has `change` applied; the copy goes when the test ends. */
async function buildWith(context: TestContext, change: Change) {
  const reading = await readFixture('tea-tariffs.md');
  change(reading.frontmatter);
  const dir = await projectWith({ 'tea-tariffs.md': readingFile(reading.frontmatter, reading.body) });
  // The test's own hook: these tests run concurrently, so the global one could fire for another test.
  context.onTestFinished(() => rm(dir, { recursive: true, force: true }));
  return build(dir, path.join(dir, 'dist'));
}

const markup = (where: string) => `<script>alert("${where}")</script><img src=x onerror="alert('${where}')"> & </title>`;

describe.concurrent('frontmatter', () => {
  test('markup in every text field is shown as text, never run', async (context) => {
    const result = await buildWith(context, (fm) => {
      fm.title = `Tea ${markup('title')}`;
      fm.author.name = `Mara ${markup('author')}`;
      fm.author.bio = `Bio ${markup('bio')}`;
      fm.source.publication = `Gazette ${markup('publication')}`;
      fm.tags[0] = `Tag ${markup('tag')}`;
      fm.thesis = `Thesis ${markup('thesis')}`;
      fm.arguments[0].label = `Growers ${markup('label')}`;
      fm.arguments[0].claim = `Claim ${markup('claim')}`;
      fm.notes[0].sources[0].title = `Review ${markup('source')}`;
    });
    expect(result.code, result.output).toBe(0);
    const page = parseHtml(await readFile(path.join(result.outDir, 'tea-tariffs/index.html'), 'utf8'));

    expect(text($(page, 'h1'))).toBe(`Tea ${markup('title')}`);
    expect(text($(page, 'title'))).toContain(`Tea ${markup('title')}`);
    expect(text($(page, '.byline'))).toContain(`Mara ${markup('author')}`);
    // Prose fields are typeset (curly quotes), as text.
    expect(text($(page, '.glance'))).toContain(typographic(`Thesis ${markup('thesis')}`));
    expect(text($(page, '.glance'))).toContain(typographic(`Claim ${markup('claim')}`));
    expect(text($(page, '.reading-footer'))).toContain(typographic(`Bio ${markup('bio')}`));
    expect(text($(page, '.tags'))).toContain(`Tag ${markup('tag')}`);
    expect(text($(page, '.sidenote'))).toContain(typographic(`Review ${markup('source')}`));
    // On no page did an element come out of the strings: no image, no
    // handler, no script running them, and data such as JSON-LD still parses.
    for (const file of htmlFiles(result.outDir)) {
      const tree = parseHtml(await readFile(path.join(result.outDir, file), 'utf8'));
      expect($$(tree, 'img[src="x"], [onerror]'), file).toEqual([]);
      const scripts = $$(tree, 'script');
      expect(
        scripts.filter((s) => s.properties.type !== 'application/ld+json' && text(s).includes('alert(')),
        file,
      ).toEqual([]);
      for (const data of scripts.filter((s) => s.properties.type === 'application/ld+json')) expect(() => JSON.parse(text(data)), file).not.toThrow();
    }
    // The feed is XML that still parses, and gives the same strings back as text.
    const feed = new JSDOM(await readFile(path.join(result.outDir, 'feed.xml'), 'utf8'), { contentType: 'text/xml' }).window.document;
    expect(feed.querySelector('parsererror')).toBeNull();
    expect(feed.querySelector('item > title')!.textContent).toBe(`Tea ${markup('title')}`);
    expect(feed.getElementsByTagNameNS('http://purl.org/dc/elements/1.1/', 'creator')[0]!.textContent).toBe(`Mara ${markup('author')}`);
  });

  test.for<[string, Change]>([
    ['author.url', (fm) => (fm.author.url = 'javascript:alert(1)')],
    ['source.url', (fm) => (fm.source.url = 'data:text/html,<script>alert(1)</script>')],
    ['source.archive', (fm) => (fm.source.archive = 'javascript:alert(1)')],
  ])('%s must be http(s)', async ([field, change], context) => {
    const result = await buildWith(context, change);
    expect(result.code).not.toBe(0);
    expect(result.output).toContain(field);
  });
});
