/**
 * The one Markdown processor: the site (astro.config.mjs), the tests, the
 * importer's anchor check and the bench all build it here, so they all run
 * what Astro runs: @astrojs/markdown-remark's unified pipeline with GFM and
 * smart punctuation (`--` becomes `—` before any cue is looked for), then the
 * reading transform (`remark-reading.ts`) and its last, HTML stage.
 *
 * The reading plugins run only on reading files (`isReadingFile`): the way
 * Starlight gates its plugins to its docs collection with
 * `shouldTransformFile`, every other Markdown page, such as
 * src/pages/about.md, builds as ordinary Astro Markdown.
 */
import { unified, type AstroMarkdownOptions, type MarkdownRenderer, type RehypePlugin, type RemarkPlugin } from '@astrojs/markdown-remark';
import type { Processor } from 'unified';
import type { VFile } from 'vfile';
import { isReadingFile } from '../reading/files.ts';
import rehypeReadingParts from './rehype-reading-parts.ts';
import remarkReading from './remark-reading.ts';

export interface ReadingProcessorOptions {
  /** The readings' folder, an absolute path: its Markdown files are readings, every other file is plain Markdown. */
  readingsFolder: string;
  /**
   * Receive a reading's problems instead of failing on them: the importer
   * lists them as warnings. Without it, a reading with problems fails.
   */
  onProblems?: (problems: string[], file: VFile) => void;
}

/** Markdown options Astro takes beside the processor; the site's config and `readingRenderer` both use them. */
export const markdownOptions = {
  // Readings are prose; Shiki's inline colour styles would need 'unsafe-inline'.
  syntaxHighlight: false,
} as const satisfies AstroMarkdownOptions;

/** `plugin` (remark or rehype), made to leave every file that is not a reading in `folder` untouched. */
function onlyOnReadings<Plugin extends RemarkPlugin | RehypePlugin>(plugin: Plugin, folder: string): Plugin {
  return function (this: Processor, ...settings: unknown[]) {
    const transform = (plugin as (this: Processor, ...settings: unknown[]) => unknown).apply(this, settings) as
      | ((tree: unknown, file: VFile) => unknown)
      | undefined;
    // Two parameters: unified would wait for a callback from a transformer that takes three.
    return transform && ((tree: unknown, file: VFile) => (isReadingFile(file.path, folder) ? transform(tree, file) : undefined));
  } as Plugin;
}

/** The processor for Astro's `markdown.processor`: the reading transform, scoped to the readings, on Astro's unified pipeline. */
export function readingProcessor({ readingsFolder, onProblems }: ReadingProcessorOptions) {
  return unified({
    remarkPlugins: [[onlyOnReadings(remarkReading as RemarkPlugin, readingsFolder), { onProblems }]],
    rehypePlugins: [onlyOnReadings(rehypeReadingParts as RehypePlugin, readingsFolder)],
    gfm: true,
    smartypants: true,
  });
}

/**
 * A renderer made exactly as Astro makes its own from the config
 * (`processor.createRenderer` with the config's Markdown options): what the
 * tests, the importer and the bench render through.
 */
export function readingRenderer(options: ReadingProcessorOptions): Promise<MarkdownRenderer> {
  return readingProcessor(options).createRenderer({ ...markdownOptions });
}
