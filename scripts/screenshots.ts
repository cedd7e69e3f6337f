/**
 * `npm run screenshots`: draw the reading for the README, into docs/.
 *
 * Builds the site into a temporary folder, serves it as a static host would,
 * and has Chromium (playwright-core) draw the first reason of the reading:
 *   docs/reading-1440.png        at 1440 px, the notes in the margin, one
 *                                line each, and one opened over those below;
 *   docs/reading-390-note.png    at 390 px, JavaScript off, one note opened
 *                                from its marker as a card.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium } from '../tests/support/browser.ts';
import { build, root } from '../tests/support/project.ts';
import { serveStatic } from '../tests/support/static-server.ts';

const READING = 'china-russia-alliance/';
const SECTION = 'economic';

/** Scroll an element to just below the section bar, without a #fragment (whose target the page highlights). */
const scrollTo = (page: Page, id: string) =>
  page.evaluate((id) => {
    const top = document.getElementById(id)!.getBoundingClientRect().top + scrollY;
    window.scrollTo(0, top - document.querySelector('.reading-nav')!.getBoundingClientRect().height - 16);
  }, id);

const outDir = await mkdtemp(path.join(tmpdir(), 'gloss-screenshots-'));
const result = await build(root, outDir);
if (result.code !== 0) throw new Error(`astro build failed:\n${result.output}`);
const site = await serveStatic(outDir);
const browser = await launchChromium();
try {
  const wide = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await wide.goto(`${site.url}${READING}`);
  await scrollTo(wide, SECTION);
  await wide.locator(`#${SECTION} .sidenote-summary`).nth(1).click();
  await wide.mouse.move(0, 0);
  // The reading column and its margin, not the empty sides of the window.
  const column = await wide.locator('main').evaluate((main) => main.getBoundingClientRect().toJSON() as DOMRect);
  await wide.screenshot({ path: path.join(root, 'docs/reading-1440.png'), clip: { x: column.x - 24, y: 0, width: column.width + 48, height: 900 } });

  const phone = await browser.newPage({
    javaScriptEnabled: false,
    viewport: { width: 390, height: 844 },
    hasTouch: true,
    isMobile: true,
    deviceScaleFactor: 1,
  });
  await phone.goto(`${site.url}${READING}`);
  await scrollTo(phone, `${SECTION}-1`);
  await phone.locator(`#${SECTION}-1 button.note-toggle`).first().tap();
  await phone.locator('.sidenote:popover-open').waitFor();
  await phone.screenshot({ path: path.join(root, 'docs/reading-390-note.png') });
  console.log('docs/reading-1440.png and docs/reading-390-note.png written');
} finally {
  await browser.close();
  await site.close();
  await rm(outDir, { recursive: true, force: true });
}
