import { describe, expect, test } from 'vitest';
import { citationLine } from '../../src/reading/labels.ts';
import { parseReading } from '../../src/reading/schema.ts';
import { type Frontmatter, readFixture } from '../support/pipeline.ts';

/** The error parsing `frontmatter` fails with, every problem listed; '' if it parses. */
function problemsOf(frontmatter: unknown): string {
  try {
    parseReading(frontmatter, 'x.md');
    return '';
  } catch (caught) {
    return String(caught);
  }
}

const valid = async () => (await readFixture('tea-tariffs.md')).frontmatter as Frontmatter;

test('accepts the fixture reading and keeps a month-only date as it is', async () => {
  const reading = parseReading(await valid(), 'x.md');
  expect(reading.source.published).toBe('2021-07');
  expect(reading.notes).toHaveLength(2);
});

test('a reading may leave its publication date out, and its citation line then gives the publication alone', async () => {
  const frontmatter = await valid();
  delete frontmatter.source.published;
  const reading = parseReading(frontmatter, 'tea-tariffs.md');
  expect(reading.source).toEqual({ publication: 'The Fixture Gazette' });
  expect(citationLine(reading)).toBe('The Fixture Gazette');
  frontmatter.source.published = '2021-07';
  expect(citationLine(parseReading(frontmatter, 'tea-tariffs.md'))).toBe('The Fixture Gazette, July 2021');
});

test('names the file and every offending field', async () => {
  const frontmatter = await valid();
  delete frontmatter.thesis;
  frontmatter.source.published = 'March 2022';
  frontmatter.subtitle = 'unknown key';
  expect(() => parseReading(frontmatter, 'content/readings/x.md')).toThrow(
    /^content\/readings\/x\.md: invalid frontmatter\n(?=[\s\S]*thesis)(?=[\s\S]*source\.published: must be YYYY)(?=[\s\S]*subtitle)/,
  );
});

test('refuses duplicate argument ids and notes without a source', async () => {
  const frontmatter = await valid();
  frontmatter.arguments[1].id = frontmatter.arguments[0].id;
  frontmatter.notes[0].sources = [];
  const error = problemsOf(frontmatter);
  expect(error).toContain('arguments.1.id: duplicate argument id "growers"');
  expect(error).toContain('notes.0.sources: every note cites at least one source');
});

test('refuses ids that would clash with the page’s own fragments', async () => {
  const frontmatter = await valid();
  frontmatter.arguments[0].id = 'conclusion';
  frontmatter.arguments[1].id = 'growers-2';
  frontmatter.notes[0].id = 'fn-1';
  frontmatter.arguments.push({ ...frontmatter.arguments[0], id: 'forecasts', cue: 'x' }, { ...frontmatter.arguments[0], id: 'forecast-stays', cue: 'y' });
  const error = problemsOf(frontmatter);
  expect(error).toContain('arguments.0.id: "conclusion" would clash with the page\'s own fragments');
  // The scored section and its rows (#forecasts, #forecast-<id>).
  expect(error).toContain('arguments.2.id: "forecasts" would clash');
  expect(error).toContain('arguments.3.id: "forecast-stays" would clash');
  expect(error).toContain('arguments.1.id: "growers-2" would clash');
  expect(error).toContain('notes.0.id: ids starting "fn-" are kept for footnotes');
});

test('a source url must stay empty rather than be anything but a web address', async () => {
  const frontmatter = await valid();
  frontmatter.source.url = 'somewhere on thehill';
  expect(() => parseReading(frontmatter, 'x.md')).toThrow(/source\.url/);
});

test('an archived copy of the source is optional, and a web address when given', async () => {
  const frontmatter = await valid();
  frontmatter.source.archive = 'https://web.archive.org/web/2021/https://gazette.example/tea';
  expect(parseReading(frontmatter, 'x.md').source.archive).toBe('https://web.archive.org/web/2021/https://gazette.example/tea');
  frontmatter.source.archive = 'ftp://archive.example/tea';
  expect(() => parseReading(frontmatter, 'x.md')).toThrow(/source\.archive/);
});

test('a point may name the notes that qualify it, as one id or a list, and each must exist', async () => {
  const frontmatter = (await readFixture('orchard-water.md')).frontmatter as Frontmatter;
  const reading = parseReading(frontmatter, 'x.md');
  expect(reading.arguments[0]!.points![1]!.qualifiedBy).toEqual(['drought']);
  expect(reading.arguments[1]!.points![1]!.qualifiedBy).toEqual(['buyers', 'drought']);
  frontmatter.arguments[1].points[1].qualifiedBy = ['buyers', 'weather'];
  expect(() => parseReading(frontmatter, 'x.md')).toThrow('arguments.1.points.1.qualifiedBy.1: no note has id "weather"');
});

describe('forecasts', () => {
  const forecast = () => ({
    id: 'tariff-stays',
    claim: 'The tariff will survive the next review.',
    quote: 'each spring it survives',
    status: 'held',
    checked: '2026-12-02',
    evidence: 'The fictional review kept the rate.',
    source: { title: 'Fixture Trade Review', url: 'https://example.org/trade' },
  });
  const withForecasts = async (...forecasts: Record<string, unknown>[]) => ({ ...(await valid()), forecasts });

  test('a scored forecast parses, with a source, a note or both', async () => {
    const reading = parseReading(await withForecasts(forecast(), { ...forecast(), id: 'by-note', source: undefined, note: 'harbour' }), 'x.md');
    expect(reading.forecasts.map((f) => [f.id, f.status, f.checked])).toEqual([
      ['tariff-stays', 'held', '2026-12-02'],
      ['by-note', 'held', '2026-12-02'],
    ]);
    expect(parseReading(await valid(), 'x.md').forecasts).toEqual([]);
  });

  test('an unknown status names the field', async () => {
    expect(problemsOf(await withForecasts(forecast(), { ...forecast(), id: 'other', status: 'maybe' }))).toMatch(/^ {2}forecasts\.1\.status: /m);
  });

  test('a missing or partial checked date names the field', async () => {
    const { checked: _, ...unchecked } = forecast();
    expect(problemsOf(await withForecasts(unchecked))).toMatch(/^ {2}forecasts\.0\.checked: /m);
    expect(problemsOf(await withForecasts({ ...forecast(), checked: '2026-12' }))).toContain('forecasts.0.checked: must be a full date, YYYY-MM-DD');
  });

  test('evidence without a source or a note names the field', async () => {
    const { source: _, ...unsourced } = forecast();
    expect(problemsOf(await withForecasts(unsourced))).toContain('forecasts.0.source: give the evidence a source, a note, or both');
  });

  test('a note that does not exist, a duplicate id and an unknown key name their fields', async () => {
    const error = problemsOf(await withForecasts({ ...forecast(), note: 'weather' }, { ...forecast(), verdict: 'yes' }));
    expect(error).toContain('forecasts.0.note: no note has id "weather"');
    expect(error).toContain('forecasts.1.id: duplicate forecast id "tariff-stays"');
    expect(error).toMatch(/forecasts\.1: .*verdict/);
  });
});

test('a note may be a counterpoint and carry a gist', async () => {
  const frontmatter = await valid();
  frontmatter.notes[0].kind = 'counterpoint';
  frontmatter.notes[0].gist = 'The rate is lower than it looks.';
  const reading = parseReading(frontmatter, 'x.md');
  expect(reading.notes[0]).toMatchObject({ kind: 'counterpoint', gist: 'The rate is lower than it looks.' });
  frontmatter.notes[0].gist = ' ';
  expect(problemsOf(frontmatter)).toContain('notes.0.gist: must not be empty');
});
