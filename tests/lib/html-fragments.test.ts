import { expect, test } from 'vitest';
import { elementById, noteBodies, parseHtml, toHtml } from '../../src/lib/html-fragments.ts';
import { renderFixture } from '../support/pipeline.ts';

test('cuts one element out of a fragment, with everything inside it', () => {
  const tree = parseHtml('<section id="a"><p id="a-1">x</p></section><section id="b"><p>y</p></section>');
  expect(toHtml(elementById(tree, 'a')!)).toBe('<section id="a"><p id="a-1">x</p></section>');
  expect(elementById(tree, 'c')).toBeUndefined();
});

test('gives each rendered note body in reading order, without the number and kind that link into the page', async () => {
  const bodies = noteBodies(parseHtml(await renderFixture('tea-tariffs.md')));
  expect([...bodies.keys()]).toEqual(['note-tariff-rate', 'note-harbour', 'note-fn-estates']);
  const tariff = bodies.get('note-tariff-rate')!;
  expect(tariff).toContain('<em>1998</em>');
  expect(tariff).toContain('<p class="sidenote-sources">Source: <a href="https://example.org/trade">Fixture Trade Review</a>.</p>');
  expect(tariff).not.toContain('sidenote-head');
  expect(tariff).not.toContain('#note-tariff-rate-ref');
});
