/**
 * Importing an article: decoding, cleaning the saved page, reading the bio and
 * tag lines, keeping the paragraphs exactly, and writing them as Markdown that
 * renders as the same words. The fixture is a fictional op-ed in the shape of a
 * page saved from a news site (tests/fixtures/articles/river-towns.txt).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import { ImportError, cleanArticle, decodeArticle, findRawHtml, importArticle, plainLines, segmentTags } from '../../src/import/article.ts';
import { readingId, readingPatterns } from '../../src/reading/files.ts';
import { anchorReport, fullTextEdition, readReading, splitFrontmatter } from '../../src/import/full-text-edition.ts';
import { escapeMarkdown } from '../../src/import/markdown-escape.ts';
import { $$, parseHtml, text } from '../support/html.ts';

const fixtures = path.resolve(import.meta.dirname, '../fixtures/articles');
const article = readFileSync(path.join(fixtures, 'river-towns.txt'), 'utf8');
const readingSource = readFileSync(path.join(fixtures, 'river-towns.reading.md'), 'utf8');
const reading = readReading(readingSource, 'river-towns.md');
const info = { title: reading.title, author: reading.author.name, tags: reading.tags };
const bytes = (text: string) => new TextEncoder().encode(text);

/** The fixture's body paragraphs, found independently: the blocks between the photo credit and the bio. */
const blocks = article.split(/\n\s*\n/).map((block) => block.trim());
const expectedParagraphs = blocks.slice(
  blocks.indexOf('Getty Images') + 1,
  blocks.findIndex((block) => block.startsWith('Mara Quill is')),
);
const lineOf = (start: string) => article.split('\n').findIndex((line) => line.startsWith(start)) + 1;

describe('decodeArticle', () => {
  it('strips a byte-order mark and turns CRLF and CR into LF', () => {
    expect(decodeArticle(bytes('\uFEFFone\r\ntwo\rthree\n'), 'a.txt')).toBe('one\ntwo\nthree\n');
  });

  it.each([
    ['an empty file', new Uint8Array(), 'a.txt is empty'],
    ['a file of white space', bytes(' \n\t\n'), 'a.txt is empty (only white space)'],
    ['a binary file', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]), 'a.txt is a binary file (it contains NUL bytes), not a saved article'],
    ['Latin-1 text', new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x0a]), 'a.txt is not UTF-8 text; save the article as UTF-8 and import it again'],
    ['UTF-16 text', new Uint8Array([0xff, 0xfe, 0x41, 0x00]), 'a.txt is UTF-16 text; save the article as UTF-8 and import it again'],
  ])('refuses %s with one line', (_, input, message) => {
    expect(() => decodeArticle(input, 'a.txt')).toThrow(new ImportError(message));
  });
});

describe('findRawHtml', () => {
  it('finds an HTML element and its line', () => {
    expect(findRawHtml('One.\n\nTwo <script src="x.js"></script>.')).toEqual({ line: 3, tag: '<script src="x.js">' });
    expect(findRawHtml('An <!-- aside -->')).toEqual({ line: 1, tag: '<!--' });
  });

  it('lets comparisons and other angle brackets through as text', () => {
    expect(findRawHtml('If x < y and y > z, or <3, or <https://example.org>, or <Ledger>')).toBeUndefined();
  });
});

describe('cleaning the fixture', () => {
  const cleaned = cleanArticle(plainLines(article), info);

  it('removes the disclaimer, title, credit, bio, tags, copyright and each chrome line, and says why', () => {
    expect(cleaned.removed.map(({ line, text, reason }) => [line, text, reason])).toEqual([
      [1, 'The views expressed by our guest writers belong to them alone, not to The Weekly Ledger', 'contributor disclaimer'],
      [3, 'Why the river towns will choose the railway', 'title'],
      [5, 'Getty Images', 'photo credit'],
      [lineOf('Mara Quill is'), expect.stringMatching(/^Mara Quill is a professor/), 'author bio, used as author.bio'],
      [lineOf('Tags '), expect.stringMatching(/^Tags Rail transport/), 'tag line, used as tags'],
      [lineOf('Copyright'), 'Copyright 2021 Ledger Media Group. All rights reserved.', 'copyright notice'],
      [lineOf('More Regional News'), 'More Regional News', 'after the article (page chrome)'],
      [lineOf('See All'), 'See All', 'after the article (page chrome)'],
      [lineOf('See all Ledger.TV'), 'See all Ledger.TV See all Video', 'after the article (page chrome)'],
      [lineOf('Most Popular'), 'Most Popular', 'after the article (page chrome)'],
      [lineOf('Load more'), 'Load more', 'after the article (page chrome)'],
      [43, 'See all Video', 'after the article (page chrome)'],
    ]);
  });

  it('keeps every body paragraph exactly as written, line breaks included', () => {
    expect(cleaned.paragraphs).toEqual(expectedParagraphs);
    expect(cleaned.paragraphs).toHaveLength(8);
    expect(cleaned.paragraphs[6]!.split('\n')).toHaveLength(5);
  });

  it('reads the bio line and the multi-word tags, and reports the words no tag matches', () => {
    expect(cleaned.bio).toEqual({
      line: lineOf('Mara Quill is'),
      text: 'Mara Quill is a professor of transport history at Lowfield University and the author of a book on inland waterways.',
    });
    expect(cleaned.tags).toEqual({
      line: lineOf('Tags '),
      tags: ['Rail transport', 'River towns', 'Infrastructure', 'Canal–rail rivalry', 'Public finance', 'Ferry subsidies'],
      unknown: ['Ferry subsidies'],
    });
    expect(cleaned.warnings).toEqual([
      `tag words "Ferry subsidies" (line ${lineOf('Tags ')}) match none of the reading's tags; kept them as the tag "Ferry subsidies"`,
    ]);
  });

  it('reads the same article saved with CRLF line ends and a byte-order mark', () => {
    const windows = decodeArticle(bytes(`\uFEFF${article.replace(/\n/g, '\r\n')}`), 'a.txt');
    expect(cleanArticle(plainLines(windows), info)).toEqual(cleaned);
  });

  it('finds the title whatever its quotes, dashes, case and spacing, and a byline and date under it', () => {
    const page = [
      'Opinion',
      '',
      'WHY THE RIVER  TOWNS WILL CHOOSE THE RAILWAY | The Weekly Ledger',
      '',
      'By Mara Quill, opinion contributor',
      '',
      'June 3, 2021',
      '',
      'Harbour view from the bridge',
      '',
      'Body text.',
    ];
    const result = cleanArticle(plainLines(page.join('\n')), info);
    expect(result.removed.map((r) => r.reason)).toEqual([
      'before the title',
      'title',
      'byline',
      'date line',
      'short line under the title (photo credit or caption)',
    ]);
    expect(result.paragraphs).toEqual(['Body text.']);
  });

  it('takes a headline other than the reading title as the headline, and warns', () => {
    const result = cleanArticle(plainLines('A different headline for the same piece\n\nBody text.\n'), info);
    expect(result.removed).toEqual([{ line: 1, text: 'A different headline for the same piece', reason: "headline (not the reading's title)" }]);
    expect(result.paragraphs).toEqual(['Body text.']);
    expect(result.warnings[0]).toMatch(/^did not find the title "Why the river towns will choose the railway"; took line 1/);
  });

  it('keeps sentences that merely start like page furniture', () => {
    const sentences = [
      'Opening paragraph.',
      'Copyright law, not trade, is what the towns argued about in 1990.',
      'The views expressed by the minister were echoed by the mayor.',
      'Reuters confirmed it.',
      'Tags on the barges tell their owners apart.',
      'See all the locks between here and the sea, and you will understand.',
      'Most popular of all was the ferry.',
    ];
    const page = [
      'Why the river towns will choose the railway',
      ...sentences,
      'Mara Quill is a historian.',
      'Tags Rail transport',
      'Copyright 2021 Ledger Media Group.',
    ];
    const result = cleanArticle(plainLines(page.join('\n\n')), info);
    expect(result.paragraphs).toEqual(sentences);
    expect(result.removed.map((r) => r.reason)).toEqual(['title', 'author bio, used as author.bio', 'tag line, used as tags', 'copyright notice']);
  });

  it('leaves nothing when the file holds only the title and short lines under it', () => {
    const result = cleanArticle(plainLines('Why the river towns will choose the railway\n\nMost Popular\n\nLoad more\n\nSee all Video\n'), info);
    expect(result.paragraphs).toEqual([]);
    expect(result.removed).toHaveLength(4);
  });

  it('removes an ad slot’s label between paragraphs of a copy', () => {
    const result = cleanArticle(plainLines('Why the river towns will choose the railway\n\nOne.\n\nAdvertisement\n\nTwo.\n'), info);
    expect(result.paragraphs).toEqual(['One.', 'Two.']);
    expect(result.removed.map((r) => r.reason)).toEqual(['title', 'advertisement']);
  });

  it("keeps the reading's bio and tags, with a warning, when the page has none", () => {
    const result = cleanArticle(plainLines('Why the river towns will choose the railway\n\nBody text.\n'), info);
    expect(result.bio).toBeUndefined();
    expect(result.tags).toBeUndefined();
    expect(result.warnings).toEqual([
      'no bio line starting with "Mara Quill" found; kept the reading\'s author.bio',
      'no "Tags …" line found; kept the reading\'s tags',
    ]);
  });
});

describe('Markdown input', () => {
  const markdown = [
    '# Why the river towns will choose the railway',
    '',
    '![Barges at the lock](barges.jpg)',
    '',
    'The *first* paragraph, with [a link](https://example.org) and a \\* star.',
    'Its second line.',
    '',
    '---',
    '',
    'Advertisement',
    '',
    'Mara Quill is a *professor*.',
    '',
    'Tags Rail transport',
  ].join('\n');

  it('reads headings, emphasis and links as their words, and removes images and rules', () => {
    const result = importArticle(markdown, 'saved.md', info);
    expect(result.paragraphs).toEqual(['The first paragraph, with a link and a * star.\nIts second line.']);
    expect(result.removed.map((r) => [r.line, r.reason])).toEqual([
      [1, 'title'],
      [3, 'image'],
      [8, 'horizontal rule'],
      [10, 'advertisement'],
      [12, 'author bio, used as author.bio'],
      [14, 'tag line, used as tags'],
    ]);
    expect(result.bio?.text).toBe('Mara Quill is a professor.');
    expect(result.warnings).toContain('the Markdown input had emphasis or links: the full text keeps their words as plain text');
  });

  it('refuses raw HTML, in Markdown as in plain text', () => {
    expect(() => importArticle('# Title\n\nText <span>x</span>\n', 'saved.md', info)).toThrow(
      new ImportError('saved.md:3: raw HTML is not allowed in an imported article (found "<span>"); save the article as plain text'),
    );
    expect(() => importArticle('Text\n\n<script>alert(1)</script>\n', 'saved.txt', info)).toThrow(/^saved\.txt:3: raw HTML is not allowed .*"<script>"/);
  });
});

describe('segmentTags', () => {
  const known = ['China', 'China–Russia relations', 'Joe Biden', 'Presidency of Joe Biden', 'Russia', 'Russia-Ukraine war'];

  it('splits run-together multi-word tags on the tags the reading knows, longest first', () => {
    expect(segmentTags('China China–Russia relations Joe Biden Presidency of Joe Biden Russia Russia-Ukraine war', known)).toEqual({
      tags: ['China', 'China–Russia relations', 'Joe Biden', 'Presidency of Joe Biden', 'Russia', 'Russia-Ukraine war'],
      unknown: [],
    });
  });

  it("ignores case and typographic dashes, keeping the article's spelling", () => {
    expect(segmentTags('china-russia relations RUSSIA–UKRAINE WAR', known).tags).toEqual(['china-russia relations', 'RUSSIA–UKRAINE WAR']);
  });

  it('keeps each run of unknown words as one tag and lists it', () => {
    expect(segmentTags('Arctic shipping China Northern Sea Route', known)).toEqual({
      tags: ['Arctic shipping', 'China', 'Northern Sea Route'],
      unknown: ['Arctic shipping', 'Northern Sea Route'],
    });
  });

  it('prefers the split that leaves the fewest words unknown', () => {
    expect(segmentTags('Presidency of Joe Biden', ['Presidency of Joe', 'Biden', 'Joe Biden']).unknown).toEqual([]);
  });

  it('splits at commas when the page uses them', () => {
    expect(segmentTags('China, Joe Biden, Sea ice', known)).toEqual({ tags: ['China', 'Joe Biden', 'Sea ice'], unknown: ['Sea ice'] });
  });
});

const processor = await createMarkdownProcessor({ syntaxHighlight: false, smartypants: false });

describe('escapeMarkdown', () => {
  const nasty = [
    '# not a heading',
    '### nor this',
    '> not a quote',
    '- not a bullet',
    '+ nor this',
    '* nor this',
    '1. not a list',
    '2) nor this',
    'Heading?\n===',
    'Heading?\n---',
    '---',
    '***',
    '___',
    'a *b* _c_ **d** __e__ snake_case_word',
    '`code` and ``more``',
    '[link](https://example.org) ![image](a.png) [^1] [ref]',
    '[ref]: https://example.org',
    '<script>alert(1)</script> <b>bold</b> <!-- comment -->',
    '<https://example.org> and a <Name>',
    'a &amp; b &#169; &copy; AT&T',
    '~~struck~~ and ~single~',
    'a | b\n:-- | --:',
    'a\n:--',
    'C:\\Ledger\\archive ends with a backslash \\',
    'two trailing spaces  \nnext line',
    '    four spaces of indent',
    '```\nfence\n```',
    '~~~',
    'https://example.org/a_b_c and www.example.org/_x_ and first_last@example.org.',
    'x<y and y>z, 5 * 3 = 15, 2 < 3 > 1',
    'A "straight" quote -- and ... dots',
    '#hashtag and @handle',
    '-5 degrees at 10:30',
  ];

  /** Render Markdown as Astro does (GFM on), minus smart punctuation; return the page's elements and text. */
  const render = async (markdown: string) => {
    const tree = parseHtml((await processor.render(markdown)).code);
    return { elements: $$(tree, '*').map((node) => node.tagName), text: $$(tree, 'p').map((p) => text(p)) };
  };
  /** The words as a reader sees them: white space collapsed; a link's words are its own. */
  const words = (input: string) =>
    input
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim();

  it.each(nasty)('renders %j as one paragraph of the same words', async (input) => {
    const { elements, text } = await render(escapeMarkdown(input));
    expect(elements.filter((tag) => tag !== 'a')).toEqual(['p']);
    expect(text).toEqual([words(input)]);
  });

  it('links bare web addresses only to themselves, with their own words', async () => {
    const tree = parseHtml((await processor.render(escapeMarkdown('See https://example.org/a_b and www.example.org.'))).code);
    expect($$(tree, 'a').map((a) => [a.properties.href, text(a)])).toEqual([
      ['https://example.org/a_b', 'https://example.org/a_b'],
      ['http://www.example.org', 'www.example.org'],
    ]);
  });

  it('round-trips the fixture: every paragraph renders as its own words and nothing else', async () => {
    const markdown = expectedParagraphs.map(escapeMarkdown).join('\n\n');
    const { elements, text } = await render(markdown);
    expect(elements).toEqual(expectedParagraphs.map(() => 'p'));
    expect(text).toEqual(expectedParagraphs.map(words));
  });

  it('keeps each line of a paragraph on its own line: nothing is re-wrapped', () => {
    expect(escapeMarkdown('  one *line*  \n\ttwo\n')).toBe('one \\*line\\*\ntwo');
  });
});

describe('fullTextEdition', () => {
  const cleaned = cleanArticle(plainLines(article), info);
  const options = { readingFile: 'content/readings/river-towns.md', sourceName: 'river-towns.txt', date: '2024-05-06' };
  const { text: edition, reading: full } = fullTextEdition(readingSource, cleaned, options);
  const { yaml, body } = splitFrontmatter(edition, 'river-towns.full.md');

  it("copies the frontmatter with edition full and the article's bio and tags", () => {
    expect(full.edition).toBe('full');
    expect(full.author.bio).toBe(cleaned.bio!.text);
    expect(full.tags).toEqual(cleaned.tags!.tags);
    expect(full.arguments).toEqual(reading.arguments);
    expect(full.notes).toEqual(reading.notes);
    expect(yaml).toMatch(/^# Full-text edition, written by `npm run import` from river-towns\.txt on 2024-05-06\./);
  });

  it('changes no other line of the frontmatter, comments and order included', () => {
    const before = splitFrontmatter(readingSource, 'river-towns.md').yaml.split('\n');
    const after = yaml.split('\n');
    const header = after.indexOf('');
    const tagsAt = before.indexOf('tags:');
    const tagsEnd = before.findIndex((line, i) => i > tagsAt && !line.startsWith(' '));
    const expected = [...before.slice(0, tagsAt), 'tags:', ...cleaned.tags!.tags.map((tag) => `  - ${tag}`), ...before.slice(tagsEnd)].map((line) =>
      line === 'edition: summary' ? 'edition: full' : line.startsWith('  bio: ') ? `  bio: ${cleaned.bio!.text}` : line,
    );
    expect(after.slice(header + 1)).toEqual(expected);
  });

  it('keeps the tag list, and its comment, when the article has the same tags', () => {
    const same = { ...cleaned, tags: { line: 1, tags: reading.tags, unknown: [] } };
    expect(fullTextEdition(readingSource, same, options).text).toContain('  # the tag list as the fictional page prints it\n');
  });

  it('writes the paragraphs escaped, one blank line between them', () => {
    expect(body.trim().split('\n\n')).toEqual(expectedParagraphs.map(escapeMarkdown));
    expect(body).toContain('\\# Not a heading, just a hash the page kept\n1\\. Not a list either');
  });

  it('checks ahead, with the build’s own plugins, where every cue and note finds its place in the text', async () => {
    const file = path.resolve('content/readings/river-towns.full.md');
    const report = await anchorReport(full, body, file);
    expect(report.problems).toEqual([]);
    expect(report.warnings).toEqual([]);
    expect(report.placements.map((p) => `${p.where}: ${p.how}`)).toEqual([
      'arguments.0.cue: exact',
      'arguments.1.cue: exact',
      'conclusion.cue: exact',
      'notes.0 (harbour-board): exact',
      'notes.1 (dredging-1987): exact',
      'notes.2 (tollbridge): exact',
    ]);
  });

  it('fails on a cue found nowhere, and warns of a note placed approximately or not at all', async () => {
    const file = path.resolve('content/readings/river-towns.full.md');
    const moved = {
      ...full,
      conclusion: { cue: 'So, no' },
      notes: [
        { ...full.notes[0]!, quote: 'Port Authority' },
        { ...full.notes[2]!, quote: 'Tolbridge' },
      ],
    };
    const report = await anchorReport(moved, body, file);
    expect(report.problems).toEqual(['conclusion.cue: cue "So, no" not found in this copy, not even approximately; change it to words of this copy']);
    expect(report.warnings).toEqual([
      'notes.0 (harbour-board): quote "Port Authority" not found in the text; listed after the text as unplaced',
      'notes.1 (tollbridge): quote "Tolbridge" placed approximately (score 0.89)',
    ]);
  });
});

describe('editions', () => {
  it("builds a full text in place of its reader's edition", () => {
    expect(readingPatterns(['a.md', 'a.full.md', 'b.md', 'c.full.md'])).toEqual(['*.md', '!a.md']);
    expect(readingPatterns(['a.md'])).toEqual(['*.md']);
  });

  it('gives both editions the same id', () => {
    expect(readingId('river-towns.full.md')).toBe('river-towns');
    expect(readingId('river-towns.md')).toBe('river-towns');
    expect(readingId('My Reading.md')).toBe('my-reading');
  });
});
