import { expect, test } from 'vitest';
import { typographic } from '../../src/reading/typography.ts';
import { committedReading } from '../support/project.ts';

test('curls straight quotes and apostrophes, as the text gets them', () => {
  expect(typographic(`his "botched invasion" and Moscow's 'no limits'`)).toBe('his “botched invasion” and Moscow’s ‘no limits’');
  expect(typographic('Plain words stay as they are.')).toBe('Plain words stay as they are.');
});

test('the schema typesets the prose a reader sees', async () => {
  const reading = await committedReading('china-russia-alliance.md');
  const prose = [
    reading.thesis,
    ...reading.arguments.flatMap((a) => [a.claim, ...(a.points ?? []).map((p) => p.text)]),
    ...reading.forecasts.map((f) => f.claim),
  ];
  expect(prose.filter((text) => /["']/.test(text))).toEqual([]);
  expect(reading.thesis).toContain('“');
});
