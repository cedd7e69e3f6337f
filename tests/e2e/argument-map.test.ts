/** The argument map in a real browser, JavaScript off. (axe audits the whole page, map included: tests/e2e/gates/accessibility.test.ts.) */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { open, readingSites, useBrowser } from '../support/pages.ts';
import { committedReading } from '../support/project.ts';

const browser = useBrowser();
const reading = await committedReading('china-russia-alliance.md');

/** Open every reason's toggle, as a reader who wants the points does. */
const openToggles = (page: Page) =>
  page.locator('.map-more > summary').evaluateAll((summaries) => {
    for (const summary of summaries) (summary as HTMLElement).click();
  });

describe.each(readingSites())('argument map ($name build)', ({ url }) => {
  test('has one root, the thesis, with the three reasons under it in the frontmatter’s order, and their points behind a toggle', async () => {
    const page = await open(browser(), url);
    // The points wait behind each reason's toggle, closed: the text starts within the first screen.
    const toggles = page.locator('.map-reason > details.map-more');
    expect(await toggles.count()).toBe(reading.arguments.length);
    for (const toggle of await toggles.all()) {
      expect(await toggle.getAttribute('open')).toBeNull();
      expect(await toggle.locator('.map-point').first().isVisible()).toBe(false);
    }
    await openToggles(page);
    const roots = await page.locator('.argument-map').evaluate((map) =>
      [...map.querySelectorAll(':scope .map-tree > li')].map((root) => ({
        thesis: root.querySelector(':scope > a')?.textContent,
        reasons: [...root.querySelectorAll(':scope > ol > li')].map((reason) => ({
          href: reason.querySelector(':scope > a')?.getAttribute('href'),
          points: [...reason.querySelectorAll(':scope > details > ul > li > a:first-child')].map((a) => a.textContent),
        })),
      })),
    );
    expect(roots).toHaveLength(1);
    expect(roots[0]!.thesis).toBe(`Thesis ${reading.thesis}`);
    expect(roots[0]!.reasons.map((r) => r.href)).toEqual(['#economic', '#geopolitical', '#geo-economic']);
    expect(roots[0]!.reasons.map((r) => r.points)).toEqual(reading.arguments.map((a) => a.points!.map((p) => p.text)));
    // Announced as what it is: a list of one item holding a list of reasons, each holding a list of points.
    const snapshot = await page.locator('.map-tree').ariaSnapshot();
    expect(snapshot).toMatch(/^- list:\n {2}- listitem:\n {4}- link "Thesis /);
    expect(snapshot.match(/^ *- list:/gm)).toHaveLength(1 + 1 + reading.arguments.length);
    await page.context().close();
  });

  test('shows a point a note qualifies as qualified, in words and at a glance, linked to that note by the number in the text', async () => {
    const page = await open(browser(), url);
    await openToggles(page);
    const points = await page.locator('.map-point').evaluateAll((items) =>
      items.map((item) => ({
        text: item.querySelector('a')!.textContent,
        qualifier: item.querySelector('.map-qualifier')?.textContent?.replace(/\s+/g, ' ').trim() ?? null,
        notes: [...item.querySelectorAll('.map-qualifier a')].map((a) => ({
          number: a.textContent!.replace('note ', ''),
          href: a.getAttribute('href')!,
          marker: document.querySelector(`a.note-ref[href="${a.getAttribute('href')}"]`)?.textContent,
          target: document.querySelector(a.getAttribute('href')!)?.getAttribute('role'),
        })),
        branch: getComputedStyle(item, '::before').borderBottomStyle,
      })),
    );
    const declared = reading.arguments.flatMap((a) => a.points!);
    expect(points.map((p) => p.text)).toEqual(declared.map((p) => p.text));
    points.forEach((point, i) => {
      const qualifiedBy = declared[i]!.qualifiedBy ?? [];
      expect(point.notes.map((n) => n.href).sort()).toEqual(qualifiedBy.map((id) => `#note-${id}`).sort());
      if (!qualifiedBy.length) {
        expect(point.qualifier).toBeNull();
        expect(point.branch).toBe('solid');
        return;
      }
      expect(point.qualifier).toMatch(/^Challenged by note \d+((, note \d+)* and note \d+)?$/);
      expect(point.branch).toBe('dashed');
      for (const note of point.notes) {
        // The number the map gives is the number on the note's marker in the text.
        expect(note.number).toBe(note.marker);
        expect(note.target).toBe('note');
      }
    });
    // The reading does challenge some of its points.
    expect(points.filter((p) => p.notes.length).length).toBeGreaterThan(0);
    await page.context().close();
  });

  test('every node of the tree links to an element of the page, in the text', async () => {
    const page = await open(browser(), url);
    await openToggles(page);
    const links = await page.locator('.map-tree a').evaluateAll((anchors) =>
      anchors.map((a) => {
        const href = a.getAttribute('href')!;
        const target = href.startsWith('#') ? document.getElementById(decodeURIComponent(href.slice(1))) : null;
        return { href, inText: Boolean(target?.closest('#text')) };
      }),
    );
    const points = reading.arguments.flatMap((a) => a.points!);
    const qualifiers = points.flatMap((p) => p.qualifiedBy ?? []);
    expect(links.length).toBe(1 + reading.arguments.length + points.length + qualifiers.length);
    for (const link of links) expect(link, link.href).toEqual({ href: expect.stringMatching(/^#/), inText: true });
    // Following a point's link lands on its place in the text, clear of the sticky navigator.
    const backed = points.find((p) => p.note)!;
    await page.locator('.map-point > a', { hasText: backed.text }).click();
    expect(new URL(page.url()).hash).toBe(`#note-${backed.note}-ref`);
    const [navBottom, markerTop] = await page.evaluate(
      (id) => [document.querySelector('.reading-nav')!.getBoundingClientRect().bottom, document.getElementById(id)!.getBoundingClientRect().top],
      `note-${backed.note}-ref`,
    );
    expect(markerTop).toBeGreaterThanOrEqual(navBottom);
    await page.context().close();
  });

  test('Tab reaches every link and toggle of the map in reading order, and an opened toggle’s points', async () => {
    const page = await open(browser(), url);
    const name = (el: Element | null) => (el?.closest('.argument-map') ? (el.getAttribute('href') ?? el.textContent) : null);
    const tabThrough = async () => {
      const expected = await page
        .locator('.argument-map :is(a, summary)')
        .evaluateAll((all) => all.filter((el) => el.checkVisibility()).map((el) => el.getAttribute('href') ?? el.textContent));
      await page.locator('.edition-label a').focus();
      const reached: (string | null)[] = [];
      for (const _ of expected) {
        await page.keyboard.press('Tab');
        reached.push(await page.evaluate(`(${name.toString()})(document.activeElement)`));
      }
      expect(reached).toEqual(expected);
      return expected;
    };
    const closed = await tabThrough();
    await openToggles(page);
    const opened = await tabThrough();
    expect(opened.length).toBeGreaterThan(closed.length);
    await page.context().close();
  });

  test('stands the reasons side by side on a wide screen and reflows to a vertical tree at 375 px', async () => {
    const reasonBoxes = async (width: number, height: number) => {
      const page = await open(browser(), url, { viewport: { width, height } });
      const boxes = await page.locator('.map-reason > a').evaluateAll((links) => links.map((a) => a.getBoundingClientRect().toJSON() as DOMRect));
      const widest = await page.locator('.argument-map, .argument-map *').evaluateAll((all) => Math.max(...all.map((el) => el.getBoundingClientRect().right)));
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      await page.context().close();
      return { boxes, widest, overflow };
    };
    const wide = await reasonBoxes(1440, 900);
    expect(new Set(wide.boxes.map((b) => Math.round(b.top))).size).toBe(1);
    expect(wide.boxes.map((b) => b.left)).toEqual([...wide.boxes.map((b) => b.left)].sort((a, b) => a - b));
    const phone = await reasonBoxes(375, 740);
    expect(new Set(phone.boxes.map((b) => Math.round(b.left))).size).toBe(1);
    phone.boxes.slice(1).forEach((box, i) => {
      expect(box.top).toBeGreaterThan(phone.boxes[i]!.bottom);
    });
    expect(phone.widest).toBeLessThanOrEqual(375);
    expect(phone.overflow).toBe(0);
  });

  test('prints as a vertical tree with every point, and without the navigator', async () => {
    // An A4 page is 794 CSS px wide: the width print media queries see.
    const page = await open(browser(), url, { viewport: { width: 794, height: 1123 } });
    await page.emulateMedia({ media: 'print' });
    const printed = await page.evaluate(() => ({
      points: [...document.querySelectorAll('.map-point')].filter((p) => p.getBoundingClientRect().height > 0).length,
      lefts: new Set([...document.querySelectorAll('.map-reason > a')].map((a) => Math.round(a.getBoundingClientRect().left))).size,
      nav: getComputedStyle(document.querySelector('.reading-nav')!).display,
    }));
    expect(printed).toEqual({ points: reading.arguments.flatMap((a) => a.points!).length, lefts: 1, nav: 'none' });
    await page.context().close();
  });
});
