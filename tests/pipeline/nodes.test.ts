/** The reading's own mdast nodes (src/pipeline/nodes.ts): the transform leaves them in the tree, and one handler each renders them. */
import { unified } from '@astrojs/markdown-remark';
import { toHtml } from 'hast-util-to-html';
import type { Nodes, Root } from 'mdast';
import { toHast } from 'mdast-util-to-hast';
import { visit } from 'unist-util-visit';
import { describe, expect, test } from 'vitest';
import { handlers } from '../../src/pipeline/handlers/index.ts';
import type { MarginNote, NoteChart, ReadingSection } from '../../src/pipeline/nodes.ts';
import remarkReading from '../../src/pipeline/remark-reading.ts';
import { fixtureReadings, readFixture } from '../support/pipeline.ts';

/** The mdast tree the transform leaves for a fixture reading, through Astro's own pipeline. */
async function transformed(name: string): Promise<Root> {
  let tree: Root | undefined;
  const capture = () => (root: Root) => {
    tree = root;
  };
  const renderer = await unified({
    remarkPlugins: [[remarkReading, { smartPunctuation: true }], capture],
    remarkRehype: { handlers },
    gfm: true,
    smartypants: true,
  }).createRenderer({ syntaxHighlight: false });
  const { frontmatter, body } = await readFixture(name);
  await renderer.render(body, { frontmatter, fileURL: new URL(`file://${fixtureReadings}${name}`) });
  return tree!;
}

const ofType = <Type extends Nodes['type']>(tree: Root, type: Type) => {
  const found: Extract<Nodes, { type: Type }>[] = [];
  visit(tree, type, (node) => {
    found.push(node as Extract<Nodes, { type: Type }>);
  });
  return found;
};

/** Render one mdast node through the handlers, as remark-rehype does. */
const render = (node: Nodes) => toHtml(toHast(node, { handlers }));

describe('after the transform, the tree holds typed nodes', () => {
  test('a readingSection per section, at the root, in order, with its title and an argument’s number and claim', async () => {
    const tree = await transformed('tea-tariffs.md');
    expect(tree.children.map((node) => node.type)).toEqual(['readingSection', 'readingSection', 'readingSection', 'readingSection']);
    const sections = tree.children as ReadingSection[];
    expect(sections.map((section) => section.sectionId)).toEqual(['introduction', 'growers', 'rivals', 'conclusion']);
    expect(sections[1]).toMatchObject({
      title: 'Reason 1 of 2 · Growers',
      where: 'reason 1: Growers',
      argument: { number: 1, claim: 'Domestic growers depend on the tariff.' },
    });
    expect(sections[0]!.argument).toBeUndefined();
    // Each numbered paragraph carries its permalink, as data, not as markup in the tree.
    expect(sections[1]!.children[1]!.data).toMatchObject({
      hProperties: { id: 'growers-2' },
      permalink: { id: 'growers-2', name: 'paragraph 2 of reason 1: Growers' },
    });
  });

  test('each note is a noteAnchor (a footnote has none), a noteMarker and a marginNote after it, with its gist first', async () => {
    const tree = await transformed('tea-tariffs.md');
    expect(ofType(tree, 'noteAnchor').map((anchor) => anchor.noteElementId)).toEqual(['note-tariff-rate', 'note-harbour']);
    expect(ofType(tree, 'noteMarker').map((marker) => [marker.noteElementId, marker.number])).toEqual([
      ['note-tariff-rate', 1],
      ['note-harbour', 2],
      ['note-fn-estates', 3],
    ]);
    const notes = ofType(tree, 'marginNote');
    expect(notes.map((note) => [note.noteElementId, note.kind])).toEqual([
      ['note-tariff-rate', 'context'],
      ['note-harbour', 'definition'],
      ['note-fn-estates', 'footnote'],
    ]);
    expect(notes.every((note) => note.children[0].type === 'noteGist')).toBe(true);
    // The footnote is a note now: neither its reference nor its definition is left.
    expect(ofType(tree, 'footnoteReference')).toHaveLength(0);
    expect(ofType(tree, 'footnoteDefinition')).toHaveLength(0);
  });

  test('a note with figures ends in a noteChart, with the titles of its sources', async () => {
    const tree = await transformed('orchard-water.md');
    const charted = ofType(tree, 'marginNote').filter((note) => note.children.some((child) => child.type === 'noteChart'));
    expect(charted.map((note) => note.noteElementId)).toEqual(['note-reservoir', 'note-market']);
    const chart = charted[0]!.children.at(-1) as NoteChart;
    expect(chart).toMatchObject({ type: 'noteChart', sources: ['Fixture Water Board, annual report'] });
    expect(chart.chart.title).toBe('Reservoir volume, million cubic metres');
  });
});

describe('one handler per node type', () => {
  const gist = (value: string) => ({ type: 'noteGist' as const, children: [{ type: 'text' as const, value }] });
  const note = (extra: Partial<MarginNote> = {}): MarginNote => ({
    type: 'marginNote',
    noteElementId: 'note-oil',
    number: 7,
    slot: 2,
    kind: 'context',
    approximate: false,
    sources: [{ title: 'A Review', url: 'https://example.org/r' }],
    children: [gist('Russia was No. 2.'), { type: 'paragraph', children: [{ type: 'text', value: 'By 2023 …' }] }],
    ...extra,
  });

  test('readingSection: a section with its header; an argument’s has its claim and number', () => {
    const section: ReadingSection = {
      type: 'readingSection',
      sectionId: 'economic',
      title: 'Reason 1 of 1 · Economic',
      where: 'reason 1: Economic',
      argument: { number: 1, claim: 'Oil.' },
      children: [
        { type: 'paragraph', data: { permalink: { id: 'economic-1', name: 'paragraph 1 of reason 1: Economic' } }, children: [{ type: 'text', value: 'Hi.' }] },
      ],
    };
    expect(render(section)).toBe(
      '<section id="economic" class="argument" aria-labelledby="economic-title" data-argument="1"><header class="section-header argument-header">' +
        '<h2 id="economic-title">Reason 1 of 1 · Economic</h2><p class="argument-claim">Oil.</p>' +
        '<a class="permalink" href="#economic" aria-label="Link to reason 1: Economic" data-where="reason 1: Economic">#</a></header>' +
        '<p>Hi. <a class="pilcrow" href="#economic-1" aria-label="Link to paragraph 1 of reason 1: Economic">¶</a></p></section>',
    );
    expect(render({ type: 'readingSection', sectionId: 'introduction', title: 'Introduction', where: 'the introduction', children: [] })).toMatch(
      /^<section id="introduction" class="introduction" aria-labelledby="introduction-title"><header class="section-header"><h2/,
    );
  });

  test('paragraph: as mdast-util-to-hast renders it, unless it holds a note (a div.passage)', () => {
    expect(render({ type: 'paragraph', children: [{ type: 'text', value: 'Plain.' }] })).toBe('<p>Plain.</p>');
    expect(render({ type: 'paragraph', children: [{ type: 'text', value: 'Oil' }, note()] })).toMatch(
      /^<div class="passage content">Oil<section class="sidenote/,
    );
  });

  test('noteAnchor and noteMarker: the phrase, then the punctuation that closes it, the link and the button', () => {
    expect(render({ type: 'noteAnchor', noteElementId: 'note-oil', slot: 2, children: [{ type: 'text', value: 'oil' }] })).toBe(
      '<span class="anchor" data-note="note-oil" data-slot="2">oil</span>',
    );
    expect(render({ type: 'noteMarker', noteElementId: 'note-oil', number: 7, slot: 2, children: [{ type: 'text', value: ',' }] })).toBe(
      '<span class="note-mark" id="note-oil-ref">,<a class="note-ref" href="#note-oil" aria-label="Note 7" data-slot="2">7</a>' +
        '<button type="button" class="note-toggle" popovertarget="note-oil" aria-label="Note 7" data-slot="2">7</button></span>',
    );
  });

  test('marginNote: the head and gist always shown, the rest, sources, chart and link back folded', () => {
    const chart: NoteChart = {
      type: 'noteChart',
      chart: { title: 'Oil, mt', unit: 'mt', data: [{ label: '2021', value: 1 }] },
      sources: ['A Review'],
      children: [],
    };
    const html = render(note({ approximate: true, children: [...note().children, chart] }));
    expect(html).toMatch(
      /^<section class="sidenote sidenote-context content" id="note-oil" role="note" aria-label="Note 7" tabindex="-1" popover="auto" data-slot="2">/,
    );
    expect(html).toContain(
      '<summary class="sidenote-summary"><span class="sidenote-head"><span class="sidenote-number">7</span> <span class="sidenote-kind">Context</span> ' +
        '<span class="sidenote-approximate">placed approximately</span></span> <span class="sidenote-gist">Russia was No. 2.</span></summary><p>By 2023 …</p>' +
        '<p class="sidenote-sources">Source: <a href="https://example.org/r">A Review</a>.</p><figure class="note-chart">',
    );
    expect(html).toMatch(
      /<\/figure><p class="sidenote-back"><a href="#note-oil-ref" aria-label="Back to the text at note 7">Back to the text<\/a><\/p><\/details><\/details>/,
    );
    expect(html).toMatch(
      /<button type="button" class="sidenote-close" popovertarget="note-oil" popovertargetaction="hide" aria-label="Close note 7">Close<\/button><\/section>$/,
    );
  });

  test('noteChart: the figure of chart.ts', () => {
    const html = render({
      type: 'noteChart',
      chart: { title: 'Oil, mt', unit: 'mt', data: [{ label: '2021', value: 1 }] },
      sources: ['A Review, 2023'],
      children: [],
    });
    expect(html).toMatch(
      /^<figure class="note-chart"><figcaption><span class="chart-title">Oil, mt<\/span> <span class="chart-source">Source: A Review.<\/span><\/figcaption><svg class="chart"/,
    );
  });

  test('unplacedNotes and unplacedNote: a headed list, each note with its kind, quote, text and sources', () => {
    const html = render({
      type: 'unplacedNotes',
      children: [
        {
          type: 'unplacedNote',
          noteElementId: 'note-oil',
          kind: 'since',
          quote: 'oil',
          sources: [{ title: 'A Review', url: 'https://example.org/r' }],
          children: [{ type: 'paragraph', children: [{ type: 'text', value: 'Gone.' }] }],
        },
      ],
    });
    expect(html).toBe(
      '<section class="unplaced-notes" aria-labelledby="unplaced-notes-title"><h2 id="unplaced-notes-title">Notes that did not find their place in this copy</h2>' +
        '<p>These notes quote words this copy of the article does not have, so they are listed here instead of beside the text.</p><ul>' +
        '<li id="note-oil"><p class="sidenote-head"><span class="sidenote-kind">Since then</span> on the words “oil”</p><p>Gone.</p>' +
        '<p class="sidenote-sources">Source: <a href="https://example.org/r">A Review</a>.</p></li></ul></section>',
    );
  });
});
