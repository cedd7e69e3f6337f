/**
 * The author's forecasts, scored, and the counterpoint notes, in a real
 * browser with JavaScript off: the scored section after the conclusion, the
 * statuses in the argument map, the assessing annotations in the export, and
 * counterpoints set apart from the other notes. Everything is checked
 * against the reading's own frontmatter, not against counts written here.
 */
import { describe, expect, test } from 'vitest';
import { STATUS_LABELS } from '../../src/reading/forecasts.ts';
import { findQuote, fold } from '../../src/pipeline/quote-match.ts';
import { KIND_LABELS } from '../../src/pipeline/handlers/notes.ts';
import { open, READING, readersText, sites, useBrowser } from '../support/pages.ts';
import { committedReading } from '../support/project.ts';

const browser = useBrowser();
const reading = await committedReading('china-russia-alliance.md');

test('the committed reading scores its forecasts and carries counterpoints', () => {
  expect(reading.forecasts.length).toBeGreaterThanOrEqual(5);
  expect(reading.notes.filter((note) => note.kind === 'counterpoint').length).toBeGreaterThanOrEqual(3);
});

describe.each(sites())('forecasts, scored ($name build)', ({ url }) => {
  test('a section after the conclusion scores every forecast: our wording, status in words, date checked, evidence and its source or note', async () => {
    const page = await open(browser(), `${url}${READING}`);
    const section = page.locator('section#forecasts');
    expect(await section.getByRole('heading', { level: 2 }).textContent()).toBe('Four years on: the forecasts, scored');
    // After the conclusion, outside the text: the scoring is ours.
    expect(
      await page.evaluate(() =>
        Boolean(document.getElementById('conclusion')!.compareDocumentPosition(document.getElementById('forecasts')!) & Node.DOCUMENT_POSITION_FOLLOWING),
      ),
    ).toBe(true);
    expect(await page.locator('#text #forecasts').count()).toBe(0);

    const rows = await section.locator('li.forecast').evaluateAll((items) =>
      items.map((row) => ({
        id: row.id,
        claim: row.querySelector('.forecast-claim')!.textContent!.replace(row.querySelector('.forecast-status')!.textContent!, '').trim(),
        status: row.querySelector('.forecast-status')!.textContent!.trim(),
        checked: row.querySelector('time')!.getAttribute('datetime'),
        evidence: row.querySelector('.forecast-evidence')!.textContent!.replace(/\s+/g, ' ').trim(),
        links: [...row.querySelectorAll('.forecast-evidence a')].map((a) => ({
          href: a.getAttribute('href')!,
          text: a.textContent!,
          // A link to a note: the note exists, and its marker in the text carries the same number.
          target: a.getAttribute('href')!.startsWith('#') ? document.querySelector(a.getAttribute('href')!)?.getAttribute('role') : undefined,
          marker: document.querySelector(`a.note-ref[href="${a.getAttribute('href')}"]`)?.textContent,
        })),
      })),
    );
    expect(rows.map((r) => r.id)).toEqual(reading.forecasts.map((f) => `forecast-${f.id}`));
    reading.forecasts.forEach((forecast, i) => {
      const row = rows[i]!;
      expect(row.claim).toBe(forecast.claim);
      expect(row.status).toBe(STATUS_LABELS[forecast.status]);
      expect(row.checked).toBe(forecast.checked);
      expect(row.evidence.startsWith(forecast.evidence), row.id).toBe(true);
      const expected = [
        ...(forecast.source ? [{ href: forecast.source.url, text: forecast.source.title }] : []),
        ...(forecast.note ? [{ href: `#note-${forecast.note}`, text: expect.stringMatching(/^note \d+$/) }] : []),
      ];
      expect(
        row.links.map(({ href, text }) => ({ href, text })),
        row.id,
      ).toEqual(expected);
      for (const link of row.links.filter((l) => l.href.startsWith('#'))) {
        expect(link.target, row.id).toBe('note');
        expect(link.text).toBe(`note ${link.marker}`);
      }
    });
    await page.context().close();
  });

  test('each row links “in the text” to the block that holds the forecast’s words, and following it lands there', async () => {
    const page = await open(browser(), `${url}${READING}`);
    const links = await page
      .locator('li.forecast a', { hasText: 'in the text' })
      .evaluateAll((all) => all.map((a) => ({ row: a.closest('li')!.id, href: a.getAttribute('href')! })));
    expect(links.map((l) => l.row)).toEqual(reading.forecasts.map((f) => `forecast-${f.id}`));
    for (const [i, link] of links.entries()) {
      const forecast = reading.forecasts[i]!;
      const [fragment, directive] = link.href.slice(1).split(':~:');
      expect(await page.locator(`#text [id="${fragment}"]`).count(), link.href).toBe(1);
      const text = await readersText(page, `#text [id="${fragment}"]`);
      expect(findQuote(text, { exact: forecast.quote, prefix: forecast.prefix, suffix: forecast.suffix }), link.href).toHaveLength(1);
      if (directive === undefined) continue;
      // A text directive names the same words, as the text spells them, and nothing else on the page says them:
      // a browser follows the directive to the first place it finds them, whatever the id.
      const words = decodeURIComponent(directive.replace(/^text=/, ''));
      expect(fold(words)).toBe(fold(forecast.quote));
      const pageText = await page.evaluate(() => document.body.textContent!.toLowerCase());
      expect(findQuote(pageText, { exact: words.toLowerCase() }), link.href).toHaveLength(1);
    }
    // Following a link lands on the block, clear of the sticky navigator.
    const first = links[0]!;
    await page.locator(`#${first.row} a`, { hasText: 'in the text' }).click();
    const landed = await page.evaluate(() => ({
      target: document.querySelector(':target')?.id,
      navBottom: document.querySelector('.reading-nav')!.getBoundingClientRect().bottom,
    }));
    expect(landed.target).toBe(first.href.slice(1).split(':~:')[0]);
    const top = await page.locator(`[id="${landed.target}"]`).evaluate((el) => el.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(landed.navBottom);
    await page.context().close();
  });

  test.each([1440, 390])('at %i px, following each row’s “in the text” link shows the paragraph of the text that makes the forecast', async (width) => {
    const page = await open(browser(), `${url}${READING}`, { viewport: { width, height: 900 } });
    const hrefs = await page.locator('li.forecast a', { hasText: 'in the text' }).evaluateAll((all) => all.map((a) => a.getAttribute('href')!));
    for (const [i, href] of hrefs.entries()) {
      await page.goto(`${url}${READING}`);
      // A click, as a reader's: browsers follow a text directive only on a user's navigation.
      await page.locator('li.forecast a', { hasText: 'in the text' }).nth(i).click();
      await page.waitForFunction(() => document.querySelector(':target') !== null);
      const id = href.slice(1).split(':~:')[0]!;
      const seen = await page.evaluate((id) => {
        const box = document.getElementById(id)!.getBoundingClientRect();
        const navBottom = document.querySelector('.reading-nav')!.getBoundingClientRect().bottom;
        return { top: box.top, bottom: box.bottom, navBottom, height: innerHeight };
      }, id);
      // In view below the sticky navigator, not somewhere off screen.
      expect(seen.top, `${href} at ${width} px: ${JSON.stringify(seen)}`).toBeGreaterThanOrEqual(seen.navBottom - 1);
      expect(seen.top, `${href} at ${width} px: ${JSON.stringify(seen)}`).toBeLessThan(seen.height);
    }
    await page.context().close();
  });

  test('the navigator reaches the scored section as the last of the sections', async () => {
    const page = await open(browser(), `${url}${READING}`);
    const last = page.locator('.reading-nav li:last-child a');
    expect([await last.getAttribute('href'), await last.textContent()]).toEqual(['#forecasts', 'Forecasts']);
    await page.context().close();
  });

  test('the argument map counts the forecasts by status, in words, and links to the one scored list', async () => {
    const page = await open(browser(), `${url}${READING}`);
    const line = page.locator('.argument-map .map-time');
    expect(await line.locator(`a[href="#forecasts"]`).count()).toBe(1);
    const counted = await line.locator('.forecast-status').allTextContents();
    const expected = Object.entries(STATUS_LABELS)
      .map(([status, label]) => [reading.forecasts.filter((f) => f.status === status).length, label.toLowerCase()] as const)
      .filter(([count]) => count > 0)
      .map(([count, label]) => `${count} ${label}`);
    expect(counted).toEqual(expected);
    // The claims themselves are listed once, in the scored section.
    expect(await page.locator('.argument-map').evaluate((map) => map.textContent)).not.toContain(reading.forecasts[0]!.claim);
    await page.context().close();
  });

  test('the map says which note challenges a point, by the number in the text', async () => {
    const page = await open(browser(), `${url}${READING}`);
    const challenged = await page
      .locator('.map-point:has(.map-qualifier)')
      .evaluateAll((items) => items.map((item) => item.querySelector('.map-qualifier')!.textContent!.replace(/\s+/g, ' ').trim()));
    const declared = reading.arguments.flatMap((a) => a.points ?? []).filter((p) => p.qualifiedBy);
    expect(challenged).toHaveLength(declared.length);
    expect(declared.length).toBeGreaterThan(0);
    for (const words of challenged) expect(words).toMatch(/^Challenged by note \d+((, note \d+)* and note \d+)?$/);
    await page.context().close();
  });

  test('the Web Annotation export adds one assessing annotation per forecast, selecting its words once in the reading', async () => {
    const page = await open(browser(), `${url}${READING}`);
    const collection = await (await fetch(`${url}${READING}annotations.jsonld`)).json();
    const items: { id: string; motivation: string; body: { value: string }; target: { selector: { exact: string; prefix?: string; suffix?: string } } }[] =
      collection.first.items;
    const forecasts = items.filter((a) => new URL(a.id).hash.startsWith('#forecast-'));
    expect(forecasts.map((a) => new URL(a.id).hash)).toEqual(reading.forecasts.map((f) => `#forecast-${f.id}`));
    const text = await readersText(page, '#text');
    reading.forecasts.forEach((forecast, i) => {
      const annotation = forecasts[i]!;
      expect(annotation.motivation).toBe('assessing');
      expect(annotation.target.selector.exact).toBe(forecast.quote);
      expect(findQuote(text, annotation.target.selector), annotation.id).toHaveLength(1);
      expect(annotation.body.value).toContain(forecast.claim.replace(/&/g, '&#x26;'));
      expect(annotation.body.value).toContain(`${STATUS_LABELS[forecast.status]} as of `);
    });
    await page.context().close();
  });
});

describe.each(sites())('counterpoint notes ($name build)', ({ url }) => {
  test('are labelled “Counterpoint” and wear a rule of their own, in light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await open(browser(), `${url}${READING}`, { colorScheme });
      const notes = await page.locator('.sidenote').evaluateAll((asides) =>
        asides.map((aside) => ({
          id: aside.id,
          kind: aside.querySelector('.sidenote-kind')!.textContent,
          rule: `${getComputedStyle(aside).borderLeftStyle} ${getComputedStyle(aside).borderLeftColor}`,
        })),
      );
      const counterpoints = new Set(reading.notes.filter((n) => n.kind === 'counterpoint').map((n) => `note-${n.id}`));
      const [apart, others] = [notes.filter((n) => counterpoints.has(n.id)), notes.filter((n) => !counterpoints.has(n.id))];
      expect(apart).toHaveLength(counterpoints.size);
      for (const note of apart) expect(note.kind).toBe(KIND_LABELS.counterpoint);
      // One rule for every counterpoint, and no other note wears it.
      const rules = new Set(apart.map((n) => n.rule));
      expect(rules.size).toBe(1);
      expect([...rules][0]).toMatch(/^double /);
      for (const note of others) expect(rules.has(note.rule), note.id).toBe(false);
      await page.context().close();
    }
  });
});
