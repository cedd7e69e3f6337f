/**
 * A note's gist: the one line a reader always sees. The rest of the note
 * opens on demand, so the gist and the rest must not repeat each other.
 *
 * With a `gist:` in the frontmatter, the gist is that line and the rest is
 * the whole text. Without one, the gist is the text's first sentence and the
 * rest is what follows it, cut in the Markdown tree so that emphasis and
 * links on either side of the cut keep their markup.
 */
import type { BlockContent, Paragraph, PhrasingContent } from 'mdast';
import { splitInline, textSegments } from './mdast-text.ts';

/** A note's text split: the line always shown, and the rest. */
export interface Gist {
  gist: PhrasingContent[];
  rest: BlockContent[];
}

/**
 * Words that end in a full stop without ending a sentence ("No. 2", "U.S.
 * forces", "St. Paul", "e.g. this"). Err towards a longer gist: a sentence
 * cut too early would read as nonsense.
 */
const ABBREVIATION =
  /(?:^|[\s(])(?:[A-Z]|[A-Z]\.[A-Z]|No|Nos|Mr|Mrs|Ms|Dr|St|Mt|Jr|Sr|vs|cf|approx|ca|c|e\.g|i\.e|etc|Inc|Co|Corp|Ltd|Gen|Col|Sen|Rep|Gov|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|p|pp|vol|fig)\.$/;

/**
 * Where the first sentence of `text` ends (just after its punctuation and any
 * closing quote or bracket), or `text.length` if it has one sentence only.
 *
 * @example firstSentenceEnd('Oil rose. Gas fell.') // => 9
 */
export function firstSentenceEnd(text: string): number {
  const boundary = /[.!?]["'”’)\]]*(?=\s+["'“‘([]?[A-Z0-9])/g;
  for (let match = boundary.exec(text); match; match = boundary.exec(text)) {
    const end = match.index + match[0].length;
    if (text[match.index] === '.' && ABBREVIATION.test(text.slice(0, match.index + 1))) continue;
    return end;
  }
  return text.length;
}

/**
 * Split a note into its gist and the rest.
 *
 * @param body the note's `text`, parsed as Markdown blocks
 * @param gist the note's `gist`, parsed, when the frontmatter gives one
 * @returns undefined when there is no gist to give: no `gist:` and a text
 *   that does not start with a paragraph (a list, a quote)
 */
export function splitGist(body: BlockContent[], gist?: BlockContent[]): Gist | undefined {
  if (gist) {
    const line = gist[0];
    return line?.type === 'paragraph' ? { gist: line.children, rest: body } : undefined;
  }
  const [first, ...others] = body;
  if (first?.type !== 'paragraph') return undefined;
  const end = firstSentenceEnd(textSegments(first).text);
  const [sentence, after] = splitInline(first.children, end);
  trimStart(after);
  const rest: BlockContent[] = after.length ? [{ type: 'paragraph', children: after } satisfies Paragraph, ...others] : others;
  return { gist: sentence, rest };
}

/** Drop the space left at the start of inline content after a cut. */
function trimStart(children: PhrasingContent[]) {
  while (children.length) {
    const first = children[0]!;
    if (first.type === 'text') {
      first.value = first.value.trimStart();
      if (first.value) return;
      children.shift();
    } else if ('children' in first) {
      trimStart(first.children as PhrasingContent[]);
      if (first.children.length) return;
      children.shift();
    } else return;
  }
}
