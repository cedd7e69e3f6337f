import { expect, test } from 'vitest';
import { formatPartialDate } from '../../src/reading/dates.ts';

test('a date keeps exactly the precision it has', () => {
  expect(formatPartialDate('2022')).toBe('2022');
  expect(formatPartialDate('2022-03')).toBe('March 2022');
  expect(formatPartialDate('2022-03-21')).toBe('21 March 2022');
});
