/** The argument map built from a fixture reading and the outline its rendering recorded. */
import { describe, expect, test } from 'vitest';
import { argumentMap } from '../../src/site/argument-map.ts';
import { outlineOf } from '../../src/reading/outline.ts';
import { parseReading } from '../../src/reading/schema.ts';
import { readFixture, renderFixtureData } from '../support/pipeline.ts';

const fixture = async () => {
  const { frontmatter } = await renderFixtureData('orchard-water.md');
  const reading = parseReading((await readFixture('orchard-water.md')).frontmatter, 'orchard-water.md');
  return { reading, outline: outlineOf(frontmatter) };
};

describe('argumentMap', () => {
  test('roots the map in the thesis, linked to the introduction where it is set up', async () => {
    const { reading, outline } = await fixture();
    expect(argumentMap(reading, outline).thesis).toEqual({ text: reading.thesis, href: '#introduction' });
  });

  test('puts the reasons under it in the frontmatter’s order, each linked to its section with its share of the text', async () => {
    const { reading, outline } = await fixture();
    const reasons = argumentMap(reading, outline).reasons;
    expect(reasons.map((r) => [r.heading, r.href, r.claim])).toEqual([
      ['Reason 1 of 2 · Water', '#water', 'The reservoir holds enough for the orchards in most years.'],
      ['Reason 2 of 2 · Trade', '#trade', 'The town’s market lives on the fruit.'],
    ]);
    // 24 of 61 words, and 16 of 61.
    expect(reasons.map((r) => r.share)).toEqual([39, 26]);
  });

  test('links each point to where the text makes it: its note’s marker, else its reason', async () => {
    const { reading, outline } = await fixture();
    const [water, trade] = argumentMap(reading, outline).reasons;
    expect(water!.points.map((p) => [p.text, p.href])).toEqual([
      ['The reservoir is larger than it was', '#note-reservoir-ref'],
      ['Dry years are rare', '#note-rainfall-ref'],
      ['Pumps waste little', '#water'],
    ]);
    // Only challenged: it is made where its first challenger anchors.
    expect(trade!.points[1]!.href).toBe('#note-buyers-ref');
  });

  test('marks a challenged point with the notes that qualify it, by the numbers the reader sees, in order', async () => {
    const { reading, outline } = await fixture();
    const [water, trade] = argumentMap(reading, outline).reasons;
    expect(water!.points[0]!.qualifiers).toEqual([]);
    expect(water!.points[1]!.qualifiers).toEqual([{ number: 3, href: '#note-drought' }]);
    // Declared as [buyers, drought]; listed by number.
    expect(trade!.points[1]!.qualifiers).toEqual([
      { number: 3, href: '#note-drought' },
      { number: 5, href: '#note-buyers' },
    ]);
  });

  test('counts the author’s forecasts by status, in the statuses’ order, leaving out a status none has', async () => {
    const { reading, outline } = await fixture();
    expect(argumentMap(reading, outline).forecasts).toEqual([
      { status: 'held', count: 1, label: 'Held' },
      { status: 'partly', count: 1, label: 'Partly held' },
    ]);
    const [held, partly] = reading.forecasts;
    const failed = { ...held!, id: 'failed-one', status: 'failed' as const };
    expect(argumentMap({ ...reading, forecasts: [failed, partly!, held!, { ...held!, id: 'held-again' }] }, outline).forecasts).toEqual([
      { status: 'held', count: 2, label: 'Held' },
      { status: 'partly', count: 1, label: 'Partly held' },
      { status: 'failed', count: 1, label: 'Failed' },
    ]);
    expect(argumentMap({ ...reading, forecasts: [] }, outline).forecasts).toEqual([]);
  });

  test('a reading without points maps its thesis and reasons only', async () => {
    const { reading, outline } = await fixture();
    const bare = { ...reading, arguments: reading.arguments.map(({ points: _, ...argument }) => argument) };
    expect(argumentMap(bare, outline).reasons.every((r) => r.points.length === 0)).toBe(true);
  });

  test('without an introduction the thesis links to the first section', async () => {
    const { reading, outline } = await fixture();
    const noIntro = { ...outline, sections: outline.sections.filter((s) => s.id !== 'introduction') };
    expect(argumentMap(reading, noIntro).thesis.href).toBe('#water');
  });

  test('fails, naming the note, if the outline lacks a note a point refers to', async () => {
    const { reading, outline } = await fixture();
    const { rainfall: _, ...notes } = outline.notes;
    expect(() => argumentMap(reading, { ...outline, notes })).toThrow('the outline has no note "rainfall"');
  });
});
