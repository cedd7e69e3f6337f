/**
 * A bad reading fails, with one error naming the file and the field, cue or
 * note: every kind of problem, through the processor Astro runs. (That such
 * an error fails `astro build` and writes no page is
 * tests/build/errors.test.ts's concern, once per path an error takes.)
 */
import { describe, expect, test } from 'vitest';
import { type Frontmatter, renderFailure } from '../support/pipeline.ts';

type Change = (reading: { frontmatter: Frontmatter; body: string }) => void;

/** A forecast that fits the fixture's text (see tests/fixtures/readings/tea-tariffs.md). */
const forecast = (change: Record<string, unknown> = {}) => ({
  id: 'survives',
  claim: 'The tariff will survive another spring.',
  quote: 'each spring it survives',
  status: 'held',
  checked: '2026-12-02',
  evidence: 'It did, in the fictional record.',
  source: { title: 'Fixture Trade Review', url: 'https://example.org/trade' },
  ...change,
});

const cases: [string, Change, RegExp][] = [
  ['missing frontmatter field', (r) => delete r.frontmatter.thesis, /invalid frontmatter\n[\s\S]*thesis/],
  ['invalid frontmatter value', (r) => (r.frontmatter.edition = 'abridged'), /invalid frontmatter\n[\s\S]*edition/],
  ['unknown frontmatter key', (r) => (r.frontmatter.subtitle = 'x'), /invalid frontmatter\n[\s\S]*subtitle/],
  ['cue not found', (r) => (r.frontmatter.conclusion.cue = 'To sum up'), /conclusion\.cue: cue "To sum up" not found/],
  ['cue found more than once', (r) => (r.body += '\n\nIn short, again.\n'), /conclusion\.cue: cue "In short" found 2 times/],
  [
    'cues out of order',
    (r) => ([r.frontmatter.arguments[0].cue, r.frontmatter.arguments[1].cue] = [r.frontmatter.arguments[1].cue, r.frontmatter.arguments[0].cue]),
    /arguments\.1\.cue: cue "To begin with the growers" comes before/,
  ],
  ['duplicate argument ids', (r) => (r.frontmatter.arguments[1].id = 'growers'), /duplicate argument id "growers"/],
  ['note quote not found', (r) => (r.frontmatter.notes[0].quote = 'eleven per cent'), /notes\.0 \(tariff-rate\): quote "eleven per cent" not found/],
  ['ambiguous note quote', (r) => delete r.frontmatter.notes[1].prefix, /notes\.1 \(harbour\): quote "harbour duty" found 2 times/],
  ['forecast with an unknown status', (r) => (r.frontmatter.forecasts = [forecast({ status: 'maybe' })]), /forecasts\.0\.status/],
  [
    'forecast quote not found',
    (r) => (r.frontmatter.forecasts = [forecast({ quote: 'every autumn' })]),
    /forecasts\.0 \(survives\): quote "every autumn" not found/,
  ],
  [
    'raw HTML in the text',
    (r) => (r.body += '\n\n<script>alert(1)</script>\n'),
    /raw HTML is not allowed in a reading, write Markdown instead \(line \d+\): <script>/,
  ],
  [
    'a script link in a note',
    (r) => (r.frontmatter.notes[0].text = '[x](javascript:alert(1))'),
    /a link to "javascript:alert\(1\)" is not allowed \(in note-tariff-rate\)/,
  ],
];

describe('a bad reading fails, naming the file and what to fix', () => {
  test('the fixture itself renders (each case below breaks one thing)', async () => {
    expect(await renderFailure('tea-tariffs.md', () => {})).toBe('');
  });

  test.each(cases)('%s', async (_name, change, message) => {
    const failure = await renderFailure('tea-tariffs.md', change);
    expect(failure).toMatch(/tests\/fixtures\/readings\/tea-tariffs\.md: /);
    expect(failure).toMatch(message);
  });
});
