/**
 * The full-text round trip, as a reader does it: `npm run import` the fixture
 * article into a throwaway copy of the project, `astro build` it, and read
 * the page. The full text takes the reader's edition's place at the same URL,
 * with its edition label, its arguments and our notes anchored in it; a full
 * text whose wording no longer fits a cue or a note fails the build with the
 * list of them, naming the .full.md file.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Element } from 'hast';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanArticle, plainLines } from '../../src/import/article.ts';
import { readReading } from '../../src/import/full-text-edition.ts';
import { importPage } from '../../src/import/saved-page.ts';
import { fold } from '../../src/pipeline/quote-match.ts';
import { renderCacheFolder } from '../../src/pipeline/render-cache.ts';
import { EDITION_LABELS } from '../../src/reading/labels.ts';
import { $, $$, parseHtml, text } from '../support/html.ts';
import { build, projectWith } from '../support/project.ts';

const fixtures = path.resolve(import.meta.dirname, '../fixtures/articles');
const articleFile = path.join(fixtures, 'river-towns.txt');
const summary = readFileSync(path.join(fixtures, 'river-towns.reading.md'), 'utf8');
const reading = readReading(summary, 'river-towns.md');
const { paragraphs, bio } = cleanArticle(plainLines(readFileSync(articleFile, 'utf8')), {
  title: reading.title,
  author: reading.author.name,
  tags: reading.tags,
});
const fullText = 'content/readings/river-towns.full.md';
const savedPage = path.join(fixtures, 'river-towns.html');
const extracted = importPage(
  readFileSync(savedPage, 'utf8'),
  'river-towns.html',
  { title: reading.title, author: reading.author.name, tags: reading.tags },
  { force: false },
);

const projects: string[] = [];
afterAll(() =>
  projects.forEach((dir) => {
    rmSync(dir, { recursive: true, force: true });
  }),
);

async function readingProject() {
  const dir = await projectWith({ 'river-towns.md': summary });
  projects.push(dir);
  return dir;
}

function importInto(dir: string, file = articleFile) {
  const result = spawnSync(process.execPath, ['src/import/import-cli.ts', file], { cwd: dir, env: { ...process.env, INIT_CWD: dir }, encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
}

/** A project holding the fixture reading and, imported by the CLI, its full text. */
async function importedProject() {
  const dir = await readingProject();
  importInto(dir);
  return dir;
}

const editionOf = (outDir: string) => $(parseHtml(readFileSync(path.join(outDir, 'river-towns/index.html'), 'utf8')), '.edition-label')?.properties.dataEdition;

/** Words as a reader compares them: typographic quotes folded, white space collapsed. */
const words = (value: string) => fold(value).replace(/\s+/g, ' ').trim();

/** A paragraph's own words, without our note markers and permalinks. */
function ownText(paragraph: Element): string {
  const strip = (node: Element): Element => ({
    ...node,
    children: node.children
      .filter(
        (child) =>
          !(
            child.type === 'element' &&
            /\b(note-ref|note-toggle|sidenote|pilcrow)\b/.test(String((child.properties.className as string[] | undefined)?.join(' ')))
          ),
      )
      .map((child) => (child.type === 'element' ? strip(child) : child)),
  });
  return text(strip(paragraph));
}

describe('import, then build', () => {
  it('renders the full text with its label, its arguments and our notes', async () => {
    const dir = await importedProject();
    const started = performance.now();
    const result = await build(dir, path.join(dir, 'dist'));
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    expect(result.code, result.output).toBe(0);
    console.info(`import round trip: astro build took ${seconds} s`);

    const page = parseHtml(readFileSync(path.join(result.outDir, 'river-towns/index.html'), 'utf8'));
    expect(text($(page, '.edition-label[data-edition="full"]'))).toContain(EDITION_LABELS.full);
    expect($(page, '.edition-label[data-edition="summary"]')).toBeUndefined();

    // Every word of the article's body, in order, and nothing of the reader's edition.
    const body = $$(page, '#text :is(p, .passage)[id]').map(ownText);
    expect(words(body.join(' '))).toBe(words(paragraphs.join(' ')));
    expect(text($(page, '#text'))).not.toContain('quarrelled for generations');

    // The argument sections, in order, each starting at its cue.
    expect($$(page, '#text > section[id]').map((section) => section.properties.id)).toEqual(['introduction', 'cost', 'reliability', 'conclusion']);
    expect(ownText($(page, '#cost :is(p, .passage)[id]')!)).toMatch(/^First, on cost, the canal has become a bottomless pit/);
    expect(ownText($(page, '#reliability :is(p, .passage)[id]')!)).toMatch(/^Second, on reliability, the river sets the timetable/);
    expect(ownText($(page, '#conclusion :is(p, .passage)[id]')!)).toMatch(/^So, yes, the river towns will choose the railway/);

    // Our notes, anchored on their quotes in the publisher's wording.
    expect($$(page, '.sidenote').map((note) => note.properties.id)).toEqual(['note-harbour-board', 'note-dredging-1987', 'note-tollbridge']);
    expect($$(page, '.anchor').map((anchor) => [anchor.properties.dataNote, text(anchor)])).toEqual([
      ['note-harbour-board', 'Harbour Board'],
      ['note-dredging-1987', '1987'],
      ['note-tollbridge', 'Tollbridge'],
    ]);

    // The Markdown-looking lines of the text stay text.
    expect($$(page, '#text h1, #text ol, #text ul, #text em, #text blockquote, #text code')).toEqual([]);
    expect(text($(page, '#text'))).toContain('# Not a heading, just a hash the page kept 1. Not a list either');
    expect(text($(page, '#text'))).toContain(
      'about *heritage*, about the_old_ways, about a [sacred] trust; ask the treasurer and you will hear <less> romantic',
    );
    expect(text($(page, '#text'))).toContain('C:\\Ledger\\archive paths and a 5 * 3 sum');

    // The footer: the article's bio and tags, and the full-text attribution.
    const footer = text($(page, '.reading-footer'));
    expect(footer).toContain(bio!.text);
    expect(footer).toContain('Ferry subsidies');
    expect(footer).toContain('The text above is the original article, imported by the reader');
  });

  it('switches editions on a project that was built before, both ways, without a warning', async () => {
    const dir = await readingProject();
    const builds = [];
    builds.push(await build(dir, path.join(dir, 'dist-1')));
    importInto(dir);
    builds.push(await build(dir, path.join(dir, 'dist-2')));
    rmSync(path.join(dir, fullText));
    builds.push(await build(dir, path.join(dir, 'dist-3')));
    for (const result of builds) {
      expect(result.code, result.output).toBe(0);
      expect(result.output).not.toMatch(/same slug|\[WARN\] \[glob-loader\]/);
    }
    expect(builds.map((result) => editionOf(result.outDir))).toEqual(['summary', 'full', 'summary']);
  });

  it('fails, naming the .full.md file and the cue that no longer finds its place', async () => {
    const dir = await importedProject();
    const file = path.join(dir, fullText);
    // The publisher revised the article: the conclusion's signpost and a place name changed.
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('So, yes, the river', 'So, then, the river').replace('Shippers in Tollbridge', 'Shippers in Millbrook'),
    );
    const result = await build(dir, path.join(dir, 'dist'));
    expect(result.code).not.toBe(0);
    expect(result.output).toContain(`${fullText}: the text does not fit its frontmatter`);
    expect(result.output).toMatch(/^ {2}- conclusion\.cue: cue "So, yes" not found in this copy, not even approximately; change it to words of this copy$/m);
    // A note that finds no place is no reason to fail: it is listed after the text.
    expect(result.output).not.toMatch(/^ {2}- notes\./m);
    expect(existsSync(path.join(result.outDir, 'river-towns/index.html'))).toBe(false);
  });

  it('builds a page saved from the browser with every paragraph, its emphasis and links, and none of its chrome', async () => {
    const dir = await readingProject();
    importInto(dir, savedPage);
    const result = await build(dir, path.join(dir, 'dist'));
    expect(result.code, result.output).toBe(0);
    const page = parseHtml(readFileSync(path.join(result.outDir, 'river-towns/index.html'), 'utf8'));
    const body = $$(page, '#text :is(p, .passage)[id]').map(ownText);
    expect(words(body.join(' '))).toBe(words(extracted.paragraphs.join(' ')));
    // Eight paragraphs, one split where the first argument's cue starts mid-way.
    expect(body).toHaveLength(9);
    expect(text($(page, '#text em'))).toBe('heritage');
    expect($(page, '#text a[href="https://ledger.example/data/canal-budget"]')).toBeTruthy();
    for (const chrome of [
      'Advertisement',
      'Getty Images',
      'Most Popular',
      'Copyright 2021',
      'views expressed',
      'Subscribe',
      'Load more',
      'opinion contributor',
    ])
      expect(text($(page, '#text'))).not.toContain(chrome);
    expect($$(page, '.sidenote').map((note) => note.properties.id)).toEqual(['note-harbour-board', 'note-dredging-1987', 'note-tollbridge']);
    expect($$(page, '.sidenote-approximate, .unplaced-notes')).toEqual([]);
  });

  it('builds a later copy, with a warning: a note placed approximately says so, one found nowhere is listed after the text; built again from the render cache, it warns again', async () => {
    const dir = await importedProject();
    const file = path.join(dir, fullText);
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('Shippers in Tollbridge', 'Shippers in Tollbrige').replace('signed in 1987', 'signed in the late eighties'),
    );
    const result = await build(dir, path.join(dir, 'dist'));
    expect(result.code, result.output).toBe(0);
    expect(result.output).toContain(`${fullText}: warning: notes.2 (tollbridge): quote "Tollbridge" placed approximately (score 0.90)`);
    expect(result.output).toContain(`${fullText}: warning: notes.1 (dredging-1987): quote "1987" not found in the text; listed after the text as unplaced`);
    const page = parseHtml(readFileSync(path.join(result.outDir, 'river-towns/index.html'), 'utf8'));
    expect(text($(page, '#note-tollbridge .sidenote-head'))).toBe('2 Since then placed approximately');
    expect(text($(page, '.anchor[data-note="note-tollbridge"]'))).toBe('Tollbrige');
    const unplaced = $(page, '#text .unplaced-notes')!;
    expect(text($(unplaced, 'h2'))).toBe('Notes that did not find their place in this copy');
    expect(text($(unplaced, 'li'))).toContain('Source on the words “1987”');
    expect(text($(unplaced, 'li'))).toContain('The fictional contract whose overrun the article cites.');
    expect($$(page, '.sidenote').map((note) => note.properties.id)).toEqual(['note-harbour-board', 'note-tollbridge']);

    // Built again, the reading's render is read back from its cache, not made and written again (a write replaces the
    // file), and the build gives the same page and says the same warnings.
    const cached = readdirSync(renderCacheFolder(dir)).map((name) => path.join(renderCacheFolder(dir), name));
    expect(cached).toHaveLength(1);
    const { ino, mtimeMs } = statSync(cached[0]!);
    const again = await build(dir, path.join(dir, 'dist-again'));
    expect(again.code, again.output).toBe(0);
    expect(statSync(cached[0]!)).toMatchObject({ ino, mtimeMs });
    const warnings = (output: string) =>
      output.split('\n').flatMap((line) => (line.includes(`${fullText}: warning: `) ? [line.slice(line.indexOf(fullText))] : []));
    expect(warnings(result.output)).toHaveLength(2);
    expect(warnings(again.output)).toEqual(warnings(result.output));
    const html = (outDir: string) => readFileSync(path.join(outDir, 'river-towns/index.html'), 'utf8');
    expect(html(again.outDir)).toBe(html(result.outDir));
  });
});
