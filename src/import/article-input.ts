/**
 * What the commands that take the reader's copy of an article share
 * (`npm run import`, `npm run check-edition`): their arguments, the choice of
 * reading, reading and cleaning the article file, and the one-line errors,
 * so that both commands accept and refuse exactly the same input.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ImportError, decodeArticle, importArticle, type CleanedArticle } from './article.ts';
import { isReadersEdition, readingsFolderOf } from '../reading/files.ts';
import { ReadingError, type Reading } from '../reading/schema.ts';
import { decodePage, importPage, looksLikeHtml } from './saved-page.ts';

/** An op-ed is some kilobytes; a file this large is something else. */
const MAX_BYTES = 5 * 1024 * 1024;

/** The project's root, where the commands run. */
export const root = path.resolve(import.meta.dirname, '../..');
/** The readings' folder under it. */
export const readingsDir = readingsFolderOf(root);
/** Paths as the reader sees them: relative to the project. */
export const shown = (file: string) => path.relative(root, file) || file;

/** A mistake in the command line: exit status 2, as usage errors have. */
export class UsageError extends ImportError {}

type Options = NonNullable<ParseArgsConfig['options']>;

/** The command line's options and positionals; a mistake in it is a UsageError ending with the usage. */
export function parseCommandLine<T extends Options>(argv: string[], usage: string, options: T) {
  try {
    return parseArgs({ args: argv, allowPositionals: true, options: { ...options, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    throw new UsageError(`${(error as Error).message.split('\n')[0]} (${usage})`);
  }
}

/**
 * The reader's edition a command works on: the one named with --reading, or
 * the only one there is. Full texts (`<slug>.full.md`) are never chosen.
 * `purpose` completes "no reading in content/readings …".
 */
export async function chooseReading(wanted: string | undefined, purpose: string): Promise<string> {
  let files: string[];
  try {
    files = await readdir(readingsDir);
  } catch {
    throw new ImportError(`no readings folder at ${shown(readingsDir)}; run the command from a Gloss project`);
  }
  const slugs = files
    .filter(isReadersEdition)
    .map((file) => file.slice(0, -'.md'.length))
    .sort();
  if (!slugs.length) throw new ImportError(`no reading in ${shown(readingsDir)} ${purpose}`);
  if (wanted !== undefined) {
    if (!slugs.includes(wanted)) throw new UsageError(`unknown reading "${wanted}"; choose one of: ${slugs.join(', ')}`);
    return wanted;
  }
  if (slugs.length > 1) throw new UsageError(`there are ${slugs.length} readings; say which with --reading <slug>: ${slugs.join(', ')}`);
  return slugs[0]!;
}

/** The reader's edition file of a reading. */
export const readingFileOf = (slug: string) => path.join(readingsDir, `${slug}.md`);

/** Where a command reads the article from: `-` is standard input, the text the reader pasted. */
export const STDIN = '-';

/** Everything on standard input, refused once it passes MAX_BYTES. */
async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BYTES) throw new ImportError(`standard input is over ${MAX_BYTES / 1024 / 1024} MB, too large to be an article`);
    chunks.push(chunk);
  }
  if (size === 0) throw new ImportError('standard input is empty; paste the article, then end the input with Ctrl-D (Ctrl-Z, Enter on Windows)');
  return Buffer.concat(chunks);
}

async function readInput(file: string): Promise<Uint8Array> {
  const name = path.basename(file);
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw new ImportError(`${name} is a folder, not an article file`);
    if (info.size > MAX_BYTES) throw new ImportError(`${name} is ${Math.round(info.size / 1024 / 1024)} MB, too large to be a saved article`);
    return await readFile(file);
  } catch (error) {
    if (error instanceof ImportError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ImportError(`${file}: no such file`);
    if (code === 'EACCES' || code === 'EPERM') throw new ImportError(`${file}: cannot read it (permission denied)`);
    throw new ImportError(`${file}: cannot read it (${code ?? (error as Error).message})`);
  }
}

/**
 * Read the article the reader named (a relative path is theirs, from where
 * they typed the command: npm runs scripts from the project folder and says
 * where in INIT_CWD; `-` is standard input) and clean it for `reading`: a
 * saved web page through the extractor (saved-page.ts), text and Markdown
 * through article.ts. An unreadable, empty, binary or undecodable input, a
 * page with no article or (without `force`) another article's title, or
 * nothing left after cleaning is an ImportError naming the input.
 */
export async function readArticle(argument: string, reading: Reading, force: boolean): Promise<{ name: string; article: CleanedArticle }> {
  const fromStdin = argument === STDIN;
  const input = fromStdin ? '' : path.resolve(process.env.INIT_CWD ?? process.cwd(), argument);
  const name = fromStdin ? 'standard input' : path.basename(input);
  const bytes = fromStdin ? await readStdin() : await readInput(input);
  const info = { title: reading.title, author: reading.author.name, tags: reading.tags };
  const article = looksLikeHtml(bytes, name)
    ? importPage(decodePage(bytes, name), name, info, { force })
    : importArticle(decodeArticle(bytes, name), name, info);
  if (!article.paragraphs.length)
    throw new ImportError(
      `${name}: no body paragraphs left after removing ${article.removed.length} lines of page furniture; is it the article "${reading.title}"?`,
    );
  return { name, article };
}

/**
 * Run a command's `main`. An ImportError, or a reading's invalid frontmatter,
 * is its message on stderr, prefixed with the command's name; exit status 2 for a usage error, 1 otherwise. `main`
 * resolves to the exit status of a run that went through.
 */
export function runCommand(command: string, main: () => Promise<number | undefined>): void {
  main().then(
    (status) => {
      process.exitCode = status ?? 0;
    },
    (error: unknown) => {
      if (error instanceof ImportError || error instanceof ReadingError) {
        console.error(`${command}: ${error.message}`);
        process.exit(error instanceof UsageError ? 2 : 1);
      }
      console.error(`${command}: unexpected error: ${(error as Error).stack ?? String(error)}`);
      process.exit(1);
    },
  );
}
