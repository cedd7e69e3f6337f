/**
 * Gate: the page-weight budget. A first visit to any page, on a phone with an
 * empty cache, transfers at most 25 KB of HTML and CSS and 100 KB in all,
 * gzipped; at most 3 KB of JavaScript, none of it blocking; fonts, if any,
 * never hide text; and nothing moves once drawn.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { committedPages } from '../../support/built-site.ts';
import { layoutShift, measureFirstLoad, total, type FirstLoad } from '../../support/page-weight.ts';
import { sites, useBrowser } from '../../support/pages.ts';

const KB = 1000;
const browser = useBrowser();
// Both builds ship the same bytes but for their base path; the root build stands for both.
const site = sites().find((s) => s.name === 'root')!;

describe.each(await committedPages(site))('$file', ({ url }) => {
  let load: FirstLoad;
  beforeAll(async () => {
    load = await measureFirstLoad(browser(), url);
  });

  test('first load: HTML + CSS ≤ 25 KB, everything ≤ 100 KB, JavaScript ≤ 3 KB and not blocking', () => {
    expect(load.bytes.html.raw).toBeGreaterThan(0);
    expect(total(load.bytes.html, load.bytes.css).gzip).toBeLessThanOrEqual(25 * KB);
    expect(total(...Object.values(load.bytes)).gzip).toBeLessThanOrEqual(100 * KB);
    expect(total(load.bytes.js, load.inlineScript).gzip).toBeLessThanOrEqual(3 * KB);
    expect(load.blockingScripts).toEqual([]);
  });

  test('fonts never hide text: every @font-face swaps or is optional, and with none, the text is drawn in local fonts', () => {
    expect(load.drawnFonts.length, 'the page draws its text in some font').toBeGreaterThan(0);
    if (load.fontDisplays.length) expect(load.fontDisplays.filter((display) => display !== 'swap' && display !== 'optional')).toEqual([]);
    else {
      // No @font-face: nothing to wait for. Then no font is downloaded and every glyph comes from a font on the device.
      expect(load.bytes.font.raw).toBe(0);
      expect(load.drawnFonts.filter((font) => font.webFont)).toEqual([]);
    }
  });

  test.each([
    { width: 375, height: 740 },
    { width: 1440, height: 900 },
  ])('no layout shift at $width px', async (viewport) => {
    expect(await layoutShift(browser(), url, viewport)).toBe(0);
  });
});
