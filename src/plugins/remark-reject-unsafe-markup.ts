/**
 * remarkRejectUnsafeMarkup: refuse raw HTML and script links in a reading.
 *
 * Astro's Markdown pipeline passes raw HTML straight through (it runs
 * rehype-raw), and Markdown happily links to `javascript:` URLs. A reading's
 * text and notes come from people and from imported articles, so neither may
 * reach the page; dropping them silently would hide the problem. Run it after
 * the plugins that add note bodies, so their Markdown is checked too.
 *
 * Input: `Hello <b>x</b> [y](javascript:alert(1))` → problems
 * `raw HTML is not allowed … (line 1): <b>` and `a link to "javascript:alert(1)" is not allowed (line 1) …`;
 * inside a margin note, the problem names the note (`in note-nickel`).
 */
import type { Nodes, Root } from 'mdast';
import type {} from 'mdast-util-to-hast';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { report } from '../lib/reading-file.ts';
import { hasClass } from '../lib/mdast-element.ts';

export interface Options {
  /** Longest excerpt of the offending markup to quote in the error. Default: `60`. */
  excerptLength?: number;
  /** URL schemes a link or image may use; relative URLs and #fragments are always fine. Default: `['http', 'https', 'mailto']`. */
  schemes?: string[];
}

export default function remarkRejectUnsafeMarkup(options: Options = {}) {
  const excerptLength = options.excerptLength ?? 60;
  const schemes = new Set(options.schemes ?? ['http', 'https', 'mailto']);
  return (tree: Root, file: VFile) => {
    const found: string[] = [];
    /** Where a node is: its line in the file, or the note whose text holds it. */
    const check = (root: Nodes, note?: string) =>
      visit(root, (node) => {
        const hProperties = node.data?.hProperties;
        if (node !== root && hasClass(node, 'sidenote') && typeof hProperties?.id === 'string') {
          check(node, hProperties.id);
          return SKIP;
        }
        const where = note ? `in ${note}` : node.position ? `line ${node.position.start.line}` : 'in generated markup';
        if (node.type === 'html') {
          found.push(`raw HTML is not allowed in a reading, write Markdown instead (${where}): ${node.value.slice(0, excerptLength).replace(/\s+/g, ' ')}`);
        } else if (node.type === 'link' || node.type === 'image' || node.type === 'definition') {
          // biome-ignore lint/suspicious/noControlCharactersInRegex: deliberate: drop control characters and whitespace before reading the scheme, so one hidden inside (java\tscript:) is still caught
          const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(node.url.replace(/[\s\u0000-\u001f]/g, ''))?.[1]?.toLowerCase();
          if (scheme && !schemes.has(scheme))
            found.push(
              `${node.type === 'image' ? 'an' : 'a'} ${node.type} to "${node.url.slice(0, excerptLength)}" is not allowed (${where}): use ${[...schemes].join(', ')} or a relative URL`,
            );
        }
        return undefined;
      });
    check(tree);
    report(file, found);
  };
}
