/** The sections stage through the same processor Astro runs, on fixture readings. */
import { describe, expect, test } from 'vitest';
import { $, $$, parseHtml, text } from '../support/html.ts';
import { renderFailure, renderFixture } from '../support/pipeline.ts';

describe('the sections stage', () => {
  test('partitions the text into introduction, arguments in order, and conclusion', async () => {
    const tree = parseHtml(await renderFixture('tea-tariffs.md'));
    const sections = $$(tree, 'section:not(.sidenote)');
    expect(sections.map((s) => s.properties.id)).toEqual(['introduction', 'growers', 'rivals', 'conclusion']);
    const growers = $(tree, 'section#growers')!;
    expect(growers.properties.ariaLabelledBy).toEqual(['growers-title']);
    expect(text($(growers, 'h2#growers-title'))).toBe('Reason 1 of 2 · Growers');
    expect(text($(growers, '.argument-claim'))).toBe('Domestic growers depend on the tariff.');
    expect($(growers, 'a.permalink')!.properties).toMatchObject({ href: '#growers', ariaLabel: 'Link to reason 1: Growers' });
  });

  test('splits a paragraph where a cue starts mid-way, so the argument starts exactly there', async () => {
    const tree = parseHtml(await renderFixture('tea-tariffs.md'));
    expect(text($(tree, '#introduction-1'))).toMatch(/There are two reasons\. ¶$/);
    expect(text($(tree, '#growers-1'))).toMatch(/^To begin with the growers, who have built their estates on it\. ¶$/);
  });

  test('keeps inline markup on both sides of a split', async () => {
    const html = await renderFixture('tea-tariffs.md', (r) => {
      r.body = r.body.replace('There are two reasons. To begin with the growers, who', 'There are *two reasons. To begin* with the growers, who');
    });
    const tree = parseHtml(html);
    expect(text($(tree, '#introduction-1 > em'))).toBe('two reasons.');
    expect(text($(tree, '#growers-1 em'))).toBe('To begin');
  });

  test('gives each block a positional id and each paragraph a permalink, never a slug of its words', async () => {
    const tree = parseHtml(await renderFixture('tea-tariffs.md'));
    const ids = $$(tree, 'section :is(p, .passage)[id]').map((p) => p.properties.id);
    expect(ids).toEqual(['introduction-1', 'growers-1', 'growers-2', 'rivals-1', 'conclusion-1']);
    expect($(tree, '#growers-2 a.pilcrow')!.properties).toMatchObject({ href: '#growers-2', ariaLabel: 'Link to paragraph 2 of reason 1: Growers' });
    const reworded = parseHtml(await renderFixture('tea-tariffs.md', (r) => (r.body = r.body.replace('who have built', 'who built'))));
    expect($$(reworded, 'section :is(p, .passage)[id]').map((p) => p.properties.id)).toEqual(ids);
  });

  test('finds cues whatever their typographic quotes, dashes and spacing', async () => {
    const html = await renderFixture('tea-tariffs.md', (r) => {
      r.frontmatter.arguments[1].cue = 'Then there\u2019s   the rivals';
      r.body = r.body.replace('Then there are the rivals', "Then there's the rivals");
    });
    expect(text($(parseHtml(html), '#rivals-1'))).toMatch(/^Then there’s the rivals/);
  });

  test('sections follow the order of the frontmatter', async () => {
    const html = await renderFixture('tea-tariffs.md', (r) => {
      r.frontmatter.arguments.reverse();
      r.body = r.body
        .replace('To begin with the growers, who have built their estates on it.', '')
        .replace(
          'Then there are the rivals, who *quietly* prefer a tariff they know.',
          'Then there are the rivals, who *quietly* prefer a tariff they know.\n\nTo begin with the growers, who have built their estates on it.',
        );
    });
    expect($$(parseHtml(html), 'section.argument').map((s) => s.properties.id)).toEqual(['rivals', 'growers']);
  });

  describe('refuses a text that does not fit, naming the file and the field', () => {
    const failure = (change: Parameters<typeof renderFixture>[1]) => renderFailure('tea-tariffs.md', change);

    test('a cue not found', async () => {
      const error = await failure((r) => (r.frontmatter.conclusion.cue = 'To sum up'));
      expect(error).toContain('tests/fixtures/readings/tea-tariffs.md: the text does not fit its frontmatter');
      expect(error).toContain('conclusion.cue: cue "To sum up" not found in the text');
    });

    test('a cue found more than once', async () => {
      const error = await failure((r) => (r.body += '\n\nIn short, again.'));
      expect(error).toContain('conclusion.cue: cue "In short" found 2 times');
    });

    test('cues out of order', async () => {
      const error = await failure((r) => {
        r.frontmatter.arguments[0].cue = 'Then there are the rivals';
        r.frontmatter.arguments[1].cue = 'To begin with the growers';
      });
      expect(error).toContain('arguments.1.cue: cue "To begin with the growers" comes before arguments.0.cue');
    });

    test('duplicate argument ids', async () => {
      const error = await failure((r) => (r.frontmatter.arguments[1].id = 'growers'));
      expect(error).toContain('tests/fixtures/readings/tea-tariffs.md: invalid frontmatter');
      expect(error).toContain('arguments.1.id: duplicate argument id "growers"');
    });

    test('missing frontmatter', async () => {
      const error = await failure((r) => (r.frontmatter = {}));
      expect(error).toMatch(/invalid frontmatter[\s\S]*title[\s\S]*arguments/);
    });
  });
});

test('a cue that starts mid-way through a list is reported with every other problem', async () => {
  const error = await renderFailure('tea-tariffs.md', (r) => {
    r.body = r.body.replace('Then there are the rivals, who', '- Some say: then there are the rivals, who');
    r.frontmatter.arguments[1].cue = 'then there are the rivals';
    r.frontmatter.notes[0].quote = 'eleven per cent';
  });
  expect(error).toContain('arguments.1.cue: cue "then there are the rivals" starts inside a list; start it at the beginning of that block, or in a paragraph');
  expect(error).toContain('notes.0 (tariff-rate)');
});
