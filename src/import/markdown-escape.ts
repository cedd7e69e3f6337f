/**
 * Write a paragraph of someone else's plain text as Markdown that renders as
 * exactly the same words: nothing in it may turn into markup.
 *
 * CommonMark lets a backslash escape any ASCII punctuation, and an escaped
 * character always renders as itself, so every character that could open a
 * construct is escaped: emphasis (`*`, `_`), code (`` ` ``), links, images
 * and footnotes (`[`, `]`), raw HTML and autolinks (`<`), character
 * references (`&amp;`), GFM strikethrough (`~`) and tables (`|`), and the
 * block markers a line may start with (`#`, `>`, `-`, `+`, `=`, `:`, `1.`, `1)`).
 * Each line is trimmed, so that indentation cannot make a code block and
 * trailing spaces no hard break; the line breaks themselves are kept, so
 * nothing is re-wrapped.
 *
 * The one construct escaping cannot stop is GFM's linking of bare web and
 * e-mail addresses: such an address still renders as its own words, as a
 * link to itself.
 *
 * @example escapeMarkdown('# 1 *big* <b>deal</b>') // => '\\# 1 \\*big\\* \\<b>deal\\</b>'
 */

/** Characters that open inline constructs wherever they stand. */
const INLINE = /[\\`*_[\]<~|]/g;
/** `&` only matters when it starts a character reference such as `&amp;` or `&#169;`. */
const REFERENCE = /&(?=#?[A-Za-z0-9]+;)/g;
/** Block markers at the start of a line: headings, quotes, lists, setext underlines and rules, table delimiter rows (`:--`). */
const LINE_START = /^[#>+=:-]/;
const ORDERED = /^(\d{1,9})([.)])/;
/**
 * GFM's parser reads bare web and e-mail addresses (`https://…`, `www.…`,
 * `a@example.org`) as links before any escape inside them is resolved, so a
 * backslash there would show. Breaking their start (`https\\://`, `www\\.`,
 * `a\\@b`) keeps the parser out; GFM then links the address from the
 * resolved text, with exactly its own words, over http(s) or mailto only.
 */
const SCHEME = /(?<![A-Za-z])(https?):(?=\/\/)/gi;
const WWW = /\b(www)\./gi;
const EMAIL_AT = /(?<=[\w.+-])@/g;

const escapeText = (text: string) =>
  text.replace(INLINE, '\\$&').replace(REFERENCE, '\\&').replace(SCHEME, '$1\\:').replace(WWW, '$1\\.').replace(EMAIL_AT, '\\@');

/** Escape one line of text (trimmed) so that it renders as itself. */
export function escapeLine(line: string): string {
  const out = escapeText(line.trim());
  if (LINE_START.test(out)) return `\\${out}`;
  return out.replace(ORDERED, '$1\\$2');
}

/** Escape a paragraph line by line; blank lines are dropped so it stays one paragraph. */
export function escapeMarkdown(paragraph: string): string {
  return paragraph
    .split(/\r\n|\r|\n/)
    .map(escapeLine)
    .filter((line) => line !== '')
    .join('\n');
}
