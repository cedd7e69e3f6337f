/**
 * The second reading CI adds (tests/fixtures/second-reading, copied into a
 * clone by .ci/run) is what a newcomer writes by following the README: a
 * reading that uses every key "Add a reading" documents, and the About page
 * of "Add a Markdown page", word for word.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { expect, test } from 'vitest';
import { parseReading } from '../../src/reading/schema.ts';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const fixture = new URL('../fixtures/second-reading/', import.meta.url);

/** The first fenced block of `lang` after the heading `heading`. */
function blockAfter(heading: string, lang: string): string {
  const from = readme.indexOf(`\n${heading}\n`);
  expect(from, heading).toBeGreaterThan(0);
  const block = new RegExp(`\`\`\`${lang}\\n([\\s\\S]*?)\`\`\``).exec(readme.slice(from));
  return block![1]!;
}

/** Every key at any depth of a YAML value. */
const keysOf = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.flatMap(keysOf)
    : value && typeof value === 'object' && !(value instanceof Date)
      ? Object.entries(value).flatMap(([key, inner]) => [key, ...keysOf(inner)])
      : [];

const readings = readdirSync(new URL('content/readings/', fixture));

test('the fixture is one reading and the About page', () => {
  expect(readings).toHaveLength(1);
  expect(readdirSync(new URL('src/pages/', fixture))).toEqual(['about.md']);
});

test('the reading uses every key the README documents, and the schema accepts it', () => {
  const documented = new Set([...blockAfter('## Add a reading', 'yaml').matchAll(/^[\s-]*([a-zA-Z]+):/gm)].map((match) => match[1]!));
  // Keys the README shows in flow style ({ name: …, url: … }, [{ label: …, value: … }]).
  for (const match of blockAfter('## Add a reading', 'yaml').matchAll(/[{,]\s*([a-zA-Z]+):/g)) documented.add(match[1]!);
  expect(documented.size).toBeGreaterThan(30);
  const file = new URL(`content/readings/${readings[0]}`, fixture);
  const { frontmatter } = parseFrontmatter(readFileSync(file, 'utf8'));
  const used = new Set(keysOf(frontmatter));
  expect([...documented].filter((key) => !used.has(key))).toEqual([]);
  expect(() => parseReading(frontmatter, file.pathname)).not.toThrow();
});

test('the About page is the README’s, word for word', () => {
  expect(readFileSync(new URL('src/pages/about.md', fixture), 'utf8')).toBe(blockAfter('## Add a Markdown page', 'md'));
});
