/** Social images: PNGs of the size previews expect, drawn the same way every time, with no network. */
import { expect, test } from 'vitest';
import { argumentCard, readingCard, socialImage } from '../../src/lib/social-image.ts';
import { parseReading } from '../../src/lib/reading-schema.ts';
import { readFixture } from '../support/pipeline.ts';
import { isPng, pngSize } from '../support/png.ts';

const reading = async () => parseReading((await readFixture('tea-tariffs.md')).frontmatter, 'tea-tariffs.md');

test('cards say what is shared and whose argument it is', async () => {
  const tea = await reading();
  expect(readingCard(tea)).toEqual({ kicker: 'An annotated reading', title: 'Why the tea tariff will outlast its critics', byline: 'Mara Quill · The Fixture Gazette, July 2021' });
  expect(argumentCard(tea, 1)).toEqual({
    kicker: 'Reason 2 of 2 · Rivals',
    title: 'Rival exporters fear what its repeal would unleash.',
    context: 'From “Why the tea tariff will outlast its critics”',
    byline: 'Mara Quill · The Fixture Gazette, July 2021',
  });
});

test('draws a 1200 × 630 PNG, byte for byte the same each time', async () => {
  const card = argumentCard(await reading(), 0);
  const [first, second] = [await socialImage(card), await socialImage(card)];
  expect(isPng(first)).toBe(true);
  expect(pngSize(first)).toEqual({ width: 1200, height: 630 });
  expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
});

test('each card is its own picture', async () => {
  const tea = await reading();
  const [whole, growers] = [await socialImage(readingCard(tea)), await socialImage(argumentCard(tea, 0))];
  expect(Buffer.from(whole).equals(Buffer.from(growers))).toBe(false);
});
