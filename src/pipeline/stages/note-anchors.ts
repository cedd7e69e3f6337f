/**
 * Where each frontmatter note anchors: the words it quotes, as a W3C Web
 * Annotation TextQuoteSelector does (`quote` = exact, plus optional
 * `prefix`/`suffix`), so the same notes anchor in our reader's edition and
 * in an imported full text. In a full text, a note whose words differ a
 * little is placed approximately, and one whose words are gone is unplaced.
 */
import type { BlockContent, FootnoteReference, Parent, Root } from 'mdast';
import type { Note } from '../../reading/schema.ts';
import { ids } from '../../reading/markup.ts';
import { textSegments } from '../mdast-text.ts';
import type { NoteKind, NoteSource } from '../nodes.ts';
import { splitGist, type Gist } from '../note-gist.ts';
import { describeSelector, locateApproximately, locateOnce, normalise } from '../quote-match.ts';
import type { ReadingState } from '../state.ts';

/** A note found in the text, before it is numbered. */
export interface Anchor {
  /** Its element's id (`note-oil`). */
  id: string;
  /** The frontmatter note's id; a footnote has none. */
  noteId?: string;
  /** How an error names it: `notes.0 (oil)`, or `footnote [^1]`. */
  where: string;
  /** The top-level block (a child of a section or of the root) holding it. */
  block: Parent;
  blockOrder: number;
  start: number;
  end: number;
  kind: NoteKind;
  /** The line always shown, and the rest of the note's text. */
  text: Gist;
  sources: NoteSource[];
  /** For footnotes: the reference node the marker replaces. */
  reference?: FootnoteReference;
  /** Placed approximately, in a full text whose words differ a little from the quote's. */
  approximate?: true;
}

/**
 * Anchor each frontmatter note in `blocks`; record every problem in
 * `problems`, and in a full text every placement (`state.placed`). Returns
 * the anchors and, in a full text, the notes that found no place.
 */
export function quoteAnchors(
  state: ReadingState,
  blocks: Parent[],
  parse: (markdown: string) => Root,
  problems: string[],
): { anchors: Anchor[]; unplaced: Note[] } {
  const texts = blocks.map((block) => normalise(textSegments(block).text));
  const anchors: Anchor[] = [];
  // A full text is the reader's own copy, maybe a later version of the article: a note that does not
  // find its exact words there is placed approximately, or listed after the text, and the page still builds.
  const full = state.reading.edition === 'full';
  const unplaced: Note[] = [];
  state.reading.notes.forEach((note, index) => {
    const selector = { exact: note.quote, prefix: note.prefix, suffix: note.suffix };
    const where = `notes.${index} (${note.id})`;
    const exactly = full ? undefined : locateOnce(texts, selector, where);
    const hit = exactly === undefined ? locateApproximately(texts, selector, where) : 'problem' in exactly ? exactly : { ...exactly, score: 1 };
    if ('problem' in hit && full) {
      unplaced.push(note);
      state.placed({ where, quote: note.quote, how: 'unplaced', score: 0 }, 'note', `${hit.problem}; listed after the text as unplaced`);
    } else if ('problem' in hit) problems.push(hit.problem);
    const score = 'problem' in hit ? 1 : hit.score;
    if (full && !('problem' in hit))
      state.placed(
        { where, quote: note.quote, how: score < 1 ? 'approximate' : 'exact', score },
        'note',
        score < 1 ? `${where}: quote ${describeSelector(selector)} placed approximately (score ${score.toFixed(2)})` : undefined,
      );
    const text = splitGist(parse(note.text).children as BlockContent[], note.gist === undefined ? undefined : (parse(note.gist).children as BlockContent[]));
    if (!text)
      problems.push(
        note.gist === undefined
          ? `${where}: text does not start with a paragraph, so it has no first sentence to show; add a gist`
          : `${where}: gist must be one line of text, not a list or a quote`,
      );
    if (!('problem' in hit) && text) {
      anchors.push({
        id: ids.note(note.id),
        noteId: note.id,
        where,
        block: blocks[hit.block]!,
        blockOrder: hit.block,
        start: hit.start,
        end: hit.end,
        kind: note.kind,
        text,
        sources: note.sources,
        ...(score < 1 ? { approximate: true } : {}),
      });
    }
  });
  return { anchors, unplaced };
}

/** Record a problem for each pair of anchors whose quotes overlap. */
export function findOverlaps(anchors: Anchor[], problems: string[]): void {
  const sorted = [...anchors].sort((a, b) => a.blockOrder - b.blockOrder || a.start - b.start);
  for (let i = 1; i < sorted.length; i++) {
    const [a, b] = [sorted[i - 1]!, sorted[i]!];
    if (a.block === b.block && b.start < a.end) problems.push(`${a.id} and ${b.id}: their quotes overlap; quote a shorter phrase`);
  }
}
