/**
 * The picture a link preview shows: a card with what is shared (a reading or
 * one of its arguments), the original author and publication, drawn at build
 * time with satori (layout to SVG) and resvg (SVG to PNG).
 *
 * No network: the typeface is Source Serif 4 from the @fontsource package in
 * node_modules, and system fonts are never consulted, so the same input gives
 * the same bytes on any machine.
 *
 * Drawing is most of a build's cost, so the pages keep each image in a cache
 * folder (`socialImageCache()`, under node_modules/.cache, git-ignored) named
 * by a hash of everything that goes into drawing it: the element tree (the
 * card and every style), the fonts' bytes, and the versions of satori and
 * resvg. A rebuild draws only the cards whose inputs changed.
 *
 * @example await socialImage({ kicker: 'Reason 2 of 3 · Geopolitical', title: 'Since 2014, …',
 *   context: 'From “Three reasons …”', byline: 'Andrew Latham · The Hill, March 2022' })
 *   // => Uint8Array, a 1200 × 630 PNG
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import { IMAGE_SIZE, SITE_NAME } from './meta.ts';
import type { Reading } from '../reading/schema.ts';
import { citationLine, reasonLabel } from '../reading/labels.ts';

/** The words of one link preview image. */
export interface Card {
  /** Small line above the title: "An annotated reading", "Reason 2 of 3 · Geopolitical". */
  kicker: string;
  /** The reading's title, or the argument's claim. */
  title: string;
  /** What the title belongs to, for an argument: "From “Three reasons …”". */
  context?: string;
  /** The original's author and publication. */
  byline: string;
}

const byline = (reading: Reading) => `${reading.author.name} · ${citationLine(reading)}`;

/** The card of a whole reading. */
export const readingCard = (reading: Reading): Card => ({ kicker: 'An annotated reading', title: reading.title, byline: byline(reading) });

/** The card of one argument: its claim, from its reading. */
export function argumentCard(reading: Reading, index: number): Card {
  const argument = reading.arguments[index]!;
  return {
    kicker: reasonLabel(index, reading.arguments.length, argument.label),
    title: argument.claim,
    context: `From “${reading.title}”`,
    byline: byline(reading),
  };
}

/** Where the image's font and renderers come from. */
export interface Options {
  /** Folder from which `@fontsource/source-serif-4`, satori and resvg are resolved. Default: `process.cwd()`, the project being built. */
  resolveFrom?: string;
  /** Folder that keeps drawn images by the hash of their inputs, and is read before drawing. Default: none, always draw. */
  cacheDir?: string;
}

/** The project's cache of drawn images: git-ignored with node_modules, private to each copy of the project. */
export const socialImageCache = (root = process.cwd()) => path.join(root, 'node_modules/.cache/gloss/social-images');

/** The light theme of src/styles/tokens.css: paper, ink, soft ink, accent. */
const COLOURS = { paper: '#fffff8', ink: '#1f1f1c', soft: '#55554f', accent: '#8a2b0c', rule: '#d9d6c8' };

/** Faces loaded: latin first, latin-ext for the rarer letters (satori falls back in order). */
const FACES = [
  { weight: 400, style: 'normal' },
  { weight: 600, style: 'normal' },
  { weight: 400, style: 'italic' },
] as const;

type Font = { name: string; data: Buffer; weight: 400 | 600; style: 'normal' | 'italic' };

/** The fonts, and a hash of what besides the element tree decides the pixels: the fonts' bytes and the renderers' versions. */
interface Drawing {
  fonts: Font[];
  toolsHash: string;
}

const drawings = new Map<string, Drawing>();

function drawing(resolveFrom: string): Drawing {
  let loaded = drawings.get(resolveFrom);
  if (!loaded) {
    const require = createRequire(path.join(resolveFrom, 'package.json'));
    const fonts = ['latin', 'latin-ext'].flatMap((subset) =>
      FACES.map(({ weight, style }) => ({
        name: 'Source Serif 4',
        data: readFileSync(require.resolve(`@fontsource/source-serif-4/files/source-serif-4-${subset}-${weight}-${style}.woff`)),
        weight,
        style,
      })),
    );
    const hash = createHash('sha256');
    for (const font of fonts) hash.update(`${font.weight} ${font.style} `).update(font.data);
    for (const tool of ['satori', '@resvg/resvg-js'])
      hash.update(`${tool}@${(JSON.parse(readFileSync(require.resolve(`${tool}/package.json`), 'utf8')) as { version: string }).version}`);
    loaded = { fonts, toolsHash: hash.digest('hex') };
    drawings.set(resolveFrom, loaded);
  }
  return loaded;
}

/** A satori element: the React element shape, written without JSX. */
const h = (style: Record<string, unknown>, ...children: unknown[]) => ({ type: 'div', props: { style: { display: 'flex', ...style }, children } });

/** Longer titles get a smaller size so that they fit in four lines. */
const titleSize = (title: string) => (title.length > 150 ? 46 : title.length > 100 ? 54 : 64);

/** The card drawn as a 1200 × 630 PNG (satori, then resvg), the same bytes each time. */
export async function socialImage(card: Card, options: Options = {}): Promise<Uint8Array<ArrayBuffer>> {
  const { width, height } = IMAGE_SIZE;
  const tree = h(
    { width, height, backgroundColor: COLOURS.paper, color: COLOURS.ink, fontFamily: 'Source Serif 4', borderLeft: `16px solid ${COLOURS.accent}` },
    h(
      { flexGrow: 1, flexDirection: 'column', padding: '64px 80px' },
      h({ fontSize: 30, color: COLOURS.accent, letterSpacing: 1 }, card.kicker),
      h({ display: 'block', marginTop: 28, fontSize: titleSize(card.title), fontWeight: 600, lineHeight: 1.18, lineClamp: 4 }, card.title),
      ...(card.context ? [h({ display: 'block', marginTop: 24, fontSize: 30, fontStyle: 'italic', color: COLOURS.soft, lineClamp: 2 }, card.context)] : []),
      h(
        {
          marginTop: 'auto',
          paddingTop: 24,
          borderTop: `2px solid ${COLOURS.rule}`,
          justifyContent: 'space-between',
          alignItems: 'baseline',
          fontSize: 28,
          color: COLOURS.soft,
        },
        h({}, card.byline),
        h({ color: COLOURS.accent, fontWeight: 600 }, `${SITE_NAME} · annotated reading`),
      ),
    ),
  );
  const { fonts, toolsHash } = drawing(options.resolveFrom ?? process.cwd());
  const key = createHash('sha256').update(toolsHash).update(JSON.stringify({ width, height, tree })).digest('hex');
  const cached = options.cacheDir && path.join(options.cacheDir, `${key}.png`);
  if (cached) {
    const kept = await readFile(cached).catch(() => undefined);
    if (kept) return new Uint8Array(kept);
  }
  const svg = await satori(tree as Parameters<typeof satori>[0], { width, height, fonts });
  const png = new Uint8Array(new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } }).render().asPng());
  if (cached) {
    // Written whole, then renamed: a build running alongside reads a complete image or none.
    await mkdir(options.cacheDir!, { recursive: true });
    const temp = `${cached}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    await writeFile(temp, png);
    await rename(temp, cached);
  }
  return png;
}
