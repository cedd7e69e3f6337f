/** Margin notes in a real browser, JavaScript off: layout on wide and narrow screens, keyboard, :target. */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { open, sites, useBrowser } from '../support/pages.ts';

const browser = useBrowser();

interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** Geometry of every note with its marker's line and its paragraph. */
function geometry(page: Page) {
  return page.locator('aside.sidenote').evaluateAll((notes) => {
    const box = (el: Element) => {
      const r = el.getBoundingClientRect();
      return { top: r.top + scrollY, bottom: r.bottom + scrollY, left: r.left, right: r.right };
    };
    return notes.map((note) => {
      const marker = document.getElementById(`${note.id}-ref`)!;
      // The marker's line: the line box of the text just before the marker.
      const line = (marker.previousElementSibling ?? marker).getClientRects();
      const paragraph = marker.closest('.passage > :first-child')!;
      return {
        id: note.id,
        number: marker.textContent,
        note: box(note),
        markerLineTop: Math.min(...[...line].slice(-1).map((r) => r.top + scrollY), box(marker).top),
        paragraph: box(paragraph),
        passage: box(note.closest('.passage')!),
        firstOfPassage: note.previousElementSibling === null,
        visible: getComputedStyle(note).display !== 'none' && getComputedStyle(note).visibility !== 'hidden' && note.getBoundingClientRect().height > 0,
      };
    });
  });
}

const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

describe.each(sites())('margin notes ($name build)', ({ url }) => {
  test('at 1440 px every note sits in the right margin beside its paragraph, from its marker line down, overlapping nothing', async () => {
    const page = await open(browser(), url, { viewport: { width: 1440, height: 900 } });
    const notes = await geometry(page);
    expect(notes.length).toBeGreaterThanOrEqual(14);
    for (const n of notes) {
      expect(n.note.left, `${n.id} is right of its paragraph`).toBeGreaterThanOrEqual(n.paragraph.right);
      expect(n.note.right, `${n.id} fits the viewport`).toBeLessThanOrEqual(1440);
      expect(n.note.top, `${n.id} starts no higher than its marker's line`).toBeGreaterThanOrEqual(n.markerLineTop - 1);
      // The first note of a paragraph starts beside it; later ones stack below it.
      if (n.firstOfPassage) expect(n.note.top, `${n.id} starts beside its paragraph`).toBeLessThan(n.paragraph.bottom);
      expect(n.note.bottom, `${n.id} stays within its passage`).toBeLessThanOrEqual(n.passage.bottom + 0.5);
    }
    for (let i = 0; i < notes.length; i++)
      for (let j = i + 1; j < notes.length; j++) expect(overlaps(notes[i]!.note, notes[j]!.note), `${notes[i]!.id} overlaps ${notes[j]!.id}`).toBe(false);
    // In number order down the margin.
    const tops = notes.map((n) => n.note.top);
    expect([...tops].sort((a, b) => a - b)).toEqual(tops);
    await page.context().close();
  });

  test('at 375 px every note is readable right after its paragraph, with no sideways scroll', async () => {
    const page = await open(browser(), url, { viewport: { width: 375, height: 740 } });
    const notes = await geometry(page);
    for (const n of notes) {
      expect(n.visible, `${n.id} is visible`).toBe(true);
      expect(n.note.top, `${n.id} follows its paragraph`).toBeGreaterThanOrEqual(n.paragraph.bottom);
      expect(n.note.left).toBeGreaterThanOrEqual(0);
      expect(n.note.right).toBeLessThanOrEqual(375);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    await page.context().close();
  });

  test('Tab reaches every marker in order; Enter moves focus to its note, whose back-link returns', async () => {
    const page = await open(browser(), url);
    const expected = await page.locator('a.note-ref').evaluateAll((markers) => markers.map((m) => m.textContent));
    expect(expected).toEqual(expected.map((_, i) => String(i + 1)));
    const reached: string[] = [];
    for (let presses = 0; presses < 1000 && reached.length < expected.length; presses++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => (document.activeElement?.matches('a.note-ref') ? document.activeElement.textContent : null));
      if (focused) reached.push(focused);
    }
    expect(reached).toEqual(expected);

    for (const id of ['note-biden-xi-call', 'note-corn']) {
      await page.focus(`#${id}-ref`);
      await page.keyboard.press('Enter');
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(id);
      expect(await page.locator(`#${id}`).evaluate((note) => getComputedStyle(note).borderLeftColor)).not.toBe(
        await page.locator('#note-le-yucheng').evaluate((note) => getComputedStyle(note).borderLeftColor),
      );
      expect(new URL(page.url()).hash).toBe(`#${id}`);
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.className)).toBe('sidenote-number');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(`${id}-ref`);
      expect(new URL(page.url()).hash).toBe(`#${id}-ref`);
    }
    await page.context().close();
  });
});
