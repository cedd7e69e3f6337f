/**
 * What the commands that take the reader's copy of an article share
 * (`npm run import`, `npm run check-edition`): their arguments, the choice of
 * reading, reading and cleaning the article file, and the one-line errors,
 * so that both commands accept and refuse exactly the same input.
 */
import { realpathSync } from 'node:fs';
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ImportError, decodeArticle, importArticle, type CleanedArticle } from './article.ts';
import { isReadersEdition, readingsFolderOf } from '../reading/files.ts';
import { ReadingError, type Reading } from '../reading/schema.ts';
import { decodePage, importPage, looksLikeHtml } from './saved-page.ts';

/** An op-ed is some kilobytes; a file this large is something else. */
const MAX_BYTES = 5 * 1024 * 1024;

/** The project these commands belong to, where `npm run` runs them. */
export const projectRoot = path.resolve(import.meta.dirname, '../..');

/**
 * What a command works in and talks to: the project (its readings folder),
 * where the user typed the command (INIT_CWD, which npm sets: relative paths
 * are theirs), standard input, and one line at a time to stdout and stderr.
 * `processIO` is the real one; the tests run a command in their own process
 * with another.
 */
export interface CommandIO {
  root: string;
  cwd: string;
  stdin: AsyncIterable<Uint8Array>;
  out: (text: string) => void;
  err: (text: string) => void;
}

/** The real one: this project, the user's directory, the process's stdin, stdout and stderr. */
export function processIO(): CommandIO {
  return {
    root: projectRoot,
    cwd: process.env.INIT_CWD ?? process.cwd(),
    stdin: process.stdin,
    out: (text) => console.log(text),
    err: (text) => console.error(text),
  };
}

/** A command's body: it reads `argv`, talks through `io` and resolves to its exit status (undefined is 0). */
export type CommandMain = (argv: string[], io: CommandIO) => Promise<number | undefined>;

/** The readings folder of the project a command works in. */
export const readingsDirOf = (io: CommandIO) => readingsFolderOf(io.root);
/** Paths as the reader sees them: relative to the project. */
export const shownIn = (io: CommandIO) => (file: string) => path.relative(io.root, file) || file;

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
export async function chooseReading(wanted: string | undefined, purpose: string, io: CommandIO): Promise<string> {
  const readingsDir = readingsDirOf(io);
  const shown = shownIn(io);
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
export const readingFileOf = (slug: string, io: CommandIO) => path.join(readingsDirOf(io), `${slug}.md`);

/** Where a command reads the article from: `-` is standard input, the text the reader pasted. */
export const STDIN = '-';

/** Everything on standard input, refused once it passes MAX_BYTES. */
async function readStdin(stdin: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of stdin) {
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
export async function readArticle(argument: string, reading: Reading, force: boolean, io: CommandIO): Promise<{ name: string; article: CleanedArticle }> {
  const fromStdin = argument === STDIN;
  const input = fromStdin ? '' : path.resolve(io.cwd, argument);
  const name = fromStdin ? 'standard input' : path.basename(input);
  const bytes = fromStdin ? await readStdin(io.stdin) : await readInput(input);
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
 * A command's failure on stderr, prefixed with the command's name (an
 * ImportError's one line, or the lines of a reading's invalid frontmatter),
 * and its exit status: 2 for a usage error, 1 otherwise.
 */
function reportFailure(command: string, error: unknown, io: CommandIO): number {
  if (error instanceof ImportError || error instanceof ReadingError) {
    io.err(`${command}: ${error.message}`);
    return error instanceof UsageError ? 2 : 1;
  }
  io.err(`${command}: unexpected error: ${(error as Error).stack ?? String(error)}`);
  return 1;
}

/** Run a command's `main` with `argv` and `io`, in this process: its exit status, a failure reported as `runCommand` reports it. */
export async function runMain(command: string, main: CommandMain, argv: string[], io: CommandIO): Promise<number> {
  try {
    return (await main(argv, io)) ?? 0;
  } catch (error) {
    return reportFailure(command, error, io);
  }
}

/**
 * Run a command's `main` as the process, if the module at `moduleUrl` is the
 * one Node was started with (and not imported, as the tests import it). An
 * ImportError is one line on stderr, prefixed with the command's name; exit
 * status 2 for a usage error, 1 otherwise. `main` resolves to the exit status
 * of a run that went through.
 */
export function runCommand(command: string, main: CommandMain, moduleUrl: string): void {
  const started = process.argv[1];
  if (!started || pathToFileURL(realpathSync(started)).href !== moduleUrl) return;
  const io = processIO();
  main(process.argv.slice(2), io).then(
    (status) => {
      process.exitCode = status ?? 0;
    },
    (error: unknown) => process.exit(reportFailure(command, error, io)),
  );
}
