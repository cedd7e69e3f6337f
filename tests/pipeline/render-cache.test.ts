/**
 * The processor the site is built with keeps each reading's render on disk
 * (`cacheDir`): a later build, which makes a new processor, reads it back
 * instead of running the reading transform, until the reading, its
 * frontmatter or the transform's version changes. Each test has its own
 * folder and removes it.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { markdownOptions, readingProcessor, readingRenderer, renderOnce } from '../../src/pipeline/processor.ts';
import { renderCache } from '../../src/pipeline/render-cache.ts';
import { RESULT_KEY } from '../../src/reading/result.ts';
import { type Frontmatter, fixtureReadings, readFixture } from '../support/pipeline.ts';
const fileURL = pathToFileURL(path.join(fixtureReadings, 'tea-tariffs.md'));

let cacheDir: string;
beforeEach(async () => {
  cacheDir = await mkdtemp(path.join(tmpdir(), 'gloss-renders-'));
});
afterEach(() => rm(cacheDir, { recursive: true, force: true }));

/**
 * A renderer as Astro makes it from the site's processor, keeping renders in
 * `cacheDir`, and the number of times its reading transform has run: the
 * transform hands each run's problems (none, for the fixture) to
 * `onProblems`, once per run, so its calls count the runs.
 */
async function counted() {
  const runs = { count: 0 };
  const renderer = await readingProcessor({ readingsFolder: fixtureReadings, cacheDir, onProblems: () => runs.count++ }).createRenderer({
    ...markdownOptions,
  });
  return { renderer, runs };
}

/** The kept files, one per reading. */
const entries = async () => (await readdir(cacheDir).catch(() => [])).map((name) => path.join(cacheDir, name));

/** Astro's processor logs a failing render's error; keep it out of the test output. */
const quietly = () => vi.spyOn(console, 'error').mockImplementation(() => {});

describe('a reading rendered by one build is read back by the next', () => {
  test('a second processor over the same folder renders the reading without running the transform, and gives what a fresh render gives', async () => {
    const { frontmatter: fixture, body } = await readFixture('tea-tariffs.md');
    // An unquoted YAML date is a Date in the frontmatter Astro hands over, and comes back a Date, not a string.
    const frontmatter = { ...fixture, annotated: new Date('2026-11-29T00:00:00Z') };
    const first = await counted();
    await first.renderer.render(body, { frontmatter, fileURL });
    expect(first.runs.count).toBe(1);
    expect(await entries()).toHaveLength(1);

    const second = await counted();
    const kept = await second.renderer.render(body, { frontmatter, fileURL });
    expect(second.runs.count).toBe(0);
    const fresh = await (await readingRenderer({ readingsFolder: fixtureReadings })).render(body, { frontmatter, fileURL });
    // The HTML and the metadata, the frontmatter with its ReadingResult included, as the transform made them.
    expect(kept).toStrictEqual(fresh);
    expect(Object.keys(kept.metadata.frontmatter)).toContain('gloss');
  });

  test('a changed frontmatter or body renders again, and replaces the reading’s one entry', async () => {
    const { frontmatter, body } = await readFixture('tea-tariffs.md');
    await (await counted()).renderer.render(body, { frontmatter, fileURL });
    const retitled = { ...frontmatter, thesis: 'Another thesis.' };
    const changedFrontmatter = await counted();
    await changedFrontmatter.renderer.render(body, { frontmatter: retitled, fileURL });
    expect(changedFrontmatter.runs.count).toBe(1);
    const changedBody = await counted();
    const html = await changedBody.renderer.render(body.replace('quietly', 'openly'), { frontmatter: retitled, fileURL });
    expect(changedBody.runs.count).toBe(1);
    expect(html.code).toContain('<em>openly</em>');
    expect(await entries()).toHaveLength(1);
  });

  test('another version of the transform renders again', async () => {
    const { frontmatter, body } = await readFixture('tea-tariffs.md');
    const runs = { count: 0 };
    const renderer = await readingRenderer({ readingsFolder: fixtureReadings, onProblems: () => runs.count++ });
    const withVersion = (version: string) => renderOnce(renderer, fixtureReadings, renderCache(cacheDir, version));
    await withVersion('code A').render(body, { frontmatter, fileURL });
    await withVersion('code A').render(body, { frontmatter, fileURL });
    expect(runs.count).toBe(1);
    await withVersion('code B').render(body, { frontmatter, fileURL });
    expect(runs.count).toBe(2);
  });

  test('without `cache`, the processor reads and writes nothing on disk', async () => {
    const { frontmatter, body } = await readFixture('tea-tariffs.md');
    const renderer = await readingProcessor({ readingsFolder: fixtureReadings, cacheDir, cache: false }).createRenderer({ ...markdownOptions });
    await renderer.render(body, { frontmatter, fileURL });
    expect(await entries()).toEqual([]);
  });
});

describe('what a kept render says and what is never kept', () => {
  /** The fixture as a full text in which a note is placed approximately: the build warns about it and still renders. */
  async function approximateFullText() {
    const reading = await readFixture('tea-tariffs.md');
    (reading.frontmatter as Frontmatter).edition = 'full';
    reading.body = reading.body.replace('twelve per cent', 'twelve percent');
    return reading;
  }
  const siteProcessor = () => readingProcessor({ readingsFolder: fixtureReadings, cacheDir }).createRenderer({ ...markdownOptions });

  test('a reading’s warnings are printed when it renders, and again, from its entry, when it is read back', async () => {
    const { frontmatter, body } = await approximateFullText();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const warning = 'tests/fixtures/readings/tea-tariffs.md: warning: notes.0 (tariff-rate): quote "twelve per cent" placed approximately (score 0.93)';
    await (await siteProcessor()).render(body, { frontmatter, fileURL });
    expect(warn.mock.calls).toEqual([[warning]]);

    warn.mockClear();
    await (await siteProcessor()).render(body, { frontmatter, fileURL });
    expect(warn.mock.calls).toEqual([[warning]]);

    // Printed from the entry, and the transform did not run (it would print the real warning too): proved by a warning it never writes.
    const [entry] = await entries();
    const kept = deserialize(await readFile(entry!));
    kept.result.metadata.frontmatter[RESULT_KEY].warnings = ['kept warning'];
    await writeFile(entry!, serialize(kept));
    warn.mockClear();
    await (await siteProcessor()).render(body, { frontmatter, fileURL });
    expect(warn.mock.calls).toEqual([['kept warning']]);
  });

  test('a reading that fails is not kept, and fails again on the next build', async () => {
    quietly();
    const { frontmatter, body } = await readFixture('tea-tariffs.md');
    const broken = { ...frontmatter, conclusion: { cue: 'Never found' } };
    await expect((await siteProcessor()).render(body, { frontmatter: broken, fileURL })).rejects.toThrow(/conclusion\.cue/);
    expect(await entries()).toEqual([]);
    await expect((await siteProcessor()).render(body, { frontmatter: broken, fileURL })).rejects.toThrow(/conclusion\.cue/);
  });

  test('a reading with problems handed to `onProblems` (it renders, without its result) is not kept either', async () => {
    const { frontmatter, body } = await readFixture('tea-tariffs.md');
    const broken = { ...frontmatter, conclusion: { cue: 'Never found' } };
    const problems: string[][] = [];
    for (const _ of [1, 2]) {
      const renderer = await readingProcessor({ readingsFolder: fixtureReadings, cacheDir, onProblems: (found) => problems.push(found) }).createRenderer({
        ...markdownOptions,
      });
      await renderer.render(body, { frontmatter: broken, fileURL });
    }
    expect(problems).toHaveLength(2);
    expect(problems[1]).toEqual(problems[0]);
    expect(await entries()).toEqual([]);
  });

  test.each([
    ['bytes that are no entry', () => Buffer.from('not a render')],
    ['an entry cut short', (entry: Buffer) => entry.subarray(0, entry.length >> 1)],
    ['a value of another shape', () => serialize({ key: 'old', result: 'not a render' })],
    ['an empty file', () => Buffer.alloc(0)],
  ])('a corrupt entry (%s) is rendered again and overwritten, never an error', async (_, corrupt) => {
    const { frontmatter, body } = await readFixture('tea-tariffs.md');
    const fresh = await (await counted()).renderer.render(body, { frontmatter, fileURL });
    const [entry] = await entries();
    await writeFile(entry!, corrupt(await readFile(entry!)));

    const after = await counted();
    expect(await after.renderer.render(body, { frontmatter, fileURL })).toStrictEqual(fresh);
    expect(after.runs.count).toBe(1);
    const next = await counted();
    await next.renderer.render(body, { frontmatter, fileURL });
    expect(next.runs.count).toBe(0);
  });
});
