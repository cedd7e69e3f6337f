/**
 * Turn a web page the reader saved from their browser ("Save Page As", HTML
 * only or complete) into the paragraphs and metadata of a full-text edition.
 *
 * The article is found by Mozilla Readability, the engine behind Firefox
 * Reader View, over a jsdom document; its HTML becomes Markdown through the
 * unified tools (hast-util-from-html, hast-util-to-mdast, remark), so
 * paragraphs, emphasis and links survive and every character is escaped by
 * the same serializer the rest of the project trusts. Everything else on the
 * page (scripts, styles, navigation, rails, ads, footers, photo credits,
 * disclaimers) is left behind, and each block of it is listed with its line
 * in the file and the part of the page it sat in, so the reader can check
 * that nothing of the article went with it.
 */
import { Readability, isProbablyReaderable } from '@mozilla/readability';
import type { Element as HastElement, Root as HastRoot } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toMdast } from 'hast-util-to-mdast';
import { JSDOM, VirtualConsole } from 'jsdom';
import type { Root } from 'mdast';
import { toString as mdastText } from 'mdast-util-to-string';
import { remark } from 'remark';
import { SKIP, visit } from 'unist-util-visit';
import { fold } from '../pipeline/quote-match.ts';
import { type CleanedArticle, ImportError, type ReadingInfo, type Removal, segmentTags } from './article.ts';

/** Whether the input is a web page rather than text: by its name, or by how it starts. */
export function looksLikeHtml(bytes: Uint8Array, name: string): boolean {
  if (/\.(html?|xhtml)$/i.test(name)) return true;
  const start = new TextDecoder('latin1').decode(bytes.subarray(0, 512)).replace(/^(\uFEFF|\u00EF\u00BB\u00BF|\s)+/, '');
  return /^(<!doctype html|<html[\s>]|<\?xml|<!--\s*saved from url)/i.test(start);
}

/**
 * The character set of a saved page: its byte-order mark, else the
 * `<meta charset>` (or `http-equiv` Content-Type) in its first kilobytes, as
 * browsers look for it; a page that declares none is read as UTF-8.
 */
export function decodePage(bytes: Uint8Array, name: string): string {
  let label = 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) label = 'utf-16le';
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) label = 'utf-16be';
  else {
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
    const declared = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([^\s"'>;/]+)/i.exec(head)?.[1];
    if (declared) label = declared.toLowerCase();
    if (bytes.includes(0)) throw new ImportError(`${name} is a binary file (it contains NUL bytes), not a saved page`);
  }
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label, { fatal: true });
  } catch {
    throw new ImportError(`${name} declares the character set "${label}", which is not one we know; save the page again as UTF-8`);
  }
  try {
    return decoder.decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new ImportError(`${name} is not valid ${decoder.encoding} text, as its <meta charset> says it is; save the page again`);
  }
}

/** Elements whose own text makes one block of a page, for the list of what was left out. */
const BLOCKS = new Set(
  'address article aside blockquote body caption dd div dl dt figcaption figure footer form h1 h2 h3 h4 h5 h6 header li main nav ol p pre section table td th ul'.split(
    ' ',
  ),
);
/** Parts of a page by what they are: landmark elements, then class and id names. */
const PARTS: [selector: string, reason: string][] = [
  ['nav, [role=navigation], menu', 'navigation'],
  ['footer, [role=contentinfo]', 'page footer'],
  ['figure, figcaption, picture', 'photo credit or caption'],
  ['aside, [role=complementary]', 'rail'],
  ['form', 'form'],
  ['header, [role=banner]', 'page header'],
];
const NAMED: [pattern: RegExp, reason: string][] = [
  [/disclaim|contributor-note|opinion-note/i, 'disclaimer'],
  [/\b(ad|ads|advert\w*|sponsor\w*|promo\w*)\b/i, 'advertisement'],
  [/credit|caption/i, 'photo credit or caption'],
  [/related|popular|trending|recommend|more-|newsletter|share|social|rail|sidebar|widget/i, 'rail'],
  [/copyright|legal|footer/i, 'page footer'],
  [/byline|author/i, 'byline'],
  [/tags?\b|topics/i, 'tag list'],
];

/** What Readability may keep inside the article's block, and the extractor removes by its name first. */
const INSIDE = new Set(['disclaimer', 'advertisement', 'photo credit or caption']);

const key = (text: string) => fold(text).toLowerCase();

/** Why a block of the page is not in the article: the part of the page it sits in. */
function partOf(element: Element, page: { title: string; byline: string }): string {
  const text = key(element.textContent ?? '');
  if (text === key(page.title)) return 'title';
  for (const [selector, reason] of PARTS) if (element.closest(selector)) return reason;
  for (let at: Element | null = element; at; at = at.parentElement) {
    const names = `${at.getAttribute('class') ?? ''} ${at.id}`;
    for (const [pattern, reason] of NAMED) if (pattern.test(names)) return reason;
  }
  if (page.byline && text.includes(key(page.byline))) return 'byline';
  return 'outside the article';
}

/** The text of an element that is not inside one of its child blocks. */
function ownText(element: Element): string {
  let text = '';
  for (const child of element.childNodes) {
    if (child.nodeType === 3) text += child.textContent;
    else if (
      child.nodeType === 1 &&
      !BLOCKS.has((child as Element).localName) &&
      !['script', 'style', 'noscript', 'template'].includes((child as Element).localName)
    )
      text += ownText(child as Element);
  }
  return text.replace(/\s+/g, ' ').trim();
}

/** Drop what is not text from the article's HTML: images, figures and their captions, embeds, and links that are not to the web. */
function textOnly(tree: HastRoot): void {
  const MEDIA = new Set(['figure', 'figcaption', 'img', 'picture', 'svg', 'video', 'audio', 'iframe', 'object', 'embed', 'canvas', 'source']);
  visit(tree, 'element', (node: HastElement, index, parent) => {
    if (parent && index !== undefined && MEDIA.has(node.tagName)) {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    if (node.tagName === 'a' && !/^(https?:|mailto:)/i.test(String(node.properties.href ?? ''))) {
      // A link inside the publisher's site, or to a script: keep its words.
      node.tagName = 'span';
      node.properties = {};
    }
    return undefined;
  });
}

/**
 * The page's tags, as one comma-separated line for `segmentTags`, and the
 * line of the file they are on: its `article:tag` metadata (one tag each),
 * else its news keywords or keywords (a list).
 */
function pageTags(page: JSDOM): { line: number; tags: string } | undefined {
  const metas = (selector: string) => [...page.window.document.querySelectorAll(selector)].filter((meta) => meta.getAttribute('content')?.trim());
  const found = [metas('meta[property="article:tag"]'), metas('meta[name="news_keywords"]'), metas('meta[name="keywords"]')].find((list) => list.length);
  if (!found) return undefined;
  return { line: page.nodeLocation(found[0]!)?.startLine ?? 0, tags: found.map((meta) => meta.getAttribute('content')!.trim()).join(', ') };
}

/** How strict the import of a saved page is. */
export interface PageOptions {
  /** Import a page whose title is not the reading's. */
  force: boolean;
}

/**
 * Find the article in a saved page and clean it for `reading`. A page with
 * no article, or (without `force`) one whose title is not the reading's, is
 * an ImportError naming the file.
 */
export function importPage(html: string, name: string, reading: ReadingInfo, options: PageOptions): CleanedArticle {
  const virtualConsole = new VirtualConsole();
  const page = new JSDOM(html, { includeNodeLocations: true, virtualConsole });
  const document = page.window.document;
  if (!isProbablyReaderable(document))
    throw new ImportError(`${name}: found no article in this page (no run of paragraphs long enough); is it the article's own page?`);
  // Readability takes the document apart: give it a copy, and list what it left out from the original.
  const copy = new JSDOM(html, { virtualConsole }).window.document;
  // It keeps what sits inside the article's own block; ads and disclaimers often do, named as what they are.
  for (const element of copy.body.querySelectorAll('[class], [id]'))
    if (NAMED.some(([pattern, reason]) => INSIDE.has(reason) && pattern.test(`${element.getAttribute('class') ?? ''} ${element.id}`))) element.remove();
  const found = new Readability(copy).parse();
  if (!found?.content) throw new ImportError(`${name}: found no article in this page; is it the article's own page?`);

  const title = found.title?.trim() || document.title.trim();
  const [wanted, have] = [key(reading.title), key(title)];
  if (!options.force && !(have === wanted || have.includes(wanted) || (have.length > 10 && wanted.includes(have))))
    throw new ImportError(
      `${name}: the page's title "${title}" is not the reading's "${reading.title}"; is it the right article? (use --force to import it anyway)`,
    );

  const hast = fromHtml(found.content, { fragment: true });
  textOnly(hast);
  const tree = toMdast(hast) as Root;
  const blocks = tree.children.filter((node) => mdastText(node).trim() !== '');
  const warnings: string[] = [];
  const line = (node: Node) => page.nodeLocation(node)?.startLine ?? 0;

  // The author's bio, when the page prints it at the end of the article.
  let bio: CleanedArticle['bio'];
  const last = blocks.at(-1);
  const author = key(reading.author);
  if (last?.type === 'paragraph' && key(mdastText(last)).startsWith(author) && !/[\p{L}\p{N}]/u.test(key(mdastText(last)).charAt(author.length))) {
    const text = mdastText(last).replace(/\s+/g, ' ').trim();
    const element = [...document.querySelectorAll('p')].find((p) => key(p.textContent ?? '') === key(text));
    bio = { line: element ? line(element) : 0, text };
    blocks.pop();
  }
  tree.children = blocks;
  const markdown = blocks.map((block) =>
    remark()
      .stringify({ type: 'root', children: [block] })
      .trim(),
  );
  const paragraphs = blocks.map((block) => mdastText(block).replace(/\s+/g, ' ').trim());

  const removed: Removal[] = [];
  for (const element of document.querySelectorAll('script, style, noscript, template, link[rel=stylesheet]')) {
    const src = element.getAttribute('src') ?? element.getAttribute('href');
    const tag = element.localName === 'link' ? 'stylesheet' : element.localName;
    removed.push({ line: line(element), text: src ? `<${tag}> ${src}` : `<${tag}>`, reason: tag === 'noscript' || tag === 'template' ? 'not shown' : tag });
  }
  const kept = key(paragraphs.join(' '));
  const pageParts = { title, byline: found.byline ?? '' };
  for (const element of document.body.querySelectorAll('*')) {
    if (!BLOCKS.has(element.localName)) continue;
    const text = ownText(element);
    if (!text || kept.includes(key(text))) continue;
    if (bio && key(bio.text).includes(key(text))) continue;
    removed.push({ line: line(element), text, reason: partOf(element, pageParts) });
  }
  removed.sort((a, b) => a.line - b.line);

  if (found.byline && !key(found.byline).includes(author))
    warnings.push(`the page's byline "${found.byline.trim()}" does not name ${reading.author}; check it is the right article`);
  if (!bio) warnings.push(`no bio paragraph starting with "${reading.author}" at the end of the article; kept the reading's author.bio`);
  const tagList = pageTags(page);
  let tags: CleanedArticle['tags'];
  if (tagList) {
    tags = { line: tagList.line, ...segmentTags(tagList.tags, reading.tags) };
    for (const words of tags.unknown) warnings.push(`the page's tag "${words}" is none of the reading's tags; kept it`);
  } else warnings.push(`the page has no article:tag or keywords metadata; kept the reading's tags`);

  const result: CleanedArticle = { paragraphs, markdown, removed, warnings };
  if (bio) result.bio = bio;
  if (tags) result.tags = tags;
  return result;
}
