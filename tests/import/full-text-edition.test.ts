/** A reader's edition whose frontmatter is not a reading stops the import with the build's own error: the file and every field. */
import { expect, test } from 'vitest';
import { readReading } from '../../src/import/full-text-edition.ts';
import { ReadingError } from '../../src/reading/schema.ts';

test('invalid frontmatter names the file and each field, one per line, as the build does', () => {
  const source = '---\ntitle: A title\nedition: abridged\n---\nBody.\n';
  let error: unknown;
  try {
    readReading(source, 'content/readings/x.md');
  } catch (thrown) {
    error = thrown;
  }
  expect(error).toBeInstanceOf(ReadingError);
  expect((error as ReadingError).file).toBe('content/readings/x.md');
  expect((error as ReadingError).message).toMatch(/^content\/readings\/x\.md: invalid frontmatter\n {2}/);
  expect((error as ReadingError).problems).toEqual(expect.arrayContaining([expect.stringMatching(/^edition: /), expect.stringMatching(/^thesis: /)]));
});
