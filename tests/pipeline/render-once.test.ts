/**
 * Astro loads each reading's module twice in a build and renders it on each
 * load: the processor Astro is given (`readingProcessor`) runs the reading
 * transform once per file and content, and again when the content changes.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { markdownOptions, readingProcessor } from '../../src/pipeline/processor.ts';
import { fixtureReadings, readFixture } from '../support/pipeline.ts';

const fileURL = pathToFileURL(path.join(fixtureReadings, 'tea-tariffs.md'));

/**
 * A renderer as Astro makes it, and the number of times its reading transform
 * has run: the transform hands each run's problems (none, for the fixture) to
 * `onProblems`, once per run, so its calls count the runs. No module mocking,
 * so this file can share a worker with the others.
 */
async function counted(cache = true) {
  const runs = { count: 0 };
  const renderer = await readingProcessor({ readingsFolder: fixtureReadings, cache, onProblems: () => runs.count++ }).createRenderer({
    ...markdownOptions,
  });
  return { renderer, runs };
}

describe('the processor Astro is given renders a reading once per content', () => {
  test('without the cache, each load of a reading runs the transform (what the cache saves)', async () => {
    const { frontmatter, body } = await readFixture('tea-tariffs.md');
    const { renderer: plain, runs } = await counted(false);
    await plain.render(body, { frontmatter, fileURL });
    await plain.render(body, { frontmatter, fileURL });
    expect(runs.count).toBe(2);
  });

  test('the second load of the same file and content costs no transform, and gives the same page', async () => {
    const { frontmatter, body } = await readFixture('tea-tariffs.md');
    const { renderer: cached, runs } = await counted();
    const [first, second] = await Promise.all([cached.render(body, { frontmatter, fileURL }), cached.render(body, { frontmatter, fileURL })]);
    const third = await cached.render(body, { frontmatter, fileURL });
    expect(runs.count).toBe(1);
    expect(second).toEqual(first);
    expect(third).toEqual(first);
    // Each caller has its own copy: changing one leaves the next load intact.
    third.metadata.frontmatter.title = 'changed';
    expect((await cached.render(body, { frontmatter, fileURL })).metadata.frontmatter.title).toBe(first.metadata.frontmatter.title);
  });

  test('a changed body or frontmatter runs the transform again', async () => {
    const { frontmatter, body } = await readFixture('tea-tariffs.md');
    const { renderer: cached, runs } = await counted();
    await cached.render(body, { frontmatter, fileURL });
    // Each change from the render before it, so that neither passes for the other: one entry is kept per file.
    const retitled = { ...frontmatter, thesis: 'Another thesis.' };
    await cached.render(body, { frontmatter: retitled, fileURL });
    expect(runs.count).toBe(2);
    const edited = await cached.render(body.replace('quietly', 'openly'), { frontmatter: retitled, fileURL });
    expect(runs.count).toBe(3);
    expect(edited.code).toContain('<em>openly</em>');
  });

  test('a reading that fails fails on every load', async () => {
    const { frontmatter, body } = await readFixture('tea-tariffs.md');
    // No `onProblems` here: a reading with problems then fails.
    const cached = await readingProcessor({ readingsFolder: fixtureReadings }).createRenderer({ ...markdownOptions });
    const broken = { ...frontmatter, conclusion: { cue: 'Never found' } };
    const log = console.error;
    console.error = () => {};
    try {
      await expect(cached.render(body, { frontmatter: broken, fileURL })).rejects.toThrow(/conclusion\.cue/);
      await expect(cached.render(body, { frontmatter: broken, fileURL })).rejects.toThrow(/conclusion\.cue/);
    } finally {
      console.error = log;
    }
  });
});
