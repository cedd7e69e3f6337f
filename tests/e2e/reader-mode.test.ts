/**
 * Reader mode: Mozilla Readability (Firefox Reader View, read-later apps) on
 * the built reading page and argument pages keeps the notes and finds the
 * byline. Readability deletes <aside> and link-heavy divs, and any element
 * with a `hidden` attribute, so this is the check that notes survive it.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Readability } from '@mozilla/readability';
import { JSDOM } from 'jsdom';
import { describe, expect, test } from 'vitest';
import { htmlFiles } from '../support/built-site.ts';
import { sites } from '../support/pages.ts';

const fold = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Readability's article for a built page, and the page's own notes, each as the pieces a reader reads: gist, paragraphs, sources, chart. */
async function readerView(file: string, url: string) {
  const html = await readFile(file, 'utf8');
  const page = new JSDOM(html, { url }).window.document;
  const notes = [...page.querySelectorAll('#text .sidenote')].map((note) => ({
    id: note.id,
    // A chart is read as its caption and its table: the drawing beside them is hidden from readers (aria-hidden) and repeats the table.
    pieces: [...note.querySelectorAll('.sidenote-gist, .sidenote-fold > :not(summary, .sidenote-back, figure), .sidenote-fold > figure > :not(svg)')].map(
      (piece) => fold(piece.textContent ?? ''),
    ),
  }));
  // Readability changes the document it reads: give it its own.
  const article = new Readability(new JSDOM(html, { url }).window.document).parse();
  return { notes, article };
}

const site = sites().find((s) => s.name === 'root')!;
// Reading and argument pages, by their markup: a Markdown page such as /about/ has no notes or byline to keep.
const pages = htmlFiles(site.dir).filter(
  (file) => /^[^/]+\/([^/]+\/)?index\.html$/.test(file) && readFileSync(path.join(site.dir, file), 'utf8').includes(' data-reading='),
);

test('the build has reading pages to read in reader mode', () => {
  expect(pages.length).toBeGreaterThan(0);
});

describe.each(pages)('%s in reader mode', (file) => {
  test('keeps at least 90% of the notes’ text and finds the byline', async () => {
    const { notes, article } = await readerView(path.join(site.dir, file), new URL(file.replace(/index\.html$/, ''), site.url).href);
    expect(article).not.toBeNull();
    const text = fold(article!.textContent ?? '');
    const total = notes.reduce((sum, note) => sum + note.pieces.join('').length, 0);
    const kept = notes.reduce((sum, note) => sum + note.pieces.filter((piece) => text.includes(piece)).join('').length, 0);
    if (notes.length) expect(kept / total, `${kept} of ${total} characters of notes kept`).toBeGreaterThanOrEqual(0.9);
    // Every note keeps at least its gist.
    for (const note of notes) expect(text, `${note.id}'s gist`).toContain(note.pieces[0]);
    const author = fold((await readFile(path.join(site.dir, file), 'utf8')).match(/<span class="author">([^<]+)<\/span>/)?.[1] ?? '');
    expect(author).not.toBe('');
    expect(article!.byline).toContain(author);
  });
});
