/**
 * Turn an article saved or copied as text (plain or Markdown) into the
 * paragraphs and metadata of a full-text edition: pure functions, no file
 * system (the CLI in src/import/import-cli.ts does the reading and writing).
 * A page saved as HTML goes through the extractor in saved-page.ts instead.
 *
 * A text copy holds more than the article. Around the body paragraphs sit a
 * contributor disclaimer, the title, a photo credit, the author's bio line,
 * a "Tags …" line, a copyright line and, on a whole page saved as text, the
 * page's chrome after them. `cleanArticle` finds each of them by what it is
 * (the reading's own title, the author's name at the start of a line)
 * rather than by its position, removes it, and says so, line by line. The
 * body paragraphs are kept exactly as written: their lines are trimmed,
 * never re-wrapped or reworded.
 *
 * ```txt
 * The views expressed by contributors are their own…   → removed (contributor disclaimer)
 * A title that matches the reading's                   → removed (title)
 * Getty Images                                         → removed (photo credit)
 * First paragraph.                                     → paragraph 1
 * Jane Doe is a professor of …                         → bio
 * Tags Trade Jane Doe                                  → tags ["Trade", "Jane Doe"]
 * Copyright 2024 …                                     → removed (copyright notice)
 * Most Popular                                         → removed (after the article (page chrome))
 * ```
 */
import { remark } from 'remark';
import type { Nodes, RootContent } from 'mdast';
import { fold } from '../pipeline/quote-match.ts';

/** A problem with the input that stops the import: its message is one line. */
export class ImportError extends Error {
  override name = 'ImportError';
}

/** What the cleaning needs to know about the reading the article belongs to. */
export interface ReadingInfo {
  title: string;
  author: string;
  tags: string[];
}

/** A line of the input, trimmed, with its 1-based line number. */
export interface SourceLine {
  number: number;
  text: string;
}

/** A line the cleaning removed, and why. */
export interface Removal {
  line: number;
  text: string;
  reason: string;
}

/** The article's body, ready to import, and what was removed from it. */
export interface CleanedArticle {
  /** The body paragraphs as plain text, each its lines (trimmed) joined by `\n`. */
  paragraphs: string[];
  /** The same paragraphs as Markdown, when the input's emphasis and links are kept (a saved page); else they are escaped plain text. */
  markdown?: string[];
  /** The author's bio line, with its wrapped lines joined by spaces. */
  bio?: { line: number; text: string };
  /** The tag line, segmented into tags; `unknown` lists tags made of words no known tag matched. */
  tags?: { line: number; tags: string[]; unknown: string[] };
  /** Every input line that is not body text, in input order. */
  removed: Removal[];
  /** Things the reader should check (title or bio not found, unknown tag words…). */
  warnings: string[];
}

// ---------------------------------------------------------------------------
// Reading the bytes

/**
 * Decode a saved article: UTF-8 only, never binary, never empty. Strips a
 * byte-order mark and turns CRLF and CR line ends into LF.
 */
export function decodeArticle(bytes: Uint8Array, name: string): string {
  if (bytes.length === 0) throw new ImportError(`${name} is empty`);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    throw new ImportError(`${name} is UTF-16 text; save the article as UTF-8 and import it again`);
  if (bytes.includes(0)) throw new ImportError(`${name} is a binary file (it contains NUL bytes), not a saved article`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ImportError(`${name} is not UTF-8 text; save the article as UTF-8 and import it again`);
  }
  text = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (!text.trim()) throw new ImportError(`${name} is empty (only white space)`);
  return text;
}

/** Elements a saved page may leak; `<` followed by anything else is just text (and escaped on output). */
const HTML_ELEMENTS = new Set(
  `a abbr address area article aside audio b base bdi bdo blockquote body br button canvas caption cite code col colgroup
  data datalist dd del details dfn dialog div dl dt em embed fieldset figcaption figure footer form frame frameset h1 h2 h3
  h4 h5 h6 head header hgroup hr html i iframe img input ins kbd label legend li link main map mark math menu meta meter nav
  noscript object ol optgroup option output p param picture pre progress q rp rt ruby s samp script search section select
  slot small source span strong style sub summary sup svg table tbody td template textarea tfoot th thead time title tr
  track u ul var video wbr`.split(/\s+/),
);
const TAG = /<\/?([A-Za-z][A-Za-z0-9-]*)(?=[\s/>])[^<>]*>|<!--|<!doctype|<\?xml|<!\[CDATA\[/gi;

/**
 * The first raw HTML tag in the text, if any: a script or any other element
 * must never reach the page, and the import refuses it rather than guess.
 */
export function findRawHtml(text: string): { line: number; tag: string } | undefined {
  for (const match of text.matchAll(TAG)) {
    if (match[1] && !HTML_ELEMENTS.has(match[1].toLowerCase())) continue;
    const line = text.slice(0, match.index).split('\n').length;
    return { line, tag: match[0].length > 40 ? `${match[0].slice(0, 39)}…` : match[0] };
  }
  return undefined;
}

/** Whether the input is Markdown: by its file name, or a `# Heading` as its first line. */
export function looksLikeMarkdown(text: string, name = ''): boolean {
  if (/\.(md|markdown|mdown|mkd)$/i.test(name)) return true;
  const first = text.split('\n').find((line) => line.trim() !== '');
  return first !== undefined && /^#{1,6}\s+\S/.test(first.trim());
}

/** The lines of a plain-text article, trimmed and numbered. */
export function plainLines(text: string): SourceLine[] {
  return text.split('\n').map((line, i) => ({ number: i + 1, text: line.trim() }));
}

/**
 * The lines of a Markdown article as plain text: heading markers, emphasis,
 * links and escapes are read as Markdown and give way to their words; each
 * block is followed by a blank line. Images, rules and link definitions are
 * not text and come back as removals. Raw HTML is refused.
 */
export function markdownLines(text: string, name: string): { lines: SourceLine[]; removed: Removal[]; formatted: boolean } {
  const tree = remark().parse(text);
  const lines: SourceLine[] = [];
  const removed: Removal[] = [];
  let formatted = false;
  const source = text.split('\n');
  const lineOf = (node: Nodes) => node.position?.start.line ?? 0;
  const sourceText = (node: Nodes) => source[lineOf(node) - 1]?.trim() ?? '';
  const rejectHtml = (node: Nodes): never => {
    throw new ImportError(
      `${name}:${lineOf(node)}: raw HTML is not allowed in an imported article (found ${JSON.stringify(sourceText(node).slice(0, 40))}); save the article as plain text`,
    );
  };

  const inline = (node: Nodes): string => {
    switch (node.type) {
      case 'text':
      case 'inlineCode':
        return node.value;
      case 'break':
        return '\n';
      case 'html':
        return rejectHtml(node);
      case 'image':
      case 'imageReference':
        return '';
      default:
        if (!('children' in node)) return '';
        if (node.type !== 'paragraph' && node.type !== 'heading') formatted = true;
        return (node.children as Nodes[]).map(inline).join('');
    }
  };

  const block = (node: RootContent) => {
    switch (node.type) {
      case 'heading':
      case 'paragraph': {
        const value = inline(node);
        if (!value.trim()) {
          removed.push({ line: lineOf(node), text: sourceText(node), reason: 'image' });
          return;
        }
        value.split('\n').forEach((line, i) => {
          lines.push({ number: lineOf(node) + i, text: line.trim() });
        });
        break;
      }
      case 'code': {
        const fenced = /^(`{3,}|~{3,})/.test(sourceText(node)) ? 1 : 0;
        node.value.split('\n').forEach((line, i) => {
          lines.push({ number: lineOf(node) + fenced + i, text: line.trim() });
        });
        break;
      }
      case 'html':
        return rejectHtml(node);
      case 'thematicBreak':
        removed.push({ line: lineOf(node), text: sourceText(node), reason: 'horizontal rule' });
        return;
      case 'definition':
        removed.push({ line: lineOf(node), text: sourceText(node), reason: 'link definition' });
        return;
      default:
        if ('children' in node) (node.children as RootContent[]).forEach(block);
        return;
    }
    lines.push({ number: 0, text: '' });
  };

  tree.children.forEach(block);
  return { lines, removed, formatted };
}

// ---------------------------------------------------------------------------
// Recognising what is not the article

/** Case-, typography- and whitespace-insensitive form for comparing. */
const key = (text: string) => fold(text).toLowerCase();
const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

const DISCLAIMER = /^(the )?(views|opinions) expressed (by|in|here)\b.*\b(own|not|necessarily)\b/i;
const COPYRIGHT = /^(©|\(c\)\s*\d{4}\b|copyright\s*(©|\(c\))?\s*\d{4}\b)/i;
const RIGHTS = /\ball rights reserved\b/i;
const TAGS = /^tags?\b\s*:?\s*(.*)$/i;
const CREDIT =
  /\b(getty images|associated press|ap photo|reuters|afp|epa|istock(photo)?|shutterstock|alamy|bloomberg|photo (by|credit)|image (by|credit)|credit:|courtesy of)\b/i;
/**
 * An ad slot's label inside the text, as a copy selected across it holds. The
 * rest of a page's chrome (navigation, "Most Popular", "See all" and the like)
 * comes with a whole saved page, which goes through the extractor
 * (saved-page.ts); in a text copy it can only follow the article, where the
 * footer rule below removes it.
 */
const ADVERT = /^(advertisement|(story|article) continues (below|after)( the)? (advertisement|ad))$/i;
/** A line that reads like a date, a time or "Updated …" under a headline. */
const DATE_LINE =
  /^(updated|published|posted)\b|^(\d{1,2}\/\d{1,2}\/\d{2,4}|\d{4}-\d{2}-\d{2}|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2},? \d{4})\b/i;
const SENTENCE_END = /[.!?:;"”’)…]$/;

const isCopyright = (text: string) => COPYRIGHT.test(text) || (RIGHTS.test(text) && words(text) <= 12);
/** A tag line is one line of words, not a sentence: "Tags on luggage tell a story." is text. */
const isTagLine = (text: string) => TAGS.test(text) && text.length <= 400 && !/[.!?…]$/.test(text);

/**
 * Why a line found anywhere is not article text, or undefined if it may be.
 * Each test asks for a short line or a whole-line match, so that a sentence
 * that merely starts like furniture ("Copyright law…", "Reuters said…") stays.
 */
function furniture(text: string): string | undefined {
  if (DISCLAIMER.test(text) && words(text) <= 30) return 'contributor disclaimer';
  if (isCopyright(text)) return 'copyright notice';
  if (ADVERT.test(text)) return 'advertisement';
  if (CREDIT.test(text) && words(text) <= 8 && !/[.!?…"”]$/.test(text)) return 'photo credit';
  return undefined;
}

interface Block {
  index: number;
  lines: SourceLine[];
  /** The lines joined by spaces, for matching. */
  text: string;
}

function blocksOf(lines: SourceLine[]): Block[] {
  const blocks: Block[] = [];
  let current: SourceLine[] = [];
  const flush = () => {
    if (current.length) blocks.push({ index: blocks.length, lines: current, text: current.map((l) => l.text).join(' ') });
    current = [];
  };
  for (const line of lines) {
    if (line.text === '') flush();
    else current.push(line);
  }
  flush();
  return blocks;
}

/** Whether a block is the reading's title, possibly followed by "| Publication". */
function isTitle(block: Block, title: string): boolean {
  const [text, wanted] = [key(block.text), key(title)];
  if (text === wanted) return true;
  if (!text.startsWith(wanted)) return false;
  const rest = text.slice(wanted.length);
  return /^\s*[|:-]\s*\S/.test(rest) && words(rest) <= 6;
}

/** Whether a block starts with the author's name as a whole word ("Jane Doe is a …"). */
function startsWithAuthor(block: Block, author: string): boolean {
  const [text, name] = [key(block.text), key(author)];
  return text.startsWith(name) && !/[\p{L}\p{N}]/u.test(text.charAt(name.length));
}

const isByline = (block: Block, author: string) => /^by\s/i.test(block.text) && key(block.text).includes(key(author));

// ---------------------------------------------------------------------------
// Tags

/**
 * Split a tag line's words into tags. Pages print multi-word tags one after
 * another with nothing between them ("Tags China Joe Biden Russia"), so the
 * words are matched against the tags the reading already knows, preferring
 * the segmentation that leaves the fewest words unmatched and then the one
 * with the longest tags. Each run of unmatched words becomes one tag of its
 * own, listed in `unknown` so that the reader can check it. A line that
 * separates its tags with commas, `|` or `·` is split there instead.
 *
 * @example segmentTags('China Joe Biden Arctic ice', ['China', 'Joe Biden'])
 * // => { tags: ['China', 'Joe Biden', 'Arctic ice'], unknown: ['Arctic ice'] }
 */
export function segmentTags(line: string, known: string[]): { tags: string[]; unknown: string[] } {
  const text = line.trim();
  if (!text) return { tags: [], unknown: [] };
  if (/[,|·•;]/.test(text)) {
    const tags = text.split(/\s*[,|·•;]\s*/).filter(Boolean);
    const knownKeys = new Set(known.map(key));
    return { tags, unknown: tags.filter((tag) => !knownKeys.has(key(tag))) };
  }
  const tokens = text.split(/\s+/);
  const tokenKeys = tokens.map(key);
  const knownTokens = known.map((tag) => tag.split(/\s+/).map(key)).filter((t) => t.length > 0);

  interface Step {
    unknown: number;
    segments: number;
    length: number;
    known: boolean;
  }
  const best: Step[] = [];
  best[tokens.length] = { unknown: 0, segments: 0, length: 0, known: true };
  for (let i = tokens.length - 1; i >= 0; i--) {
    const after = best[i + 1]!;
    let choice: Step = { unknown: after.unknown + 1, segments: after.segments + 1, length: 1, known: false };
    for (const tag of knownTokens) {
      if (i + tag.length > tokens.length || !tag.every((t, j) => t === tokenKeys[i + j])) continue;
      const rest = best[i + tag.length]!;
      const candidate = { unknown: rest.unknown, segments: rest.segments + 1, length: tag.length, known: true };
      if (candidate.unknown < choice.unknown || (candidate.unknown === choice.unknown && candidate.segments < choice.segments)) choice = candidate;
    }
    best[i] = choice;
  }

  const tags: string[] = [];
  const unknown: string[] = [];
  let run: string[] = [];
  const flush = () => {
    if (!run.length) return;
    tags.push(run.join(' '));
    unknown.push(run.join(' '));
    run = [];
  };
  for (let i = 0; i < tokens.length; ) {
    const step = best[i]!;
    if (step.known) {
      flush();
      tags.push(tokens.slice(i, i + step.length).join(' '));
    } else run.push(tokens[i]!);
    i += step.length;
  }
  flush();
  return { tags, unknown };
}

// ---------------------------------------------------------------------------
// Cleaning

/** Shorten a line for a one-line report. */
export function excerpt(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

/**
 * Separate the article's body paragraphs from everything else on the saved
 * page, and read the bio and tag lines as metadata.
 *
 * The title, when found, ends the page's header: blocks before it are
 * removed, and so are short lines between it and the first paragraph (a
 * photo credit, a byline, a date). The footer starts at the author's bio (the
 * last block that starts with the author's name), the tag line or the
 * copyright line, whichever comes first: everything from there is removed.
 * In between, only blocks made entirely of known page furniture are removed.
 */
export function cleanArticle(lines: SourceLine[], reading: ReadingInfo, extraRemoved: Removal[] = []): CleanedArticle {
  const blocks = blocksOf(lines);
  const removed: Removal[] = [...extraRemoved];
  const warnings: string[] = [];
  const remove = (block: Block, reason: string | ((line: SourceLine) => string)) =>
    block.lines.forEach((line) => {
      removed.push({ line: line.number, text: line.text, reason: typeof reason === 'string' ? reason : reason(line) });
    });
  const allFurniture = (block: Block) => block.lines.every((line) => furniture(line.text) !== undefined);

  // The header: up to the title, then credits, bylines and dates.
  const titleAt = blocks.slice(0, 12).findIndex((block) => isTitle(block, reading.title));
  let bodyStart = 0;
  if (titleAt >= 0) {
    blocks.slice(0, titleAt).forEach((block) => {
      remove(block, (line) => furniture(line.text) ?? 'before the title');
    });
    remove(blocks[titleAt]!, 'title');
    bodyStart = titleAt + 1;
  }
  let headline = titleAt >= 0;
  for (; bodyStart < blocks.length; bodyStart++) {
    const block = blocks[bodyStart]!;
    const oneShortLine = block.lines.length === 1 && !SENTENCE_END.test(block.text);
    if (allFurniture(block)) remove(block, (line) => furniture(line.text)!);
    else if (isByline(block, reading.author)) remove(block, 'byline');
    else if (block.lines.length === 1 && DATE_LINE.test(block.text) && words(block.text) <= 8) remove(block, 'date line');
    else if (!headline && oneShortLine && words(block.text) <= 20) {
      // A headline other than the reading's title: a line that is no sentence.
      remove(block, "headline (not the reading's title)");
      warnings.push(`did not find the title "${reading.title}"; took line ${block.lines[0]!.number} as the article's headline, check the report`);
      headline = true;
    } else if (headline && oneShortLine && words(block.text) <= 10) remove(block, 'short line under the title (photo credit or caption)');
    else break;
  }
  if (!headline) warnings.push(`did not find the title "${reading.title}" near the top; kept every line that is not known page furniture, check the report`);

  // The footer: from the bio, the tag line or the copyright line, whichever comes first.
  const after = blocks.slice(bodyStart + 1);
  const tagsAt = after.find((block) => isTagLine(block.lines[0]!.text))?.index;
  const copyrightAt = after.find((block) => isCopyright(block.lines[0]!.text))?.index;
  const metaAt = Math.min(tagsAt ?? Infinity, copyrightAt ?? Infinity);
  const byAuthor = after.filter((block) => startsWithAuthor(block, reading.author));
  // The bio is the author's line just before the tags or copyright, else the last one.
  const bioBlock = byAuthor.findLast((block) => block.index < metaAt) ?? byAuthor.at(-1);
  const footerStart = Math.min(bioBlock?.index ?? Infinity, metaAt, blocks.length);

  const paragraphs: string[] = [];
  for (const block of blocks.slice(bodyStart, footerStart)) {
    if (allFurniture(block)) remove(block, (line) => furniture(line.text)!);
    else if (isTitle(block, reading.title)) remove(block, 'title, repeated');
    else paragraphs.push(block.lines.map((line) => line.text).join('\n'));
  }

  let bio: CleanedArticle['bio'];
  let tags: CleanedArticle['tags'];
  for (const block of blocks.slice(footerStart)) {
    if (block === bioBlock) {
      bio = { line: block.lines[0]!.number, text: block.text };
      remove(block, 'author bio, used as author.bio');
      continue;
    }
    remove(block, (line) => {
      const tagLine = isTagLine(line.text) ? TAGS.exec(line.text) : null;
      if (tagLine && !tags) {
        tags = { line: line.number, ...segmentTags(tagLine[1] ?? '', reading.tags) };
        return 'tag line, used as tags';
      }
      return furniture(line.text) ?? 'after the article (page chrome)';
    });
  }

  if (!bio) warnings.push(`no bio line starting with "${reading.author}" found; kept the reading's author.bio`);
  if (!tags?.tags.length) {
    warnings.push(`no "Tags …" line found; kept the reading's tags`);
    tags = undefined;
  } else {
    for (const words of tags.unknown)
      warnings.push(`tag words "${words}" (line ${tags.line}) match none of the reading's tags; kept them as the tag "${words}"`);
  }

  removed.sort((a, b) => a.line - b.line);
  const result: CleanedArticle = { paragraphs, removed, warnings };
  if (bio) result.bio = bio;
  if (tags) result.tags = tags;
  return result;
}

/**
 * Read a decoded article into its lines (as Markdown when it is Markdown) and
 * clean it. Raw HTML anywhere is an error.
 */
export function importArticle(text: string, name: string, reading: ReadingInfo): CleanedArticle {
  const html = findRawHtml(text);
  if (html)
    throw new ImportError(
      `${name}:${html.line}: raw HTML is not allowed in an imported article (found ${JSON.stringify(html.tag)}); save the article as plain text`,
    );
  if (!looksLikeMarkdown(text, name)) return cleanArticle(plainLines(text), reading);
  const { lines, removed, formatted } = markdownLines(text, name);
  const cleaned = cleanArticle(lines, reading, removed);
  if (formatted) cleaned.warnings.push('the Markdown input had emphasis or links: the full text keeps their words as plain text');
  return cleaned;
}
