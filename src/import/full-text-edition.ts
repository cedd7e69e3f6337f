/**
 * Compose the full-text edition of a reading: the reader's edition's
 * frontmatter, edited through the `yaml` Document API so that its comments,
 * key order and formatting survive, with `edition: full`, the article's own
 * bio and tags, and the article's paragraphs as the body, escaped so that
 * nothing in them can turn into Markdown.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseDocument } from 'yaml';
import { readingRenderer } from '../pipeline/processor.ts';
import { ImportError, type CleanedArticle } from './article.ts';
import { FULL_TEXT_SUFFIX } from '../reading/files.ts';
import { escapeMarkdown } from './markdown-escape.ts';
import { fold } from '../pipeline/quote-match.ts';
import { type Placement, warningsOf } from '../pipeline/state.ts';
import { parseReading, type Reading } from '../reading/schema.ts';

/** Split a Markdown file into its YAML frontmatter and its body. */
export function splitFrontmatter(source: string, file: string): { yaml: string; body: string } {
  const match = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(source);
  if (!match) throw new ImportError(`${file} has no YAML frontmatter between --- lines`);
  return { yaml: match[1]!, body: source.slice(match[0].length) };
}

/** The reading described by a reader's edition file. */
export function readReading(source: string, file: string): Reading {
  const doc = parseDocument(splitFrontmatter(source, file).yaml);
  if (doc.errors.length) throw new ImportError(`${file}: its frontmatter is not valid YAML (${doc.errors[0]!.message.split('\n')[0]})`);
  return parseReading(doc.toJS(), file);
}

const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((value, i) => fold(value) === fold(b[i]!));

/** What the full text's frontmatter records of the import. */
export interface EditionOptions {
  /** The reader's edition file, for messages. */
  readingFile: string;
  /** The article's file name, recorded in a comment. */
  sourceName: string;
  /** The day of the import, `YYYY-MM-DD`, recorded in a comment. */
  date: string;
}

/**
 * The text of `<slug>.full.md`: the reader's edition's frontmatter with
 * `edition: full`, the bio and the tags from the article (each left
 * untouched when the article gives none or the same), and the article's
 * paragraphs, one blank line between them.
 */
export function fullTextEdition(readingSource: string, article: CleanedArticle, options: EditionOptions): { text: string; reading: Reading; body: string } {
  const { yaml } = splitFrontmatter(readingSource, options.readingFile);
  const doc = parseDocument(yaml);
  if (doc.errors.length) throw new ImportError(`${options.readingFile}: its frontmatter is not valid YAML (${doc.errors[0]!.message.split('\n')[0]})`);
  const before = parseReading(doc.toJS(), options.readingFile);

  doc.set('edition', 'full');
  if (article.bio && fold(article.bio.text) !== fold(before.author.bio)) doc.setIn(['author', 'bio'], article.bio.text);
  if (article.tags && !sameList(article.tags.tags, before.tags)) doc.set('tags', doc.createNode(article.tags.tags));
  const note = [
    ` Full-text edition, written by \`npm run import\` from ${options.sourceName} on ${options.date}.`,
    ` The article's text belongs to its author and publisher: this file is git-ignored, never commit it.`,
    ` The notes and argument cues are the reader's edition's; edit them here if one does not anchor.`,
  ].join('\n');
  doc.commentBefore = doc.commentBefore ? `${note}\n\n${doc.commentBefore}` : note;

  const reading = parseReading(doc.toJS(), options.readingFile.replace(/\.md$/, FULL_TEXT_SUFFIX));
  const body = (article.markdown ?? article.paragraphs.map(escapeMarkdown)).join('\n\n');
  return { text: `---\n${doc.toString({ lineWidth: 0 })}---\n\n${body}\n`, reading, body };
}

/** What the build makes of an edition's cues and notes: its problems, its warnings, and where each cue and note found its place. */
export interface AnchorReport {
  problems: string[];
  warnings: string[];
  placements: Placement[];
}

/**
 * What the build will refuse in this edition (every argument cue and
 * forecast that does not find its place, and anything else the reading's
 * plugins report), what it will warn about (notes placed approximately or
 * not at all), and where each cue and note found its place. It renders the
 * edition through the build's own processor (smart punctuation included)
 * as the file `file`, an absolute path in the readings' folder, so the
 * import and the build judge the text alike.
 */
export async function anchorReport(reading: Reading, body: string, file: string): Promise<AnchorReport> {
  const report: AnchorReport = { problems: [], warnings: [], placements: [] };
  const renderer = await readingRenderer({
    readingsFolder: path.dirname(file),
    onProblems: (problems, vfile) => {
      Object.assign(report, { problems, warnings: warningsOf(vfile).map((message) => message.reason), placements: vfile.data.placements ?? [] });
    },
  });
  await renderer.render(body, { frontmatter: reading, fileURL: pathToFileURL(file) });
  return report;
}
