/** The one reading transform: its problems are vfile messages, all of them in one run, each with its rule and, where the file has one, its place. */
import { expect, test } from 'vitest';
import type { VFileMessage } from 'vfile-message';
import { readingRenderer } from '../../src/pipeline/processor.ts';
import { fixtureReadings, readFixture } from '../support/pipeline.ts';

test('reports every problem as a message of its own, with its rule and its place, and records no result', async () => {
  const found: { problems: string[]; messages: VFileMessage[] } = { problems: [], messages: [] };
  const renderer = await readingRenderer({
    readingsFolder: fixtureReadings,
    onProblems: (problems, file) => {
      found.problems = problems;
      found.messages = file.messages;
    },
  });
  const { frontmatter, body } = await readFixture('tea-tariffs.md');
  const reading = frontmatter as { conclusion: { cue: string }; notes: { quote: string }[] };
  reading.conclusion.cue = 'To sum up';
  reading.notes[0]!.quote = 'eleven per cent';
  const { metadata } = await renderer.render(`${body}\n\nA <b>bold</b> claim.\n`, {
    frontmatter,
    fileURL: new URL(`file://${process.cwd()}/tests/fixtures/readings/tea-tariffs.md`),
  });
  expect(found.messages.map((message) => [message.source, message.ruleId])).toEqual([
    ['gloss', 'cue'],
    ['gloss', 'note'],
    ['gloss', 'unsafe-markup'],
    ['gloss', 'unsafe-markup'],
  ]);
  expect(found.problems).toEqual(found.messages.map((message) => message.reason));
  // The raw HTML is in the file, so its message says where.
  expect(found.messages.at(-1)!.line).toBeGreaterThan(1);
  expect(metadata.frontmatter.gloss).toBeUndefined();
});
