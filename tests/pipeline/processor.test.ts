/**
 * The one processor (src/pipeline/processor.ts): the reading plugins run on
 * reading files only, and the importer's anchor check judges a text exactly
 * as the build does, smart punctuation included.
 */
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { isReadingFile } from '../../src/reading/files.ts';
import { anchorReport } from '../../src/import/full-text-edition.ts';
import { parseReading } from '../../src/reading/schema.ts';
import { $$, parseHtml, text } from '../support/html.ts';
import { type Frontmatter, fixtureReadings, readFixture, render, renderFailure } from '../support/pipeline.ts';

describe('isReadingFile', () => {
  const folder = '/site/content/readings';
  test.each([
    ['/site/content/readings/a.md', true],
    ['/site/content/readings/a.full.md', true],
    ['file:///site/content/readings/a.md', true],
    ['/site/content/readings/.a.full.md.123.tmp', false],
    ['/site/content/readings/.hidden.md', false],
    ['/site/content/readings/notes.txt', false],
    ['/site/content/readings/drafts/a.md', false],
    ['/site/src/pages/about.md', false],
    ['/elsewhere/content/readings/a.md', false],
  ])('%s: %s', (file, expected) => expect(isReadingFile(file, folder)).toBe(expected));
  test('a file without a path is not a reading', () => expect(isReadingFile(undefined, folder)).toBe(false));
});

describe('the reading plugins run on reading files only', () => {
  const page = 'A page about Gloss -- "In short", nothing more.\n\nTo begin with the growers.\n';

  test('a Markdown page elsewhere, with a frontmatter that is no reading, renders as plain Markdown', async () => {
    const tree = parseHtml(await render(page, { title: 'About' }, 'src/pages/about.md'));
    expect($$(tree, 'p').map(text)).toEqual(['A page about Gloss — “In short”, nothing more.', 'To begin with the growers.']);
    expect($$(tree, 'section, aside, a, [id]')).toEqual([]);
  });

  test('the same page as a reading file is refused, naming the file and the fields', async () => {
    const failure = await renderFailure('tea-tariffs.md', (reading) => {
      reading.frontmatter = { title: 'About' };
      reading.body = page;
    });
    expect(failure).toContain(`${path.relative(process.cwd(), fixtureReadings)}/tea-tariffs.md: invalid frontmatter`);
    expect(failure).toMatch(/author/);
  });
});

describe('import and build judge a cue alike', () => {
  // The build's smart punctuation turns the text's `--` into a dash before any cue is looked for.
  const withDashes = (reading: { frontmatter: Frontmatter; body: string }) => {
    reading.body = reading.body.replace('In short, it stays.', 'In short -- it stays.');
    reading.frontmatter.conclusion.cue = 'In short -- it stays';
  };

  test('a cue containing `--`: the import reports what the build fails with', async () => {
    const reading = await readFixture('tea-tariffs.md');
    withDashes(reading);
    const file = path.join(fixtureReadings, 'tea-tariffs.full.md');
    const { problems } = await anchorReport(parseReading(reading.frontmatter, file), reading.body, file);
    const failure = await renderFailure('tea-tariffs.md', withDashes);

    expect(problems).toEqual(['conclusion.cue: cue "In short -- it stays" not found in the text']);
    expect(failure).toContain('tea-tariffs.md: the text does not fit its frontmatter\n  - conclusion.cue: cue "In short -- it stays" not found in the text');
  });
});
