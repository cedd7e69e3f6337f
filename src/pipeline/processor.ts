/**
 * The one Markdown processor: the site (astro.config.mjs), the tests, the
 * importer's anchor check and the bench all build it here, so they all run
 * what Astro runs: @astrojs/markdown-remark's unified pipeline with GFM and
 * smart punctuation (`--` becomes `—` before any cue is looked for), then the
 * reading transform (`remark-reading.ts`), the handlers that render its
 * nodes (`handlers/`) and its last, HTML stage.
 *
 * The reading plugins run only on reading files (`isReadingFile`): the way
 * Starlight gates its plugins to its docs collection with
 * `shouldTransformFile`, every other Markdown page, such as
 * src/pages/about.md, builds as ordinary Astro Markdown.
 *
 * The site's processor renders each reading once per build (`renderOnce`)
 * and keeps the render on disk for the next build (`cacheDir`,
 * `render-cache.ts`); what the tests, the importer and the bench render
 * through (`readingRenderer`) keeps nothing and runs the transform each time.
 */
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import {
  unified,
  type AstroMarkdownOptions,
  type MarkdownRenderer,
  type MarkdownRenderOptions,
  type MarkdownRenderResult,
  type RehypePlugin,
  type RemarkPlugin,
} from '@astrojs/markdown-remark';
import type { Processor } from 'unified';
import type { VFile } from 'vfile';
import { isReadingFile } from '../reading/files.ts';
import { handlers } from './handlers/index.ts';
import rehypeReadingParts from './rehype-reading-parts.ts';
import remarkReading from './remark-reading.ts';
import { type RenderCache, renderCache } from './render-cache.ts';
import { transformVersion } from './transform-version.ts';

/** Where the readings are, and what becomes of their problems. */
export interface ReadingProcessorOptions {
  /** The readings' folder, an absolute path: its Markdown files are readings, every other file is plain Markdown. */
  readingsFolder: string;
  /**
   * Receive a reading's problems instead of failing on them: the importer
   * lists them as warnings. Without it, a reading with problems fails.
   */
  onProblems?: (problems: string[], file: VFile) => void;
  /**
   * Render each reading once per content (see `renderOnce`). On by default:
   * Astro loads each reading module twice in a build. `readingRenderer`
   * turns it off, so the tests, the importer and the bench run the transform
   * on every call.
   */
  cache?: boolean;
  /**
   * With `cache`, also keep each reading's render in this folder across
   * builds (`render-cache.ts`; the site gives `renderCacheFolder(root)`).
   * Default: none, nothing is read from or written to disk.
   */
  cacheDir?: string;
}

/** Curly quotes and apostrophes (remark-smartypants) for the text, and so for the notes' Markdown too. */
const SMART_PUNCTUATION = true;

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

/**
 * `renderer`, made to render each reading once per content. Vite loads each
 * reading's module twice in an `astro build` (once more with
 * `?astroPropagatedAssets`), and Astro renders the Markdown on each load; the
 * second load of the same file with the same frontmatter and body now takes
 * the first one's result. The key is the file's path and a hash of what it
 * holds, so an edited reading (in `astro dev`) renders again; one entry is
 * kept per file. This cache lives in the processor, so it lasts one build (or
 * one dev server). With `onDisk`, a render missing from it is looked for on
 * disk, where it lasts across builds (`render-cache.ts`, keyed also by the
 * transform's version). A render that fails is not kept. Every other
 * Markdown file renders as before.
 */
export function renderOnce(renderer: MarkdownRenderer, readingsFolder: string, onDisk?: RenderCache): MarkdownRenderer {
  const rendered = new Map<string, { key: string; result: Promise<MarkdownRenderResult> }>();
  return {
    render(content: string, options?: MarkdownRenderOptions) {
      const url = options?.fileURL;
      if (!url || !isReadingFile(url, readingsFolder)) return renderer.render(content, options);
      const file = fileURLToPath(url);
      const key = createHash('sha256')
        .update(JSON.stringify([content, options?.frontmatter ?? {}]))
        .digest('hex');
      const kept = rendered.get(file);
      if (kept?.key === key) return kept.result.then((value) => structuredClone(value));
      const result = onDisk ? onDisk.render(file, key, () => renderer.render(content, options)) : renderer.render(content, options);
      rendered.set(file, { key, result });
      result.catch(() => rendered.get(file)?.result === result && rendered.delete(file));
      // Each caller gets its own copy: Astro may change what it is handed.
      return result.then((value) => structuredClone(value));
    },
  };
}

/** The processor for Astro's `markdown.processor`: the reading transform, scoped to the readings, on Astro's unified pipeline. */
export function readingProcessor({ readingsFolder, onProblems, cache = true, cacheDir }: ReadingProcessorOptions) {
  const keepOnDisk = cache && cacheDir !== undefined;
  const processor = unified({
    remarkPlugins: [[onlyOnReadings(remarkReading as RemarkPlugin, readingsFolder), { onProblems, smartPunctuation: SMART_PUNCTUATION }]],
    rehypePlugins: [onlyOnReadings(rehypeReadingParts as RehypePlugin, readingsFolder)],
    // One handler per node type of the reading renders its HTML; Astro hands these options to remark-rehype.
    // They apply to every Markdown file, but only a reading's transform makes those nodes, and the paragraph
    // handler renders any other paragraph as mdast-util-to-hast does.
    remarkRehype: { handlers },
    gfm: true,
    smartypants: SMART_PUNCTUATION,
  });
  if (!cache) return processor;
  // Read once, when the processor is made: the transform's source and packages (this file and its options included).
  const version = keepOnDisk ? transformVersion() : undefined;
  // Astro keeps the processor object as given (its `options` are read by `createRenderer`), so only that method is wrapped.
  const createRenderer = processor.createRenderer.bind(processor);
  processor.createRenderer = async (shared) => {
    // Besides the transform, a render depends on Astro's Markdown options, and its warnings name files from the working directory.
    const onDisk = keepOnDisk ? renderCache(cacheDir, JSON.stringify([version, shared, readingsFolder, process.cwd()])) : undefined;
    return renderOnce(await createRenderer(shared), readingsFolder, onDisk);
  };
  return processor;
}

/**
 * A renderer made exactly as Astro makes its own from the config
 * (`processor.createRenderer` with the config's Markdown options): what the
 * tests, the importer and the bench render through.
 */
export function readingRenderer(options: ReadingProcessorOptions): Promise<MarkdownRenderer> {
  return readingProcessor({ cache: false, ...options }).createRenderer({ ...markdownOptions });
}
