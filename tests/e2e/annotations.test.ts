/**
 * The margin notes as a W3C Web Annotation collection, as a tool fetches it
 * from the reading page's link: it parses, fits the model, and every
 * selector's exact text (with its prefix and suffix) picks exactly one place
 * in the reading, the place the page marks.
 */
import { describe, expect, test } from 'vitest';
import { findQuote, fold } from '../../src/pipeline/quote-match.ts';
import { open, READING, readersText, sites, useBrowser } from '../support/pages.ts';
import { collectionProblems } from '../support/web-annotation.ts';

const browser = useBrowser();

interface Annotation {
  id: string;
  body: { value: string };
  target: { source: string; selector: { exact: string; prefix?: string; suffix?: string } };
}

describe.each(sites())('Web Annotation collection ($name build)', ({ url, origin, base }) => {
  test('is linked from the page, parses, fits the model, and every quote is found once in the reading', async () => {
    const page = await open(browser(), `${url}${READING}`);
    const alternate = await page.locator('link[rel="alternate"][type^="application/ld+json"]').getAttribute('href');
    expect(alternate).toBe(`${origin}${base}${READING}annotations.jsonld`);
    // Readers see it too, in the footer.
    const visible = page.locator('.reading-footer a', { hasText: 'W3C Web Annotations' });
    expect(await visible.isVisible()).toBe(true);
    expect(await visible.evaluate((a) => (a as HTMLAnchorElement).href)).toBe(`${url}${READING}annotations.jsonld`);

    const response = await fetch(`${url}${READING}annotations.jsonld`);
    expect(response.status).toBe(200);
    const collection = await response.json();
    expect(collectionProblems(collection)).toEqual([]);
    expect(collection.id).toBe(alternate);
    // The notes' annotations; the scored forecasts' follow them (see forecasts.test.ts).
    const items: Annotation[] = collection.first.items.filter((a: Annotation) => new URL(a.id).hash.startsWith('#note-'));

    // One annotation per margin note, in the order the page numbers them.
    const notes = await page.locator('.sidenote').evaluateAll((all) =>
      all.map((note) => {
        const body = note.cloneNode(true) as Element;
        body.querySelectorAll('.sidenote-reveal-label, .sidenote-head, .sidenote-back, .sidenote-close').forEach((el) => {
          el.remove();
        });
        return {
          id: note.id,
          text: body.textContent!.replace(/\s+/g, ' ').trim(),
          anchor: [...document.querySelectorAll(`[data-note="${note.id}"]`)].map((span) => span.textContent).join(''),
        };
      }),
    );
    expect(items.length).toBeGreaterThanOrEqual(14);
    expect(items.map((a) => a.id)).toEqual(notes.map((n) => `${alternate}#${n.id}`));

    // The reading's own words: no notes, note numbers, permalinks or headings.
    const reading = await readersText(page, '#text');
    for (const [i, annotation] of items.entries()) {
      const { selector, source } = annotation.target;
      expect(source).toBe(`${origin}${base}${READING}#original`);
      expect(findQuote(reading, selector), `${annotation.id} selects one place`).toHaveLength(1);
      // It selects the phrase the page marks, and its body is the note the page shows.
      expect(fold(notes[i]!.anchor)).toBe(fold(selector.exact));
      const bodyText = (
        await page.evaluate((html) => {
          const template = document.createElement('template');
          template.innerHTML = html;
          return template.content.textContent!;
        }, annotation.body.value)
      )
        .replace(/\s+/g, ' ')
        .trim();
      expect(bodyText).toBe(notes[i]!.text);
    }
    // The target's #original names the footer's citation of the article.
    expect(await page.locator('#original').count()).toBe(1);
    await page.context().close();
  });
});
