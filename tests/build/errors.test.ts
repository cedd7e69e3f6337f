/**
 * Bad readings fail `astro build`: a non-zero exit, a message naming the file
 * and the field, cue or note, and no page that pretends to be fine. (By
 * default Astro 7 would log a plugin error, ship an empty page and exit 0;
 * the glob loader's `deferRender` is what makes these builds fail.)
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { type Frontmatter, readFixture } from '../support/pipeline.ts';
import { build, projectWith, readingFile } from '../support/project.ts';

type Change = (reading: { frontmatter: Frontmatter; body: string }) => void;

async function buildBroken(change: Change) {
  const reading = await readFixture('tea-tariffs.md');
  change(reading);
  const dir = await projectWith({ 'bad.md': readingFile(reading.frontmatter, reading.body) });
  return build(dir, path.join(dir, 'dist'));
}

// Every kind of problem is tests/pipeline/errors.test.ts's, through the same processor. Here, once for each path an
// error takes in a build: the content collection's schema (frontmatter), and the reading transform (the text).
const cases: [string, Change, RegExp][] = [
  ['unknown frontmatter key', (r) => (r.frontmatter.subtitle = 'x'), /subtitle/],
  ['cue not found', (r) => (r.frontmatter.conclusion.cue = 'To sum up'), /conclusion\.cue: cue "To sum up" not found/],
];

describe.concurrent('a bad reading fails the build', () => {
  test.each(cases)('%s', async (_name, change, message) => {
    const result = await buildBroken(change);
    expect(result.code, result.output).not.toBe(0);
    expect(result.output).toContain('content/readings/bad.md');
    expect(result.output).toMatch(message);
    expect(existsSync(path.join(result.outDir, 'bad/index.html'))).toBe(false);
    expect(existsSync(path.join(result.outDir, 'index.html'))).toBe(false);
  });
});
