/**
 * The safety stage: refuse raw HTML and script links in a reading.
 *
 * Astro's Markdown pipeline passes raw HTML straight through (it runs
 * rehype-raw), and Markdown happily links to `javascript:` URLs. A reading's
 * text and notes come from people and from imported articles, so neither may
 * reach the page; dropping them silently would hide the problem. Run it after
 * the plugins that add note bodies, so their Markdown is checked too.
 *
 * Input: `Hello <b>x</b> [y](javascript:alert(1))` → problems
 * `raw HTML is not allowed … (line 1): <b>` and `a link to "javascript:alert(1)" is not allowed (line 1) …`;
 * inside a note, the problem names the note (`in note-nickel`). A note's sources are not in the tree (its
 * handler renders them): the schema takes only http(s) addresses for them.
 */
import type { Nodes } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import type { ReadingState } from '../state.ts';

/** Longest excerpt of the offending markup to quote in the error. */
const EXCERPT_LENGTH = 60;
/** URL schemes a link or image may use; relative URLs and #fragments are always fine. */
const SCHEMES = new Set(['http', 'https', 'mailto']);

/** Record a problem for each piece of raw HTML and each link or image to a URL scheme not in SCHEMES. */
export function rejectUnsafeMarkup({ tree, problem }: ReadingState): void {
  /** Where a node is: its line in the file, or the note whose text holds it. */
  const check = (root: Nodes, note?: string) =>
    visit(root, (node) => {
      if (node !== root && (node.type === 'marginNote' || node.type === 'unplacedNote')) {
        check(node, node.noteElementId);
        return SKIP;
      }
      const where = note ? `in ${note}` : node.position ? `line ${node.position.start.line}` : 'in generated markup';
      // A note's Markdown is parsed apart, so its positions are not the file's.
      const place = note ? undefined : node.position;
      if (node.type === 'html') {
        problem(
          `raw HTML is not allowed in a reading, write Markdown instead (${where}): ${node.value.slice(0, EXCERPT_LENGTH).replace(/\s+/g, ' ')}`,
          'unsafe-markup',
          place,
        );
      } else if (node.type === 'link' || node.type === 'image' || node.type === 'definition') {
        // biome-ignore lint/suspicious/noControlCharactersInRegex: deliberate: drop control characters and whitespace before reading the scheme, so one hidden inside (java\tscript:) is still caught
        const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(node.url.replace(/[\s\u0000-\u001f]/g, ''))?.[1]?.toLowerCase();
        if (scheme && !SCHEMES.has(scheme))
          problem(
            `${node.type === 'image' ? 'an' : 'a'} ${node.type} to "${node.url.slice(0, EXCERPT_LENGTH)}" is not allowed (${where}): use ${[...SCHEMES].join(', ')} or a relative URL`,
            'unsafe-markup',
            place,
          );
      }
      return undefined;
    });
  check(tree);
}
