/**
 * The markup contract: the stylesheet the pages load styles every class the
 * pipeline writes for it, and the schema keeps an argument off the page's own
 * fragments.
 *
 * "The stylesheet" is what src/layouts/BaseLayout.astro imports, parsed as
 * CSS: a class counts only in the selector of a rule with declarations, in a
 * file the layout loads, wherever the rule sits (@media, @layer, @supports).
 * A class named in a comment, a string, an attribute selector, an empty rule
 * or a file no page loads is not styled.
 */
import { readFileSync } from 'node:fs';
import postcss from 'postcss';
import { describe, expect, test } from 'vitest';
import { CLASSES, UNSTYLED } from '../../src/reading/markup.ts';
import { parseReading } from '../../src/reading/schema.ts';
import { readFixture } from '../support/pipeline.ts';

const layout = new URL('../../src/layouts/BaseLayout.astro', import.meta.url);

/** The stylesheets a page loads: the CSS files the base layout imports, in order. */
function loadedStylesheets(): { file: string; css: string }[] {
  const imports = [...readFileSync(layout, 'utf8').matchAll(/^import '(\.\.\/styles\/[\w-]+\.css)';$/gm)].map((match) => match[1]!);
  return imports.map((file) => ({ file, css: readFileSync(new URL(file, layout), 'utf8') }));
}

/** The classes that some rule with at least one declaration selects on, in these stylesheets. */
function styledClasses(sheets: { file: string; css: string }[]): Set<string> {
  const classes = new Set<string>();
  for (const { file, css } of sheets)
    postcss.parse(css, { from: file }).walkRules((rule) => {
      if (!rule.nodes.some((node) => node.type === 'decl')) return;
      // Attribute values and strings are not classes: [class~="x"], [data-x=".y"].
      const selector = rule.selector.replace(/\[[^\]]*\]/g, '').replace(/(["'])(?:\\.|(?!\1).)*\1/g, '');
      for (const match of selector.matchAll(/\.(-?[_a-zA-Z][\w-]*)/g)) classes.add(match[1]!);
    });
  return classes;
}

describe('what counts as styled', () => {
  const sheet = (css: string) => styledClasses([{ file: 'x.css', css }]);

  test('a rule with declarations, at any depth of @media, @layer or @supports, styles its classes', () => {
    expect(sheet('.a { color: red }')).toEqual(new Set(['a']));
    expect(sheet('@layer notes { @media (width >= 1000px) { .b > .c:hover { color: red } } }')).toEqual(new Set(['b', 'c']));
    expect(sheet('main :is(.d, .e)::before { content: "" }')).toEqual(new Set(['d', 'e']));
  });

  test('a comment, an empty rule, a string or an attribute value does not', () => {
    expect(sheet('/* .a is styled elsewhere */ .b {}')).toEqual(new Set());
    expect(sheet('[data-x=".c"] { color: red } a::after { content: ".d" }')).toEqual(new Set());
  });

  test('the layout loads stylesheets, and their rules style classes', () => {
    const sheets = loadedStylesheets();
    expect(sheets.length).toBeGreaterThan(5);
    expect(styledClasses(sheets).size).toBeGreaterThan(20);
  });
});

describe('the stylesheet styles every class of the contract', () => {
  const styled = styledClasses(loadedStylesheets());
  test.each(Object.entries(CLASSES).filter(([, name]) => !UNSTYLED.has(name)))('%s (.%s)', (_, name) => {
    expect(styled.has(name)).toBe(true);
  });
  test('and leaves the classes that only mark a part unstyled', () => {
    for (const name of UNSTYLED) expect(styled.has(name)).toBe(false);
  });
});

// The page's own fragments, as the reading page writes them (PageLayout, the argument map, the forecasts and the citation block),
// and the forms of the ids the pipeline derives; none can be an argument's id.
test.each([
  'text',
  'thesis',
  'glance',
  'original',
  'source',
  'about-author',
  'tags',
  'forecasts',
  'cite',
  'introduction',
  'conclusion',
  'note-oil',
  'forecast-x',
  'economic-title',
  'economic-2',
])('an argument may not take the id %s', async (id) => {
  const { frontmatter } = await readFixture('tea-tariffs.md');
  (frontmatter.arguments as { id: string }[])[0]!.id = id;
  expect(() => parseReading(frontmatter, 'content/readings/x.md')).toThrow(
    /content\/readings\/x\.md: invalid frontmatter\n[\s\S]*arguments\.0\.id: "[\w-]+" would clash with the page's own fragments/,
  );
});
