/**
 * The closeness measures on invented texts: how words are folded, which
 * shared runs count (quotations, cues and names do not), the ratio, the
 * 4-gram share and the median sentence match; and, on the fictional
 * river-towns article, the same figures the editorial tool edition-check
 * (Python) printed for the same texts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importArticle } from '../../src/import/article.ts';
import { DEFAULT_LIMITS, closenessWords, measureCloseness, quotedSpans, sentencesOf } from '../../src/import/edition-closeness.ts';
import { readReading, splitFrontmatter } from '../../src/import/full-text-edition.ts';
import type { Reading } from '../../src/reading/schema.ts';

const fixtures = path.resolve(import.meta.dirname, '../fixtures/articles');
const readFixture = (name: string) => readFileSync(path.join(fixtures, name), 'utf8');
const edition = (name: string) => {
  const source = readFixture(name);
  return { reading: readReading(source, name), body: splitFrontmatter(source, name).body };
};

const summary = edition('river-towns.summary.md');
/** The summary's reading with one-word thesis and claims and no points: only the body is measured. */
const bare: Reading = {
  ...summary.reading,
  thesis: 'Thesis.',
  arguments: summary.reading.arguments.map(({ points: _, ...argument }) => ({ ...argument, claim: 'Claim.' })),
};
const runsOf = (body: string, article: string[], reading = bare) => measureCloseness(reading, body, article).runs.map(({ where, text }) => `${where}: ${text}`);

describe('words, sentences and quotations', () => {
  it('folds quotes, dashes and hyphens and lower-cases, keeping ASCII words', () => {
    expect(closenessWords('The U.S.-led “sanctions” aren’t—quite—2022’s')).toEqual(['the', 'u', 's', 'led', 'sanctions', "aren't", 'quite', "2022's"]);
    expect(closenessWords('Café – naïve')).toEqual(['caf', 'na', 've']);
  });

  it('splits sentences after . ! ? : ; but not inside U.S.', () => {
    expect(sentencesOf('The U.S. Navy sailed. Did it? Yes: twice; then home!  Done')).toEqual([
      'The U.S. Navy sailed.',
      'Did it?',
      'Yes:',
      'twice;',
      'then home!',
      'Done',
    ]);
  });

  it('finds spans inside straight or curly double quotes, ignoring a stray closing mark', () => {
    const text = 'a ” b “c d” e "f" g "h';
    expect(quotedSpans(text).map(([start, end]) => text.slice(start, end))).toEqual(['c d', 'f']);
  });
});

describe('shared runs', () => {
  const article = ['The old ferry crossed the grey estuary every morning at dawn, and the U.S.-led survey counted its passengers.'];

  it('lists a run of five or more words shared with the article, as the edition writes it', () => {
    expect(runsOf('We read that the old ferry crossed the grey estuary daily.', article)).toEqual(['paragraph 1: the old ferry crossed the grey estuary']);
    expect(runsOf('Later the U.S. led survey counted the boats.', article)).toEqual(['paragraph 1: the U.S. led survey counted']);
  });

  it('lets a run of four words through', () => {
    expect(runsOf('the old ferry crossed a river', article)).toEqual([]);
  });

  it('lets quoted words through, unless five unquoted words remain', () => {
    expect(runsOf('We read that "the old ferry crossed the grey estuary" daily.', article)).toEqual([]);
    expect(runsOf('We read that “the old ferry crossed the grey estuary” daily.', article)).toEqual([]);
    expect(runsOf('We read that the old "ferry crossed" the grey estuary every day.', article)).toEqual([
      'paragraph 1: the old "ferry crossed" the grey estuary every',
    ]);
  });

  it('lets a cue through with fewer than five words around it', () => {
    const cued = ['First, on cost, the ferry loses money every winter.'];
    expect(runsOf('First, on cost, the ferry loses money.', cued)).toEqual([]);
    expect(runsOf('First, on cost, the ferry loses money every winter.', cued)).toEqual(['paragraph 1: First, on cost, the ferry loses money every winter']);
  });

  it('lets a name through when every word is capitalised but the small ones', () => {
    const named = ['The boats belonged to the Slow River Ferry and Towage Company of Lowfield until it failed.'];
    expect(runsOf('It was the Slow River Ferry and Towage Company of Lowfield.', named)).toEqual([]);
    expect(runsOf('It was the slow river ferry and towage company of Lowfield.', named)).toEqual([
      'paragraph 1: the slow river ferry and towage company of Lowfield',
    ]);
  });

  it('measures the thesis, the claims and the map points too, and names them', () => {
    const [cost, ...rest] = bare.arguments;
    const reading: Reading = {
      ...bare,
      thesis: 'In short the old ferry crossed the grey estuary.',
      arguments: [
        {
          ...cost!,
          claim: 'It crossed the grey estuary every morning at dawn.',
          points: [{ text: 'Quiet' }, { text: 'The U.S.-led survey counted its passengers' }],
        },
        ...rest,
      ],
    };
    expect(runsOf('Nothing shared here.', article, reading)).toEqual([
      'thesis: the old ferry crossed the grey estuary',
      'arguments.0.claim (cost): crossed the grey estuary every morning at dawn',
      'arguments.0.points.1.text (cost): The U.S.-led survey counted its passengers',
    ]);
  });
});

describe('ratio, 4-gram share and sentence match', () => {
  const article = ['Alpha beta gamma delta epsilon zeta eta theta. Iota kappa lambda mu nu xi omicron pi.'];
  const report = measureCloseness(bare, 'Alpha beta gamma delta rho sigma. Tau upsilon phi chi psi omega.\n\nOne two three.\n', article);

  it('counts the body words against the article words', () => {
    expect([report.bodyWords, report.articleWords, report.ratio]).toEqual([15, 16, 15 / 16]);
  });

  it('counts the 4-word sequences found in the article', () => {
    expect(report.fourGrams).toEqual({ total: 9, shared: 1, share: 1 / 9 });
  });

  it('scores sentences of six words or more by their best word LCS, and takes the median', () => {
    expect(report.sentences.map(({ text, score, article }) => [text, score, article])).toEqual([
      ['Alpha beta gamma delta rho sigma.', 4 / 6, { paragraph: 1, sentence: 1 }],
      ['Tau upsilon phi chi psi omega.', 0, { paragraph: 1, sentence: 1 }],
    ]);
    expect(report.medianSentence).toBe(1 / 3);
  });

  it('prints each measure with its limit and fails above them', () => {
    expect(report.checks).toEqual([
      { name: 'length ratio (edition body / article body)', value: '0.94 (15 / 16 words)', limit: '<= 0.40', ok: false },
      { name: 'unquoted runs of 5+ shared words (cues excepted)', value: '0', limit: '0', ok: true },
      { name: '4-gram share', value: '0.11', limit: '<= 0.08', ok: false },
      { name: 'median sentence match (word LCS)', value: '0.33 over 2 sentences', limit: '<= 0.40', ok: true },
    ]);
    expect(report.passed).toBe(false);
    const lenient = measureCloseness(bare, 'Alpha beta gamma delta rho sigma. Tau upsilon phi chi psi omega.\n\nOne two three.\n', article, {
      ...DEFAULT_LIMITS,
      ratio: 1,
      fourGram: 0.2,
    });
    expect(lenient.passed).toBe(true);
  });

  it('rounds a figure as the Python tool does: an exact tie to the even digit', () => {
    const eighth = measureCloseness(bare, 'Alpha.', ['Alpha beta gamma delta epsilon zeta eta theta.']);
    expect(eighth.ratio).toBe(0.125);
    expect(eighth.checks[0]!.value).toBe('0.12 (1 / 8 words)');
    const threeEighths = measureCloseness(bare, 'Alpha beta gamma.', ['Alpha beta gamma delta epsilon zeta eta theta.']);
    expect(threeEighths.checks[0]!.value).toBe('0.38 (3 / 8 words)');
  });

  it('never prints a figure over its limit as the limit itself', () => {
    const justOver = measureCloseness(bare, 'word '.repeat(121), ['other '.repeat(300)]);
    expect(justOver.checks[0]).toEqual({ name: 'length ratio (edition body / article body)', value: '0.403 (121 / 300 words)', limit: '<= 0.40', ok: false });
    const finerLimit = measureCloseness(bare, 'word '.repeat(121), ['other '.repeat(300)], { ...DEFAULT_LIMITS, ratio: 0.405 });
    expect(finerLimit.checks[0]).toEqual({ name: 'length ratio (edition body / article body)', value: '0.40 (121 / 300 words)', limit: '<= 0.405', ok: true });
  });

  it('counts a shorter run when the run limit is lowered', () => {
    const strict = measureCloseness(bare, 'Alpha beta gamma delta rho sigma.', article, { ...DEFAULT_LIMITS, run: 4 });
    expect(strict.runs.map((run) => run.text)).toEqual(['Alpha beta gamma delta']);
    expect(strict.checks[1]).toMatchObject({ name: 'unquoted runs of 4+ shared words (cues excepted)', value: '1', ok: false });
  });
});

describe('the fictional river-towns article', () => {
  const text = readFixture('river-towns.txt');
  /** The article as edition-check reads it: every line of 20 words or more. */
  const toolParagraphs = text.split('\n').filter((line) => closenessWords(line).length >= 20);
  /** The article as the import reads it (and so npm run check-edition). */
  const importedParagraphs = importArticle(text, 'river-towns.txt', {
    title: summary.reading.title,
    author: summary.reading.author.name,
    tags: summary.reading.tags,
  }).paragraphs;
  const figures = ({ ratio, runs, fourGrams, medianSentence, sentences, articleWords }: ReturnType<typeof measureCloseness>) => ({
    ratio,
    runs: runs.length,
    fourGrams: [fourGrams.shared, fourGrams.total],
    medianSentence,
    sentences: sentences.length,
    articleWords,
  });

  // The figures below are edition-check's for the same two files (its values printed unrounded).
  it("gives the editors' summary the Python tool's figures, within every limit", () => {
    const report = measureCloseness(summary.reading, summary.body, toolParagraphs);
    expect(figures(report)).toEqual({
      ratio: 0.327027027027027,
      runs: 0,
      fourGrams: [5, 166],
      medianSentence: 0.23863636363636365,
      sentences: 12,
      articleWords: 370,
    });
    expect(report.passed).toBe(true);
  });

  it("gives the close paraphrase the Python tool's figures and runs, over every limit", () => {
    const close = edition('river-towns.close.md');
    const report = measureCloseness(close.reading, close.body, toolParagraphs);
    expect(figures(report)).toEqual({
      ratio: 0.6054054054054054,
      runs: 15,
      fourGrams: [78, 244],
      medianSentence: 0.8333333333333334,
      sentences: 17,
      articleWords: 370,
    });
    expect(report.runs.map((run) => closenessWords(run.text).join(' '))).toEqual([
      'for a century and a half the',
      'when the harbour board voted',
      'the barge families who built',
      'towns they are right that it will hurt and',
      'but sentiment does not pay for',
      'by contrast costs more to build and',
      "less to keep the board's",
      'second on reliability the river sets the timetable not the shippers low water in august and ice in january',
      'a mill that misses its orders twice',
      'not wait for a third',
      'flour by lorry when the locks',
      'towns will choose the railway and',
      'be right to the canal can',
      'as a park and a memory',
      'reasons to back the railway and both come down to',
    ]);
    expect(report.checks.map((check) => check.ok)).toEqual([false, false, false, false]);
  });

  it("counts the short body lines the import keeps, so only the article's length differs", () => {
    const close = edition('river-towns.close.md');
    const [byTool, byImport] = [toolParagraphs, importedParagraphs].map((paragraphs) => figures(measureCloseness(close.reading, close.body, paragraphs)));
    expect(byImport).toEqual({ ...byTool, ratio: 224 / 384, articleWords: 384 });
  });
});
