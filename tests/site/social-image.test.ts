/** Social images: PNGs of the size previews expect, drawn the same way every time, with no network, and cached by their inputs. */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { argumentCard, readingCard, socialImage } from '../../src/site/social-image.ts';
import { parseReading } from '../../src/reading/schema.ts';
import { readFixture } from '../support/pipeline.ts';
import { isPng, pngSize } from '../support/png.ts';

const reading = async () => parseReading((await readFixture('tea-tariffs.md')).frontmatter, 'tea-tariffs.md');

test('cards say what is shared and whose argument it is', async () => {
  const tea = await reading();
  expect(readingCard(tea)).toEqual({
    kicker: 'An annotated reading',
    title: 'Why the tea tariff will outlast its critics',
    byline: 'Mara Quill · The Fixture Gazette, July 2021',
  });
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

test('a cache keeps each image by its inputs: the same card is read back, not redrawn; a changed card is drawn anew', async () => {
  const cacheDir = await mkdtemp(path.join(tmpdir(), 'gloss-social-images-'));
  try {
    const tea = await reading();
    const drawn = await socialImage(readingCard(tea), { cacheDir });
    const kept = await readdir(cacheDir);
    expect(kept).toHaveLength(1);
    expect(Buffer.from(await readFile(path.join(cacheDir, kept[0]!))).equals(Buffer.from(drawn))).toBe(true);

    // Mark the kept file: reading the same card again returns it as it is, so nothing was redrawn.
    await writeFile(path.join(cacheDir, kept[0]!), 'kept');
    expect(Buffer.from(await socialImage(readingCard(tea), { cacheDir })).toString()).toBe('kept');

    const retitled = await socialImage({ ...readingCard(tea), title: 'Why the tea tariff will fall' }, { cacheDir });
    expect(isPng(retitled)).toBe(true);
    expect(await readdir(cacheDir)).toHaveLength(2);
  } finally {
    await rm(cacheDir, { recursive: true, force: true });
  }
});
