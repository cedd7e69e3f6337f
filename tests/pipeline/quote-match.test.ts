import { describe, expect, test } from 'vitest';
import { describeSelector, findQuote, fold, normalise } from '../../src/pipeline/quote-match.ts';

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
