/** Word counts, reading time and section shares, and the navigator's links. */
import { RESULT_KEY } from '../../src/reading/result.ts';
import { expect, test } from 'vitest';
import { countWords, outlineOf, readingMinutes, sectionLinks, sectionShare, textWords, type ReadingOutline } from '../../src/reading/outline.ts';

const outline: ReadingOutline = {
  sections: [
    { id: 'introduction', title: 'Introduction', words: 30 },
    { id: 'water', title: 'Reason 1 of 2 · Water', words: 45 },
    { id: 'trade', title: 'Reason 2 of 2 · Trade', words: 15 },
    { id: 'conclusion', title: 'Conclusion', words: 10 },
  ],
  noteWords: 200,
  notes: {},
};

test('countWords counts what holds a letter or a digit, not dashes or dots', () => {
  expect(countWords('So, no - 2,000 U.S.-led · “quoted”')).toBe(5);
  expect(countWords('  ')).toBe(0);
});

test('readingMinutes divides by 230 words a minute, rounds, and never says zero', () => {
  expect(readingMinutes(590)).toBe(3);
  expect(readingMinutes(1756)).toBe(8);
  expect(readingMinutes(20)).toBe(1);
  expect(readingMinutes(600, 100)).toBe(6);
});

test('sectionShare is a section’s percent of the text’s words', () => {
  expect(textWords(outline)).toBe(100);
  expect(sectionShare(outline, 'water')).toBe(45);
  expect(sectionShare(outline, 'trade')).toBe(15);
  expect(() => sectionShare(outline, 'rivals')).toThrow('the text has no section "rivals"');
});

test('sectionLinks names reasons by their label and other sections by their heading', () => {
  const reading = {
    arguments: [
      { id: 'water', label: 'Water' },
      { id: 'trade', label: 'Trade' },
    ],
  } as Parameters<typeof sectionLinks>[1];
  expect(sectionLinks(outline, reading)).toEqual([
    { href: '#introduction', label: 'Introduction' },
    { href: '#water', label: 'Water' },
    { href: '#trade', label: 'Trade' },
    { href: '#conclusion', label: 'Conclusion' },
  ]);
});

test("outlineOf reads the reading's result, and fails loudly when the transform recorded none", () => {
  expect(outlineOf({ [RESULT_KEY]: { outline, forecastPlaces: {} } })).toBe(outline);
  expect(() => outlineOf({ title: 'x' })).toThrow('the rendered reading has no result: is remarkReading in the Markdown processor');
});
