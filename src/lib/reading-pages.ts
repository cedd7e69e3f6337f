/**
 * The Astro side of the pages built per reading and per argument: their
 * static paths, and the reading's HTML as Astro renders it.
 *
 * This is the one module in src/lib that needs Astro. `readingHtml` renders
 * the collection entry's `Content` with the Container API, once per reading
 * and build, exactly as the reading page shows it, for the pages and files
 * that reuse parts of it: an argument's own page (its section, with notes
 * numbered as on the reading page) and the Web Annotation export.
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { getCollection, render, type CollectionEntry } from 'astro:content';

export type ReadingEntry = CollectionEntry<'readings'>;
export interface ReadingProps {
  entry: ReadingEntry;
}
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

let container: Promise<AstroContainer> | undefined;
const rendered = new Map<string, Promise<string>>();

/** The reading's text as HTML, as its page renders it. */
export function readingHtml(entry: ReadingEntry): Promise<string> {
  let html = rendered.get(entry.id);
  if (!html) {
    html = (async () => {
      const { Content } = await render(entry);
      container ??= AstroContainer.create();
      return (await container).renderToString(Content);
    })();
    rendered.set(entry.id, html);
  }
  return html;
}
