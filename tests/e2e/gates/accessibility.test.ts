/**
 * Gate: axe-core finds no WCAG 2.2 A or AA violation on any page, on a phone
 * and a wide screen, in the light and the dark colour scheme, with the notes
 * as they load and as a reader opens them; on a fixture reading's page, on a
 * phone and a wide screen with its notes opened; and the notes' charts, with
 * every note around them opened. This file is the one that runs axe: other
 * browser tests check what they describe, never axe again.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { axeAudit, axeAuditSchemes } from '../../support/axe.ts';
import { committedPages, sitePages } from '../../support/built-site.ts';
import { READING, sites, useBrowser } from '../../support/pages.ts';

const LAYOUTS = [
  { width: 375, height: 740, colorScheme: 'light' },
  { width: 375, height: 740, colorScheme: 'dark' },
  { width: 1440, height: 900, colorScheme: 'light' },
  { width: 1440, height: 900, colorScheme: 'dark' },
] as const;

const browser = useBrowser();
// Both builds share their markup; the root build stands for both.
const site = sites().find((s) => s.name === 'root')!;

const committed = new Set((await committedPages(site)).map(({ file }) => file));
/** A fixture reading's page shares the committed pages' components and colours: its markup is checked on a phone and a wide screen, notes opened. */
const FIXTURE_LAYOUTS = LAYOUTS.filter((layout) => layout.colorScheme === 'light');

// Each width is loaded once per state and audited in the light scheme, then the dark one (`axeAuditSchemes`).
const WIDTHS = [LAYOUTS[0], LAYOUTS[2]].map(({ width, height }) => ({ width, height }));

describe.each(sitePages(site).filter(({ file }) => committed.has(file)))('$file', ({ url }) => {
  test.each(WIDTHS)('$width px, light and dark: no WCAG 2.2 A/AA violation', async (layout) => {
    const audits = await axeAuditSchemes(browser(), url, layout);
    expect(audits.light.passes).toBeGreaterThan(0);
    expect(audits.dark.passes).toBeGreaterThan(0);
    expect(audits).toEqual({ light: expect.objectContaining({ violations: [] }), dark: expect.objectContaining({ violations: [] }) });
  });

  test.each(WIDTHS)('$width px, light and dark, notes opened: no WCAG 2.2 A/AA violation', async (layout) => {
    const audits = await axeAuditSchemes(browser(), url, layout, openNotes);
    expect(audits).toEqual({ light: expect.objectContaining({ violations: [] }), dark: expect.objectContaining({ violations: [] }) });
  });
});

describe.each(sitePages(site).filter(({ file }) => !committed.has(file)))('$file (fixture reading)', ({ url }) => {
  test.each(FIXTURE_LAYOUTS)('$width px, notes opened: no WCAG 2.2 A/AA violation', async (layout) => {
    const audit = await axeAudit(browser(), url, layout, undefined, openNotes);
    expect(audit.passes).toBeGreaterThan(0);
    expect(audit.violations).toEqual([]);
  });
});

// A chart is in the part of its note that opens on demand: on the reading page with every note opened in full, as
// find-in-page or a browser without popovers shows them, the charts alone are audited, dark on a phone, light when wide.
describe('the notes’ charts, every note opened', () => {
  const reading = sitePages(site).find(({ file }) => file === `${READING}index.html`)!;
  test.each([LAYOUTS[1], LAYOUTS[2]])('$width px, $colorScheme: no WCAG 2.2 A/AA violation', async (layout) => {
    const audit = await axeAudit(browser(), reading.url, layout, ['figure.note-chart'], openCharts);
    expect(audit.passes).toBeGreaterThan(0);
    expect(audit.violations).toEqual([]);
  });
});

/** Every <details> around each chart opened, as a reader or find-in-page would. */
function openCharts(page: Page) {
  return page.locator('figure.note-chart').evaluateAll((figures) => {
    if (!figures.length) throw new Error('the page has no chart to audit');
    for (const figure of figures) for (let fold = figure.closest('details'); fold; fold = fold.parentElement!.closest('details')) fold.open = true;
  });
}

/** Every note's rest opened, and on a phone the first note opened from its marker as a popover. */
function openNotes(page: Page) {
  return page.evaluate(() => {
    for (const fold of document.querySelectorAll<HTMLDetailsElement>('.sidenote-fold')) fold.open = true;
    const toggle = document.querySelector<HTMLButtonElement>('button.note-toggle');
    if (toggle?.checkVisibility()) toggle.click();
  });
}
