import { describe, expect, test } from 'vitest';
import { describeSelector, findQuote, fold, locateApproximately, normalise } from '../../src/pipeline/quote-match.ts';

describe('normalise', () => {
  test('folds typographic quotes and dashes, collapses whitespace, and remembers origins', () => {
    const result = normalise('a \u201Cb\u201D\u2014c\n\n d');
    expect(result.text).toBe('a "b"-c d');
    expect(result.origin).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 10]);
  });

  test('expands an ellipsis and drops soft hyphens', () => {
    expect(normalise('wait\u2026 co\u00ADoperate').text).toBe('wait... cooperate');
  });
});

describe('findQuote', () => {
  const text = 'They said it \u201Chas no limits\u201D \u2013 and it has no limits, they said.';

  test('finds a phrase whatever its quotes and dashes', () => {
    const [first, second] = findQuote(text, { exact: '"has no limits" - and' });
    expect(second).toBeUndefined();
    expect(text.slice(first!.start, first!.end)).toBe('\u201Chas no limits\u201D \u2013 and');
  });

  test('reports every occurrence, so callers can refuse ambiguity', () => {
    expect(findQuote(text, { exact: 'no limits' })).toHaveLength(2);
  });

  test('a prefix or suffix picks one occurrence', () => {
    const [byPrefix] = findQuote(text, { exact: 'no limits', prefix: 'it has' });
    expect(byPrefix!.start).toBe(text.lastIndexOf('no limits'));
    const bySuffix = findQuote(text, { exact: 'no limits', suffix: '\u201D' });
    expect(bySuffix).toEqual([{ start: text.indexOf('no limits'), end: text.indexOf('no limits') + 9 }]);
  });

  test('matches whole words only', () => {
    expect(findQuote('the cornerstone of corn policy', { exact: 'corn' })).toEqual([{ start: 19, end: 23 }]);
  });

  test('finds nothing for an empty or absent phrase', () => {
    expect(findQuote(text, { exact: '  ' })).toEqual([]);
    expect(findQuote(text, { exact: 'no borders' })).toEqual([]);
  });
});

test('fold and describeSelector help error messages', () => {
  expect(fold('  \u2018a\u2019  ')).toBe("'a'");
  expect(describeSelector({ exact: 'x', prefix: 'a', suffix: 'b' })).toBe('"x" (after "a", before "b")');
  expect(describeSelector({ exact: 'x' })).toBe('"x"');
});

describe('locateApproximately', () => {
  const blocks = (...texts: string[]) => texts.map(normalise);
  const placed = (texts: string[], selector: Parameters<typeof locateApproximately>[1]) => {
    const hit = locateApproximately(blocks(...texts), selector, 'notes.0 (x)');
    return 'problem' in hit ? hit.problem : { words: texts[hit.block]!.slice(hit.start, hit.end), score: Number(hit.score.toFixed(2)) };
  };

  test('takes an exact match first, with a score of 1', () => {
    expect(placed(['the Harbour Board voted'], { exact: 'Harbour Board' })).toEqual({ words: 'Harbour Board', score: 1 });
  });

  test('places a quote with a joined word, a typo or an added comma approximately, on whole words', () => {
    expect(placed(['the HarbourBoard voted'], { exact: 'Harbour Board' })).toEqual({ words: 'HarbourBoard', score: 0.92 });
    expect(placed(['Shippers in Tollbrige send flour'], { exact: 'Tollbridge' })).toEqual({ words: 'Tollbrige', score: 0.9 });
    expect(placed(['timber, grain, and gravel'], { exact: 'timber, grain and gravel' })).toEqual({ words: 'timber, grain, and gravel', score: 0.96 });
  });

  test('below the minimum score, or for a quote too short to differ, finds no place', () => {
    // Two letters dropped from 13 keep 0.85 of the quote, above MIN_SCORE (0.8); a third drops it to 0.77, below.
    expect(placed(['the Harbor Bord voted'], { exact: 'Harbour Board' })).toEqual({ words: 'Harbor Bord', score: 0.85 });
    expect(placed(['the Harbr Bord voted'], { exact: 'Harbour Board' })).toBe('notes.0 (x): quote "Harbour Board" not found in the text');
    expect(placed(['the Port Authority voted'], { exact: 'Harbour Board' })).toBe('notes.0 (x): quote "Harbour Board" not found in the text');
    expect(placed(['signed in 1988'], { exact: '1987' })).toBe('notes.0 (x): quote "1987" not found in the text');
  });

  test('lets the prefix and suffix choose between places equally close to the quote', () => {
    const text = ['the old lock gate leaks. the new lock gate holds.'];
    expect(placed(text, { exact: 'lock gates' })).toMatch(/found nowhere exactly, and 2 places equally close to it; add a prefix or suffix that picks one$/);
    expect(placed(text, { exact: 'lock gates', suffix: 'holds' })).toEqual({ words: 'lock gate', score: 0.9 });
    expect(text[0]!.indexOf('lock gate', 20)).toBe(33);
    const hit = locateApproximately(blocks(...text), { exact: 'lock gates', prefix: 'the new' }, 'n');
    expect('start' in hit && hit.start).toBe(33);
    expect(placed(text, { exact: 'lock gate', prefix: 'the old', suffix: 'leaks' })).toEqual({ words: 'lock gate', score: 1 });
  });

  test('keeps refusing a quote found exactly more than once', () => {
    expect(placed(['a gate and a gate'], { exact: 'a gate' })).toBe('notes.0 (x): quote "a gate" found 2 times; add a prefix or suffix that picks one');
  });
});
