/**
 * The bridge between a Markdown file being processed and its reading: plugins
 * receive the raw YAML frontmatter (Astro puts it at
 * `file.data.astro.frontmatter`), so each one validates it through the same
 * schema the content collection uses. The result is cached on the file.
 */
import path from 'node:path';
import type { VFile } from 'vfile';
import { parseReading, type Reading } from '../reading/schema.ts';

declare module 'vfile' {
  interface DataMap {
    gloss: { reading: Reading };
  }
}

/** The file's path relative to the working directory, for error messages. */
export function displayPath(file: VFile): string {
  const raw = file.path ? String(file.path).replace(/^file:\/\//, '') : '<markdown>';
  return path.isAbsolute(raw) ? path.relative(process.cwd(), raw) : raw;
}

/** The validated reading of a file, from its raw frontmatter. */
export function readingOf(file: VFile): Reading {
  const frontmatter = (file.data as { astro?: { frontmatter?: unknown } }).astro?.frontmatter;
  file.data.gloss ??= { reading: parseReading(frontmatter, displayPath(file)) };
  return file.data.gloss.reading;
}

/** Throw one error naming the file and listing every problem on its own line. */
export function failWith(file: VFile, summary: string, problems: string[]): never {
  throw new Error(`${displayPath(file)}: ${summary}\n${problems.map((p) => `  - ${p}`).join('\n')}`);
}
