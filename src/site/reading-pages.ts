/**
 * The Astro side of the pages built per reading and per argument: their
 * static paths, and the reading rendered once per build for all of them.
 *
 * With the pages, the only place that imports `astro:*`.
 */
import { getCollection, render, type CollectionEntry } from 'astro:content';
import { CITATION_FILES, type CitationFileExtension } from './citation-files.ts';

/** A reading as the content collection gives it. */
export type ReadingEntry = CollectionEntry<'readings'>;

/** The props of a page built per reading. */
export interface ReadingProps {
  entry: ReadingEntry;
}

/** The props of a page built per argument. */
export interface ArgumentProps extends ReadingProps {
  /** The argument's position in `entry.data.arguments`. */
  index: number;
}

/** One page per reading: `/<reading>/…`. */
export async function readingPaths() {
  return (await getCollection('readings')).map((entry) => ({ params: { reading: entry.id }, props: { entry } satisfies ReadingProps }));
}

/** One page per argument of each reading: `/<reading>/<argument>/…`. */
export async function argumentPaths() {
  return (await getCollection('readings')).flatMap((entry) =>
    entry.data.arguments.map((argument, index) => ({ params: { reading: entry.id, argument: argument.id }, props: { entry, index } satisfies ArgumentProps })),
  );
}

/** The props of a citation file built per reading and format. */
export interface CitationFileProps extends ReadingProps {
  extension: CitationFileExtension;
}

/** Each reading's citations as files to download: `/<reading>/cite.bib`, `.ris`, `.json`. */
export async function citationFilePaths() {
  return (await getCollection('readings')).flatMap((entry) =>
    CITATION_FILES.map(({ extension }) => ({ params: { reading: entry.id, extension }, props: { entry, extension } satisfies CitationFileProps })),
  );
}

const rendered = new Map<string, ReturnType<typeof render>>();

/**
 * The reading rendered, once per build: its `Content` for the reading page,
 * and the frontmatter the pipeline recorded (outline, forecasts' places, the
 * parts the argument pages and the annotation export reuse).
 */
export function renderReading(entry: ReadingEntry): ReturnType<typeof render> {
  let result = rendered.get(entry.id);
  if (!result) {
    result = render(entry);
    rendered.set(entry.id, result);
  }
  return result;
}
