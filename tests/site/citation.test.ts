/**
 * A reading's citation: the two CSL items built from the frontmatter, the
 * APA text readers copy, and the BibTeX and RIS files, read back with
 * citation-js as a reference manager would read them.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Cite } from '@citation-js/core';
import { expect, test } from 'vitest';
import { citationItems, cslDate } from '../../src/site/citation.ts';
import { citationFile, formattedCitation } from '../../src/site/citation-files.ts';
import { parseReading } from '../../src/reading/schema.ts';
import { type Frontmatter, readFixture } from '../support/pipeline.ts';

const location = { site: 'https://gloss.example', base: '/annotated/' };
const tea = async (change: (frontmatter: Frontmatter) => void = () => {}) => {
  const { frontmatter } = await readFixture('tea-tariffs.md');
  change(frontmatter);
  return { id: 'tea-tariffs', data: parseReading(frontmatter, 'tea-tariffs.md') };
};
const annotated = (frontmatter: Frontmatter) => {
  frontmatter.annotated = '2026-11-29';
};

test('keeps a date’s precision, no more', () => {
  expect(cslDate('2021')).toEqual({ 'date-parts': [[2021]] });
  expect(cslDate('2021-07')).toEqual({ 'date-parts': [[2021, 7]] });
  expect(cslDate('2021-07-04')).toEqual({ 'date-parts': [[2021, 7, 4]] });
});

test('cites our reading (Gloss, its title, the annotated date, its URL under the base) and the original it is based on', async () => {
  const [ours, original] = citationItems(await tea(annotated), location);
  expect(ours).toEqual({
    id: 'gloss-tea-tariffs',
    type: 'webpage',
    title: 'Why the tea tariff will outlast its critics',
    author: [{ literal: 'Gloss' }],
    genre: 'Annotated reading',
    issued: { 'date-parts': [[2026, 11, 29]] },
    URL: 'https://gloss.example/annotated/tea-tariffs/',
  });
  expect(original).toEqual({
    id: 'original-tea-tariffs',
    type: 'article-newspaper',
    title: 'Why the tea tariff will outlast its critics',
    author: [{ given: 'Mara', family: 'Quill' }],
    genre: 'Opinion',
    'container-title': 'The Fixture Gazette',
    issued: { 'date-parts': [[2021, 7]] },
    note: 'An annotated reading by Gloss is based on this article.',
  });
});

test('an argument’s page cites itself, by its own URL and heading', async () => {
  const [ours] = citationItems(await tea(), location, 1);
  expect(ours).toMatchObject({
    id: 'gloss-tea-tariffs-rivals',
    title: 'Why the tea tariff will outlast its critics — Reason 2 of 2: Rivals',
    URL: 'https://gloss.example/annotated/tea-tariffs/rivals/',
  });
});

test('gives the original’s URL only when the reading has one, and leaves unknown dates out', async () => {
  const [ours, original] = citationItems(
    await tea((frontmatter) => {
      delete frontmatter.source.published;
    }),
    location,
  );
  expect(ours).not.toHaveProperty('issued');
  expect(original).not.toHaveProperty('issued');
  expect(original).not.toHaveProperty('URL');
  const [, linked] = citationItems(
    await tea((frontmatter) => {
      frontmatter.source.url = 'https://gazette.example/tea';
    }),
    location,
  );
  expect(linked.URL).toBe('https://gazette.example/tea');
});

test('formats both in APA, with the date as precise as we know it and no invented one', async () => {
  const [ours, original] = citationItems(await tea(annotated), location).map((item) => formattedCitation(item));
  expect(ours).toBe(
    'Gloss. (2026, November 29). Why the tea tariff will outlast its critics [Annotated reading]. https://gloss.example/annotated/tea-tariffs/',
  );
  expect(original).toBe('Quill, M. (2021, July). Why the tea tariff will outlast its critics [Opinion]. The Fixture Gazette.');
  const undated = citationItems(
    await tea((frontmatter) => {
      delete frontmatter.source.published;
    }),
    location,
  ).map((item) => formattedCitation(item));
  expect(undated[1]).toBe('Quill, M. (n.d.). Why the tea tariff will outlast its critics [Opinion]. The Fixture Gazette.');
  expect(undated.join(' ')).not.toMatch(/\b(19|20)\d\d\b/);
});

test('a cache keeps each formatted citation by its inputs: read back, not formatted again; a changed item is formatted anew', async () => {
  const first = await mkdtemp(path.join(tmpdir(), 'gloss-citations-'));
  const second = await mkdtemp(path.join(tmpdir(), 'gloss-citations-'));
  try {
    const [ours] = citationItems(await tea(annotated), location);
    const fresh = new Cite([ours]).format('bibliography', { format: 'text', template: 'apa', lang: 'en-US' }).trim();
    expect(formattedCitation(ours!, { cacheDir: first })).toBe(fresh);
    const kept = await readdir(first);
    expect(kept).toHaveLength(1);
    expect(await readFile(path.join(first, kept[0]!), 'utf8')).toBe(fresh);
    // A second build (another cache folder, the same file) reads the text back: proved by a text citeproc would never write.
    await writeFile(path.join(second, kept[0]!), 'kept');
    expect(formattedCitation(ours!, { cacheDir: second })).toBe('kept');
    // Any changed field is another key, formatted anew.
    const retitled = { ...ours!, title: 'Why the tea tariff will fall' };
    expect(formattedCitation(retitled, { cacheDir: second })).toBe(
      fresh.replace('Why the tea tariff will outlast its critics', 'Why the tea tariff will fall'),
    );
    expect(await readdir(second)).toHaveLength(2);
  } finally {
    await Promise.all([first, second].map((dir) => rm(dir, { recursive: true, force: true })));
  }
});

/** The fields a reference manager reads back, by the item's title and type. */
const readBack = (file: string) =>
  (new Cite(file).data as Record<string, unknown>[]).map((item) => ({
    title: item.title,
    author: item.author,
    issued: item.issued,
    URL: item.URL,
    'container-title': item['container-title'],
    note: item.note,
  }));

test('the BibTeX and RIS files read back as both items, with the frontmatter’s fields', async () => {
  const items = citationItems(await tea(annotated), location);
  for (const extension of ['bib', 'ris'] as const) {
    const [ours, original] = readBack(citationFile(items, extension));
    expect(ours, extension).toMatchObject({
      title: 'Why the tea tariff will outlast its critics',
      issued: { 'date-parts': [[2026, 11, 29]] },
      URL: 'https://gloss.example/annotated/tea-tariffs/',
    });
    expect(original, extension).toMatchObject({
      title: 'Why the tea tariff will outlast its critics',
      author: [{ given: 'Mara', family: 'Quill' }],
      issued: { 'date-parts': [[2021, 7]] },
      'container-title': 'The Fixture Gazette',
      note: 'An annotated reading by Gloss is based on this article.',
    });
    expect(original!.URL, extension).toBeUndefined();
  }
  expect(JSON.parse(citationFile(items, 'json'))).toEqual(items);
});
