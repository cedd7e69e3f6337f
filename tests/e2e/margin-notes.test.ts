/**
 * Margin notes in a real browser, at every width, JavaScript off and on,
 * light and dark, and in print: the text is never torn apart, notes sit in
 * the margin from 1000px and open in place from their marker below it.
 *
 * Expectations come from the page (its notes, markers, paragraphs, line
 * height), never from counts of today's content.
 */
import type { Browser, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { open, READING, sites, useBrowser } from '../support/pages.ts';

const browser = useBrowser();
const BREAKPOINT = 1000;

interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/**
 * The text's geometry: in each section, its blocks of running text in order
 * (paragraphs, lists, quotes) and the gaps between them beyond the CSS margin;
 * and every note with its marker's line.
 */
function layout(page: Page) {
  return page.evaluate(() => {
    const box = (el: Element): Box => {
      const r = el.getBoundingClientRect();
      return { top: r.top + scrollY, bottom: r.bottom + scrollY, left: r.left, right: r.right };
    };
    const blocks = [...document.querySelectorAll('#text > section')].map((section) =>
      [...section.querySelectorAll(':scope > :is(p, .passage, ul, ol, blockquote)')].map((block) => ({
        box: box(block),
        margin: parseFloat(getComputedStyle(block).marginTop),
      })),
    );
    const gaps = blocks.flatMap((section) => section.slice(1).map((block, i) => block.box.top - section[i]!.box.bottom - block.margin));
    const text = blocks.flat().reduce((sum, block) => sum + block.box.bottom - block.box.top, 0);
    const notes = [...document.querySelectorAll<HTMLElement>('#text .sidenote')].map((note) => {
      // The marker: a link from 1000px, a button below; both are in the span that holds the marker's id.
      const marker = document.getElementById(`${note.id}-ref`)!.querySelector('.note-ref')!;
      const visibleMarker = marker.checkVisibility() ? marker : marker.nextElementSibling!;
      // The marker's line: the top of the last line of its phrase, or of the marker itself.
      const phrase = [...([...document.querySelectorAll(`.anchor[data-note="${note.id}"]`)].at(-1)?.getClientRects() ?? [])].at(-1);
      const markerLine = Math.min(visibleMarker.getBoundingClientRect().top, phrase?.top ?? Infinity) + scrollY;
      const style = getComputedStyle(note);
      return {
        id: note.id,
        number: marker.textContent,
        note: box(note),
        margins: { top: parseFloat(style.marginTop), bottom: parseFloat(style.marginBottom) },
        markerLine,
        shown: note.querySelector('.sidenote-summary')!.checkVisibility(),
      };
    });
    return {
      gaps,
      text,
      line: parseFloat(getComputedStyle(document.querySelector('#text p')!).lineHeight),
      textRight: Math.max(...blocks.flat().map((block) => block.box.right)),
      notes,
      viewport: { width: innerWidth, height: innerHeight },
      sideways: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    };
  });
}

const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

const WIDTHS = [375, 768, 1024, 1440, 1920];
const MODES = WIDTHS.flatMap((width) => [
  { width, javaScript: false, scheme: 'light' as const },
  { width, javaScript: true, scheme: 'light' as const },
  // Dark changes colours only; check it holds the layout at one narrow and one wide width.
  ...(width === 375 || width === 1440 ? [{ width, javaScript: false, scheme: 'dark' as const }] : []),
]);
/** Common screens: a phone, a tablet, a laptop, a desktop and a large desktop. */
const HEIGHTS: Record<number, number> = { 375: 740, 768: 1024, 1024: 768, 1440: 900, 1920: 1080 };
const heightFor = (width: number) => HEIGHTS[width]!;

const openReading = (b: Browser, url: string, width: number, options: Parameters<typeof open>[2] = {}) =>
  open(b, `${url}${READING}`, { viewport: { width, height: heightFor(width) }, ...options });

describe.each(sites())('margin notes ($name build)', ({ url }) => {
  test.each(MODES)('at $width px, JavaScript $javaScript, $scheme: the text is not torn apart', async ({ width, javaScript, scheme }) => {
    const page = await openReading(browser(), url, width, { javaScriptEnabled: javaScript, colorScheme: scheme });
    const { gaps, text, line, textRight, notes, viewport, sideways } = await layout(page);
    expect(notes.length).toBeGreaterThan(0);
    expect(sideways).toBe(0);
    // Extra space between paragraphs of a section: at most a quarter of the text's height in all, three lines at most in one place.
    const extra = gaps.reduce((sum, gap) => sum + Math.max(0, gap), 0);
    expect(extra, `extra gaps ${extra}px against ${text}px of text`).toBeLessThanOrEqual(text * 0.25);
    expect(Math.max(...gaps), 'largest gap').toBeLessThanOrEqual(3 * line);

    if (width >= BREAKPOINT) {
      for (const n of notes) {
        expect(n.shown, `${n.id} shows its gist`).toBe(true);
        expect(n.note.left, `${n.id} is in the margin`).toBeGreaterThanOrEqual(textRight);
        expect(n.note.right, `${n.id} fits the window`).toBeLessThanOrEqual(viewport.width);
        expect(n.note.top, `${n.id} starts no higher than its marker's line`).toBeGreaterThanOrEqual(n.markerLine - 1);
        expect(n.note.top - n.markerLine, `${n.id} starts within a screen of its marker`).toBeLessThanOrEqual(viewport.height);
      }
      // On its marker's line, unless the note above still runs there: then right below that note.
      notes.forEach((n, i) => {
        const above = notes[i - 1];
        const room = above ? above.note.bottom + above.margins.bottom + n.margins.top : -Infinity;
        expect(n.note.top, `${n.id} starts on its marker's line or right below the note above`).toBeLessThanOrEqual(Math.max(n.markerLine + line, room + 1));
      });
      for (let i = 0; i < notes.length; i++)
        for (let j = i + 1; j < notes.length; j++) expect(overlaps(notes[i]!.note, notes[j]!.note), `${notes[i]!.id} overlaps ${notes[j]!.id}`).toBe(false);
      // In number order down the margin.
      const tops = notes.map((n) => n.note.top);
      expect([...tops].sort((a, b) => a - b)).toEqual(tops);
    } else {
      for (const n of notes) {
        expect(n.shown, `${n.id} is closed`).toBe(false);
        // Out of the flow, at most a pixel: the browser still renders it, so find-in-page can search it.
        expect(n.note.bottom - n.note.top, `${n.id} takes no room`).toBeLessThanOrEqual(1);
      }
    }
    await page.context().close();
  });

  test.each([1024, 1440])('at %i px no closed note starts more than a line below its marker', async (width) => {
    const page = await openReading(browser(), url, width);
    const { notes, line } = await layout(page);
    expect(notes.length).toBeGreaterThan(0);
    const late = notes.filter((n) => n.note.top - n.markerLine > line + 1).map((n) => `${n.id}: ${Math.round(n.note.top - n.markerLine)} px`);
    expect(late, `one line is ${line} px`).toEqual([]);
    await page.context().close();
  });

  test('from 1000 px, an opened note lies over the notes below it and moves none of them, nor the text', async () => {
    for (const javaScriptEnabled of [false, true]) {
      const page = await openReading(browser(), url, 1440, { javaScriptEnabled });
      const before = await layout(page);
      for (const index of [0, Math.floor(before.notes.length / 2)]) {
        const id = before.notes[index]!.id;
        await page.locator(`#${id} .sidenote-summary`).click();
        await page.mouse.move(0, 0);
        expect(await page.locator(`#${id} .sidenote-fold`).getAttribute('open'), id).not.toBeNull();
        const after = await layout(page);
        expect(after.notes.map((n) => n.note.top)).toEqual(before.notes.map((n) => n.note.top));
        expect(after.gaps).toEqual(before.gaps);
        expect(after.text).toBe(before.text);
        // Its whole text shows, on top: the point at the middle of its body belongs to it, not to a note below.
        const onTop = await page
          .locator(`#${id} .sidenote-fold > p`)
          .first()
          .evaluate((el) => {
            const r = el.getBoundingClientRect();
            el.scrollIntoView({ block: 'center' });
            const s = el.getBoundingClientRect();
            return el.contains(document.elementFromPoint(s.left + s.width / 2, s.top + s.height / 2)) && r.height > 0;
          });
        expect(onTop, `${id} is read whole, over the notes below`).toBe(true);
        await page.locator(`#${id} .sidenote-summary`).click();
      }
      await page.context().close();
    }
  });
});

/** Open a note from its marker's button (by click, tap or keyboard), check it is in view next to the marker, and close it with Esc. */
async function openAndClose(page: Page, id: string, how: 'click' | 'tap' | 'keyboard') {
  const button = page.locator(`#${id}-ref > button.note-toggle`);
  const note = page.locator(`#${id}`);
  await button.scrollIntoViewIfNeeded();
  if (how === 'click') await button.click();
  else if (how === 'tap') await button.tap();
  else {
    await button.focus();
    await page.keyboard.press('Enter');
  }
  await expect.poll(() => note.evaluate((el) => el.matches(':popover-open')), { message: `${id} opens by ${how}` }).toBe(true);
  const { noteBox, markerBox, viewport, gist } = await note.evaluate((el) => ({
    noteBox: el.getBoundingClientRect().toJSON() as DOMRect,
    markerBox: document.querySelector(`#${el.id}-ref > button`)!.getBoundingClientRect().toJSON() as DOMRect,
    viewport: { width: innerWidth, height: innerHeight },
    gist: el.querySelector('.sidenote-gist')!.checkVisibility(),
  }));
  expect(gist, `${id} shows its gist`).toBe(true);
  expect(noteBox.top, `${id} is in view`).toBeGreaterThanOrEqual(0);
  expect(noteBox.bottom).toBeLessThanOrEqual(viewport.height);
  expect(noteBox.left).toBeGreaterThanOrEqual(0);
  expect(noteBox.right).toBeLessThanOrEqual(viewport.width);
  // Next to its marker: just below its line, or just above it.
  const distance = Math.min(Math.abs(noteBox.top - markerBox.bottom), Math.abs(markerBox.top - noteBox.bottom));
  expect(distance, `${id} opens next to its marker`).toBeLessThan(40);
  await page.keyboard.press('Escape');
  await expect.poll(() => note.evaluate((el) => el.matches(':popover-open'))).toBe(false);
  expect(await page.evaluate(() => document.activeElement?.getAttribute('popovertarget')), `focus is back on ${id}'s marker`).toBe(id);
}

describe('narrow screens: a marker opens its note in place, without JavaScript', () => {
  const { url } = sites().find((s) => s.name === 'root')!;

  test.each([375, 768])(
    'at %i px every marker opens its note in view by click, tap and keyboard; Esc closes it and focus returns to the marker',
    { timeout: 180_000 },
    async (width) => {
      const page = await openReading(browser(), url, width, { hasTouch: true });
      const ids = await page.locator('#text .sidenote').evaluateAll((notes) => notes.map((n) => n.id));
      expect(ids.length).toBeGreaterThan(0);
      for (const id of ids) {
        await openAndClose(page, id, 'click');
        await openAndClose(page, id, 'tap');
        await openAndClose(page, id, 'keyboard');
      }
      await page.context().close();
    },
  );

  test('a note opened from its marker shows the rest on demand, and its Close button returns focus to the marker', async () => {
    const page = await openReading(browser(), url, 375);
    const id = await page.locator('#text .sidenote').first().getAttribute('id');
    const button = page.locator(`#${id}-ref > button.note-toggle`);
    await button.click();
    const body = page.locator(`#${id} .sidenote-fold > summary + *`);
    expect(await body.isVisible()).toBe(false);
    await page.locator(`#${id} .sidenote-summary`).click();
    expect(await body.isVisible()).toBe(true);
    await page.locator(`#${id} .sidenote-close`).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator(`#${id}`).evaluate((el) => el.matches(':popover-open'))).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('popovertarget'))).toBe(id);
    await page.context().close();
  });
});

describe('phones and tablets: an open note is a card that fits', () => {
  const { url } = sites().find((s) => s.name === 'root')!;
  const SCREENS = [
    { width: 390, height: 844 },
    { width: 768, height: 1024 },
  ];

  test.each(SCREENS)(
    'at $width px a note opened low on the screen is at least 40% of the screen tall (or whole), with Close in view',
    { timeout: 180_000 },
    async ({ width, height }) => {
      const page = await open(browser(), `${url}${READING}`, { viewport: { width, height }, hasTouch: true });
      const ids = await page.locator('#text .sidenote').evaluateAll((notes) => notes.map((n) => n.id));
      expect(ids.length).toBeGreaterThan(0);
      for (const id of ids) {
        const button = page.locator(`#${id}-ref > button.note-toggle`);
        // Its marker near the bottom of the screen, where the room below it is least.
        await button.evaluate((b) => scrollBy(0, b.getBoundingClientRect().top - innerHeight * 0.85));
        await button.tap();
        await page.locator(`#${id} .sidenote-summary`).tap();
        const card = await page.locator(`#${id}`).evaluate((el) => {
          const box = el.getBoundingClientRect();
          const close = el.querySelector('.sidenote-close')!.getBoundingClientRect();
          return {
            open: el.matches(':popover-open'),
            height: box.height,
            // As tall as it would be if nothing held it in: its text, its Close and the card's frame.
            whole: el.scrollHeight + ((el as HTMLElement).offsetHeight - el.clientHeight),
            top: box.top,
            bottom: box.bottom,
            close: { top: close.top, bottom: close.bottom, height: close.height },
            screen: innerHeight,
          };
        });
        expect(card.open, id).toBe(true);
        expect(card.height, `${id} is not squeezed`).toBeGreaterThanOrEqual(Math.min(0.4 * card.screen, card.whole) - 1);
        expect(card.top, `${id} is on screen`).toBeGreaterThanOrEqual(0);
        expect(card.bottom, `${id} is on screen`).toBeLessThanOrEqual(card.screen);
        expect(card.close.height, `${id}: Close shows`).toBeGreaterThan(0);
        expect(card.close.top, `${id}: Close is in the card`).toBeGreaterThanOrEqual(card.top);
        expect(card.close.bottom, `${id}: Close is in view`).toBeLessThanOrEqual(Math.min(card.bottom, card.screen) + 0.5);
        await page.keyboard.press('Escape');
      }
      await page.context().close();
    },
  );

  test.each(SCREENS)('at $width px every marker is a target of 24 px or more, and a note reads at 15 px or more', async ({ width, height }) => {
    const page = await open(browser(), `${url}${READING}`, { viewport: { width, height } });
    const targets = await page
      .locator('#text .note-toggle')
      .evaluateAll((buttons) =>
        buttons.map(
          (b) => ({ label: b.getAttribute('aria-label'), ...b.getBoundingClientRect().toJSON() }) as { label: string; width: number; height: number },
        ),
      );
    expect(targets.length).toBeGreaterThan(0);
    for (const t of targets) {
      expect(t.width, t.label).toBeGreaterThanOrEqual(24);
      expect(t.height, t.label).toBeGreaterThanOrEqual(24);
    }
    const first = page.locator('#text .sidenote').first();
    await page.locator('#text .note-toggle').first().click();
    const sizes = await first.evaluate((el) =>
      // The note's own words: its gist, its text and its sources (not the small "Back to the text" link).
      [...el.querySelectorAll('.sidenote-gist, .sidenote-fold > p:not(.sidenote-back)')].map((p) => parseFloat(getComputedStyle(p).fontSize)),
    );
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(15);
    await page.context().close();
  });

  test('in the dark scheme an open note has a border that stands out from the page (3:1)', async () => {
    const page = await open(browser(), `${url}${READING}`, { viewport: { width: 390, height: 844 }, colorScheme: 'dark' });
    await page.locator('#text .note-toggle').first().click();
    const { border, paper } = await page
      .locator('#text .sidenote')
      .first()
      .evaluate((el) => ({
        border: getComputedStyle(el).borderTopColor,
        paper: getComputedStyle(document.body).backgroundColor,
      }));
    expect(contrast(border, paper), `${border} on ${paper}`).toBeGreaterThanOrEqual(3);
    await page.context().close();
  });
});

/** WCAG contrast ratio of two `rgb(…)` colours. */
function contrast(a: string, b: string): number {
  const luminance = (colour: string) => {
    const [r, g, bl] = colour
      .match(/[\d.]+/g)!
      .slice(0, 3)
      .map((c) => {
        const v = Number(c) / 255;
        return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
      });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe('links and search reach the notes', () => {
  const { url } = sites().find((s) => s.name === 'root')!;

  test.each([375, 1024, 1440])('at %i px a #note-… link shows its note in view', async (width) => {
    const page = await openReading(browser(), url, width);
    const ids = await page.locator('#text .sidenote').evaluateAll((notes) => notes.map((n) => n.id));
    await page.context().close();
    for (const id of [ids[0]!, ids[Math.floor(ids.length / 2)]!, ids.at(-1)!]) {
      const page = await open(browser(), `${url}${READING}#${id}`, { viewport: { width, height: heightFor(width) } });
      const shown = await page.locator(`#${id}`).evaluate((el) => {
        const r = el.getBoundingClientRect();
        return { gist: el.querySelector('.sidenote-gist')!.checkVisibility(), top: r.top, bottom: r.bottom, height: innerHeight };
      });
      expect(shown.gist, `${id} is shown`).toBe(true);
      expect(shown.top).toBeGreaterThanOrEqual(0);
      expect(shown.top).toBeLessThan(shown.height);
      await page.context().close();
    }
  });

  test.each([375, 1440])('at %i px the text of a closed note is in a <details>, which a text fragment opens by itself', async (width) => {
    const page = await openReading(browser(), url, width);
    // Find-in-page searches a closed <details> and opens it (Chromium since 97); a note's rest is in one, and rendered, never display: none.
    const sample = await page.locator('#text .sidenote').evaluateAll((notes) =>
      notes.map((note) => ({
        id: note.id,
        inDetails: !!note.querySelector('details.sidenote-fold:not([open]) > summary + *'),
        rendered: getComputedStyle(note).display !== 'none',
        words: note.querySelector('.sidenote-fold > p:not(.sidenote-sources, .sidenote-back)')?.textContent?.split(/\s+/).slice(0, 6).join(' '),
      })),
    );
    for (const note of sample) expect(note, note.id).toMatchObject({ inDetails: true, rendered: true });
    await page.context().close();
    // A text fragment goes through the same search as find-in-page.
    const target = sample.find((note) => note.words && /^[\w\s,'’-]+$/.test(note.words))!;
    expect(target).toBeDefined();
    const fragment = await open(browser(), `${url}${READING}#:~:text=${encodeURIComponent(target.words!)}`, { viewport: { width, height: heightFor(width) } });
    // A text fragment is acted on after load; on a busy machine that takes longer than expect.poll's default second.
    await expect
      .poll(() => fragment.locator(`#${target.id} .sidenote-fold > summary + *`).evaluate((el) => el.checkVisibility()), { timeout: 10_000 })
      .toBe(true);
    const top = await fragment.locator(`#${target.id} .sidenote-fold > summary + *`).evaluate((el) => el.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(heightFor(width));
    await fragment.context().close();
  });
});

describe('closed notes on phones, and browsers without popovers', () => {
  const { url } = sites().find((s) => s.name === 'root')!;

  test("at 375 px a closed note's gist is in a closed <details> too, which a text fragment (like find-in-page) opens in place", async () => {
    const page = await openReading(browser(), url, 375);
    const sample = await page.locator('#text .sidenote').evaluateAll((notes) =>
      notes.map((note) => {
        const words = note.querySelector('.sidenote-gist')!.textContent!.split(/\s+/).slice(0, 5).join(' ');
        return {
          id: note.id,
          inDetails: !!note.querySelector('details.sidenote-reveal:not([open]) .sidenote-gist'),
          words,
          // A text fragment goes to the first match: pick words found only in the gist.
          once: document.body.textContent!.split(words).length === 2,
        };
      }),
    );
    for (const note of sample) expect(note.inDetails, note.id).toBe(true);
    await page.context().close();
    const target = sample.find((note) => note.once && /^[\w\s,'’-]+$/.test(note.words))!;
    expect(target).toBeDefined();
    const fragment = await open(browser(), `${url}${READING}#:~:text=${encodeURIComponent(target.words)}`, {
      viewport: { width: 375, height: heightFor(375) },
    });
    await expect.poll(() => fragment.locator(`#${target.id} .sidenote-gist`).evaluate((el) => el.checkVisibility()), { timeout: 10_000 }).toBe(true);
    const box = await fragment.locator(`#${target.id}`).evaluate((el) => el.getBoundingClientRect().toJSON() as DOMRect);
    expect(box.height).toBeGreaterThan(20);
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.top).toBeLessThan(heightFor(375));
    await fragment.context().close();
  });

  test("a browser without popovers shows every note, folded to its gist, right below its marker's line, with link markers", async () => {
    const context = await browser().newContext({ javaScriptEnabled: false, viewport: { width: 375, height: heightFor(375) } });
    // Such a browser ignores the popover attributes, and every rule that names :popover-open (but @supports not … holds).
    await context.route('**/*', async (route) => {
      const response = await route.fetch();
      if (!/text\/(html|css)/.test(response.headers()['content-type'] ?? '')) return route.fulfill({ response });
      const body = (await response.text()).replace(/ popover(target|targetaction)?="[^"]*"/g, '').replaceAll(':popover-open', ':not-a-pseudo-class');
      return route.fulfill({ response, body });
    });
    const page = await context.newPage();
    await page.goto(`${url}${READING}`);
    expect(await page.locator('[popover], [popovertarget]').count(), 'the simulation took').toBe(0);
    const notes = await page.locator('#text .sidenote').evaluateAll((all) =>
      all.map((note) => {
        const marker = document.getElementById(`${note.id}-ref`)!.querySelector('.note-ref')!;
        return {
          id: note.id,
          gist: note.querySelector('.sidenote-gist')!.checkVisibility(),
          body: note.querySelector('.sidenote-fold > summary + *')!.checkVisibility(),
          marker: marker.checkVisibility(),
          toggle: note.parentElement!.querySelector(`[aria-label="${marker.getAttribute('aria-label')}"].note-toggle`)?.checkVisibility() ?? false,
          below: note.getBoundingClientRect().top >= marker.getBoundingClientRect().bottom - 1,
        };
      }),
    );
    expect(notes.length).toBeGreaterThan(0);
    for (const n of notes) expect(n, n.id).toMatchObject({ gist: true, body: false, marker: true, toggle: false, below: true });
    await context.close();
  });
});

describe('pairing and print', () => {
  const { url } = sites().find((s) => s.name === 'root')!;

  test('pointing at a marker marks its phrase and its note; pointing at a note marks its marker and phrase', async () => {
    const page = await openReading(browser(), url, 1440);
    const ids = await page.locator('#text .sidenote').evaluateAll((notes) => notes.map((n) => n.id));
    const colours = (id: string) =>
      page.evaluate((id) => {
        const colour = (el: Element) => getComputedStyle(el).backgroundColor;
        return {
          note: colour(document.getElementById(id)!),
          marker: colour(document.querySelector(`#${id}-ref > .note-ref`)!),
          phrase: colour(document.querySelector(`.anchor[data-note="${id}"]`)!),
        };
      }, id);
    const neutral = await colours(ids[0]!);
    for (const id of [ids[0]!, ids.at(-1)!, ids[Math.floor(ids.length / 2)]!]) {
      await page.locator(`#${id}-ref > .note-ref`).hover();
      const marked = await colours(id);
      expect(marked.note, `${id}: note marked`).not.toBe(neutral.note);
      expect(marked.phrase, `${id}: phrase marked`).not.toBe(neutral.phrase);
      await page.locator(`#${id} .sidenote-summary`).hover();
      const back = await colours(id);
      expect(back.marker, `${id}: marker marked`).not.toBe(neutral.marker);
      expect(back.phrase).not.toBe(neutral.phrase);
      // Only its own: another note stays as it was.
      const other = ids.find((other) => other !== id)!;
      expect((await colours(other)).note).toBe(neutral.note);
    }
    await page.context().close();
  });

  test.each([375, 1440])(
    "prints every note in full right below its marker's line, numbered as on screen, sources with their URLs (window %i px)",
    async (width) => {
      const page = await openReading(browser(), url, width);
      await page.emulateMedia({ media: 'print' });
      const notes = await page.locator('#text .sidenote').evaluateAll((all) =>
        all.map((note, i) => {
          const marker = document.getElementById(`${note.id}-ref`)!.querySelector('.note-ref')!;
          const box = note.getBoundingClientRect();
          const markerLine = marker.getBoundingClientRect();
          const above = all[i - 1]?.getBoundingClientRect();
          const line = parseFloat(getComputedStyle(note.closest('.passage')!).lineHeight);
          return {
            id: note.id,
            parts: [...note.querySelectorAll('.sidenote-gist, .sidenote-fold > :not(summary, .sidenote-back)')].every((part) => part.checkVisibility()),
            urls: [...note.querySelectorAll('.sidenote-sources a')].every((a) =>
              getComputedStyle(a, '::after').content.includes((a as HTMLAnchorElement).getAttribute('href')!),
            ),
            sources: note.querySelectorAll('.sidenote-sources a').length,
            number: note.querySelector('.sidenote-number')!.textContent,
            marker: marker.checkVisibility() ? marker.textContent : null,
            belowMarkersLine: box.top >= markerLine.bottom - 1,
            // The line right after the marker's, or right after the note before it on that line.
            next: box.top <= Math.max(markerLine.bottom + line, (above?.bottom ?? -Infinity) + 2 * line),
            fullWidth: box.width >= note.closest('.passage')!.getBoundingClientRect().width - 1,
          };
        }),
      );
      expect(notes.length).toBeGreaterThan(0);
      for (const n of notes) {
        expect(n, n.id).toMatchObject({ parts: true, urls: true, belowMarkersLine: true, next: true, fullWidth: true, marker: n.number });
      }
      expect(notes.some((n) => n.sources > 0)).toBe(true);
      expect((await page.pdf({ format: 'A4' })).byteLength).toBeGreaterThan(10_000);
      await page.context().close();
    },
  );
});
