import { expect, test } from 'vitest';
import { firstSentenceEnd } from '../../src/pipeline/note-gist.ts';

const first = (text: string) => text.slice(0, firstSentenceEnd(text));

test('the first sentence ends at its full stop, question or exclamation mark, with any closing quote', () => {
  expect(first('Oil rose. Gas fell.')).toBe('Oil rose.');
  expect(first('Was it "bullying?" Beijing said so.')).toBe('Was it "bullying?"');
  expect(first('Flows rose (to 22.7 bcm). In 2024 they rose again.')).toBe('Flows rose (to 22.7 bcm).');
  expect(first('One sentence only')).toBe('One sentence only');
});

test('abbreviations, initials and decimals do not end a sentence', () => {
  expect(first('Russia went from No. 2 to No. 1 by 2023. Saudi Arabia fell back.')).toBe('Russia went from No. 2 to No. 1 by 2023.');
  expect(first('The U.S. Navy moved. It stayed.')).toBe('The U.S. Navy moved.');
  expect(first('It carried 10.39 bcm, e.g. Harbin. More came.')).toBe('It carried 10.39 bcm, e.g. Harbin.');
  expect(first('A. Latham wrote it. Then he reused it.')).toBe('A. Latham wrote it.');
});
