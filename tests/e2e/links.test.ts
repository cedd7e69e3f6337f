/**
 * Links into the text, in a real browser, for the root and the sub-path
 * builds: every argument, paragraph and note fragment lands on its target,
 * highlighted and fully visible (never under a sticky bar); permalinks say
 * what they link to; "Copy link" works with JavaScript and is absent without.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { open, READING, sites, useBrowser } from '../support/pages.ts';
import { committedReading } from '../support/project.ts';

const browser = useBrowser();
const reading = await committedReading('china-russia-alliance.md');
const ARGUMENTS = ['economic', 'geopolitical', 'geo-economic'];

/** Every fragment a reader can link to on the page: sections, paragraphs, notes. */
const fragmentIds = (page: Page) =>
  page
    .locator('.reading-text section[id], .reading-text :is(p, .passage)[id], .reading-text .sidenote[id], section#forecasts, #forecasts li.forecast[id]')
    .evaluateAll((all) => all.map((el) => el.id));

/**
 * How each fragment target looks, for telling whether :target styles it: a
 * section shows it on its header, anything else on itself.
 */
function looks(page: Page, ids: string[]) {
  return page.evaluate((ids) => {
    const signature = (el: Element) => {
      const style = getComputedStyle(el);
      return [style.backgroundColor, style.boxShadow, style.borderLeftColor, style.outlineStyle].join(' | ');
    };
    return Object.fromEntries(
      ids.map((id) => {
        const el = document.getElementById(id)!;
        const header = el.querySelector(':scope > .section-header');
        return [id, signature(el) + (header ? ` / ${signature(header)}` : '')];
      }),
    );
  }, ids);
}

/** Where the target landed, and how much of the top the sticky or fixed elements cover. */
function landing(page: Page, id: string) {
  return page.evaluate((id) => {
    const el = document.getElementById(id)!;
    const shown = el.querySelector(':scope > .section-header') ?? el;
    const covered = [...document.querySelectorAll('body *')]
      .filter((other) => ['sticky', 'fixed'].includes(getComputedStyle(other).position))
      .map((other) => other.getBoundingClientRect())
      .filter((box) => box.height > 0 && box.top <= 0.5 && box.bottom > 0);
    const box = shown.getBoundingClientRect();
    return {
      isTarget: el.matches(':target'),
      top: box.top,
      bottom: box.bottom,
      coveredTo: Math.max(0, ...covered.map((b) => b.bottom)),
      viewport: innerHeight,
    };
  }, id);
}

/** Fully visible: below whatever sticks to the top, and its bottom on screen (or, if taller than the room left, its top). */
function expectVisible(where: Awaited<ReturnType<typeof landing>>, id: string) {
  const room = where.viewport - where.coveredTo;
  expect(where.top, `#${id} starts under a sticky element`).toBeGreaterThanOrEqual(where.coveredTo - 0.5);
  if (where.bottom - where.top <= room) expect(where.bottom, `#${id} ends below the viewport`).toBeLessThanOrEqual(where.viewport + 0.5);
  else expect(where.top, `#${id} starts below the viewport`).toBeLessThan(where.viewport);
}

async function checkEveryFragment(url: string, viewport: { width: number; height: number }) {
  const page = await open(browser(), url, { viewport });
  const ids = await fragmentIds(page);
  const plain = await looks(page, ids);
  for (const id of ids) {
    await page.goto(`${url}#${id}`);
    const where = await landing(page, id);
    expect(where.isTarget, `#${id} is the target`).toBe(true);
    expect((await looks(page, [id]))[id], `#${id} is highlighted`).not.toBe(plain[id]);
    expectVisible(where, id);
  }
  await page.context().close();
  return ids;
}

describe.each(sites())('fragments ($name build)', ({ url }) => {
  test.each([
    ['a wide screen', { width: 1440, height: 900 }],
    ['a phone', { width: 375, height: 740 }],
  ])('every argument, paragraph and note of the reading lands highlighted and fully visible on %s', async (_name, viewport) => {
    const ids = await checkEveryFragment(`${url}${READING}`, viewport);
    expect(ids).toEqual(expect.arrayContaining([...ARGUMENTS, 'economic-1', `note-${reading.notes[0]!.id}`, 'forecasts']));
    expect(ids.filter((id) => id.startsWith('forecast-')).length).toBeGreaterThanOrEqual(5);
    expect(ids.filter((id) => id.startsWith('note-')).length).toBeGreaterThanOrEqual(14);
  });

  test.each(ARGUMENTS)('every paragraph and note of the %s page lands highlighted and fully visible', async (argument) => {
    const ids = await checkEveryFragment(`${url}${READING}${argument}/`, { width: 1440, height: 900 });
    expect(ids).toEqual(expect.arrayContaining([argument, `${argument}-1`]));
  });

  test('a taller sticky bar, declared in --sticky-offset, still hides no target', async () => {
    const page = await open(browser(), `${url}${READING}`);
    // The navigator's height is --sticky-offset: make it three times as tall.
    await page.evaluate(() => document.documentElement.style.setProperty('--sticky-offset', '7.5rem'));
    for (const id of ['geopolitical', 'geopolitical-1', `note-${reading.notes.at(-1)!.id}`, 'conclusion-1', 'forecasts']) {
      await page.evaluate((id) => (location.hash = id), id);
      const where = await landing(page, id);
      expect(where.coveredTo, 'the navigator sticks, 120 px tall').toBeCloseTo(120, 0);
      expectVisible(where, id);
    }
    await page.context().close();
  });
});

describe.each(sites())('permalinks and copy link ($name build)', ({ url, origin, base }) => {
  test('each permalink says what it links to; nothing focusable is hidden from screen readers', async () => {
    const page = await open(browser(), `${url}${READING}`);
    const names = await page
      .locator('.section-header a.permalink')
      .evaluateAll((links) => links.map((a) => [a.getAttribute('href'), a.getAttribute('aria-label')]));
    expect(names).toEqual([
      ['#introduction', 'Link to the introduction'],
      ['#economic', 'Link to reason 1: Economic'],
      ['#geopolitical', 'Link to reason 2: Geopolitical'],
      ['#geo-economic', 'Link to reason 3: Geo-economic'],
      ['#conclusion', 'Link to the conclusion'],
      ['#forecasts', 'Link to the forecasts, scored'],
    ]);
    // A paragraph's link names it within its section, as the section's permalink names the section.
    const sectionNames = new Map(names.map(([href, name]) => [href!.slice(1), name!.replace(/^Link to /, '')]));
    const pilcrows = await page.locator('a.pilcrow').evaluateAll((links) => links.map((a) => [a.closest('[id]')!.id, a.getAttribute('aria-label')]));
    // At least one paragraph in each section of the text.
    expect(pilcrows.length).toBeGreaterThanOrEqual(names.filter(([href]) => href !== '#forecasts').length);
    for (const [paragraph, name] of pilcrows) {
      const [, section, n] = paragraph!.match(/^(.+)-(\d+)$/)!;
      expect(name).toBe(`Link to paragraph ${n} of ${sectionNames.get(section!)}`);
    }
    const notes = await page.locator('a.note-ref').evaluateAll((links) => links.map((a) => a.getAttribute('aria-label')));
    notes.forEach((name, i) => {
      expect(name).toBe(`Note ${i + 1}`);
    });
    const hiddenFocusable = await page
      .locator(
        '[aria-hidden="true"] a[href], [aria-hidden="true"] button, [aria-hidden="true"] [tabindex], a[href][aria-hidden="true"], [tabindex][aria-hidden="true"]',
      )
      .count();
    expect(hiddenFocusable).toBe(0);
    await page.context().close();
  });

  test('without JavaScript there is no copy button, and the permalink is a plain link that lands on its argument', async () => {
    const page = await open(browser(), `${url}${READING}`);
    expect(await page.locator('.copy-link').count()).toBe(0);
    await page.locator('#geopolitical a.permalink').click();
    expect(new URL(page.url()).hash).toBe('#geopolitical');
    expect(await page.locator('#geopolitical').evaluate((el) => el.matches(':target'))).toBe(true);
    await page.context().close();
  });

  test('with JavaScript, "Copy link" copies the shareable URL: an argument’s own page, or the reading with a fragment', async () => {
    const page = await open(browser(), `${url}${READING}`, { javaScriptEnabled: true });
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin });
    const copied = async (section: string) => {
      const button = page.locator(`#${section} > .section-header button.copy-link`);
      await button.click();
      await page.locator(`#${section} > .section-header .copy-status`, { hasText: 'Link copied' }).waitFor({ state: 'attached' });
      return { name: await button.getAttribute('aria-label'), text: await page.evaluate(() => navigator.clipboard.readText()) };
    };
    const reading = `${origin}${base}${READING}`;
    expect(await copied('geopolitical')).toEqual({ name: 'Copy link to reason 2: Geopolitical', text: `${reading}geopolitical/` });
    expect(await copied('introduction')).toEqual({ name: 'Copy link to the introduction', text: `${reading}#introduction` });
    // One beside each section's permalink, the scored forecasts' included.
    expect(await page.locator('.section-header button.copy-link').count()).toBe(await page.locator('.section-header a.permalink').count());
    expect(await copied('forecasts')).toEqual({ name: 'Copy link to the forecasts, scored', text: `${reading}#forecasts` });
    // The button says so, too.
    const label = await page.locator('#geopolitical button.copy-link').evaluate((button) => getComputedStyle(button, '::before').content);
    expect(label).toBe('"Copied"');
    await page.context().close();
  });

  test.each([375, 1440])('at %i px the copy button moves nothing when it appears, and covers nothing', async (width) => {
    const layout = async (javaScriptEnabled: boolean) => {
      const page = await open(browser(), `${url}${READING}geo-economic/`, { javaScriptEnabled, viewport: { width, height: 800 } });
      const boxes = await page
        .locator('.section-header')
        .first()
        .evaluate((header) => {
          const box = (el: Element | null) => el && JSON.parse(JSON.stringify(el.getBoundingClientRect()));
          return {
            header: box(header),
            title: box(header.querySelector('h2')),
            permalink: box(header.querySelector('.permalink')),
            claim: box(header.querySelector('.argument-claim')),
            button: box(header.querySelector('.copy-link')),
          };
        });
      await page.context().close();
      return boxes;
    };
    const [without, withScript] = [await layout(false), await layout(true)];
    expect(without.button).toBeNull();
    const { button, ...rest } = withScript;
    expect(rest).toEqual({ header: without.header, title: without.title, permalink: without.permalink, claim: without.claim });
    const overlaps = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    for (const other of [rest.title, rest.permalink, rest.claim]) expect(overlaps(button!, other!)).toBe(false);
    expect(button!.right).toBeLessThanOrEqual(width);
  });
});

// The root build stands for both: the sub-path build's pages lay out the same, and the gates check its links.
describe.each(sites().filter((site) => site.name === 'root'))('every in-page link lands on something the reader can see ($name build)', ({ url }) => {
  const SCREENS = [
    { width: 390, height: 844 },
    { width: 768, height: 1024 },
    { width: 1024, height: 768 },
    { width: 1440, height: 900 },
  ];

  test.each(SCREENS)('at $width px, on the reading and its argument pages', { timeout: 120_000 }, async ({ width, height }) => {
    const dead: string[] = [];
    for (const path of [READING, ...ARGUMENTS.map((id) => `${READING}${id}/`)]) {
      const page = await open(browser(), `${url}${path}`, { viewport: { width, height } });
      // Links to this page's own elements: by id, with any text directive (`:~:text=`) after it set aside.
      const fragments = await page.locator('a[href*="#"]').evaluateAll((links) => [
        ...new Set(
          (links as HTMLAnchorElement[])
            .map((a) => ({ path: a.pathname, id: decodeURIComponent(a.hash.slice(1)).split(':~:')[0]! }))
            .filter((link) => link.path === location.pathname && link.id)
            .map((link) => link.id),
        ),
      ]);
      expect(fragments.length, path).toBeGreaterThan(0);
      for (const id of fragments) {
        await page.evaluate((id) => {
          location.hash = id;
        }, id);
        const seen = await page.evaluate((id) => {
          const target = document.getElementById(id);
          if (!target) return false;
          const box = target.getBoundingClientRect();
          return (
            target.checkVisibility({ opacityProperty: true, visibilityProperty: true }) &&
            box.width > 1 &&
            box.height > 1 &&
            box.bottom > 0 &&
            box.top < innerHeight
          );
        }, id);
        if (!seen) dead.push(`${path}#${id}`);
      }
      await page.context().close();
    }
    expect(dead).toEqual([]);
  });
});
