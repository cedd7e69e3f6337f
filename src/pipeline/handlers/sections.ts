/**
 * The handlers of the sections stage's markup: a `readingSection` becomes a
 * `<section>` with its header (heading, an argument's claim, permalink), and
 * a numbered paragraph ends in its permalink (¶).
 *
 * ```html
 * <section id="economic" class="argument" aria-labelledby="economic-title" data-argument="1">
 *   <header class="section-header argument-header"><h2 id="economic-title">Reason 1 of 1 · Economic</h2>
 *     <p class="argument-claim">…</p><a class="permalink" href="#economic" aria-label="Link to reason 1: Economic"
 *       data-where="reason 1: Economic">#</a></header>
 *   <p id="economic-1">First, in economics, China needs oil. <a class="pilcrow" href="#economic-1" aria-label="Link to paragraph 1 of reason 1: Economic">¶</a></p>
 * </section>
 * ```
 */
import type { Element, ElementContent } from 'hast';
import type { Paragraph } from 'mdast';
import { defaultHandlers, type State } from 'mdast-util-to-hast';
import { CLASSES, ids, linkLabel } from '../../reading/markup.ts';
import type { ReadingSection } from '../nodes.ts';
import { element, text } from './hast.ts';
import { markPart } from './parts.ts';
import { passage } from './notes.ts';

/** A section: its header, then its blocks; an argument's is a part other pages reuse. */
export function readingSection(state: State, node: ReadingSection): Element {
  const { sectionId: id, title, where, argument } = node;
  const header = element('header', { className: argument ? [CLASSES.sectionHeader, CLASSES.argumentHeader] : [CLASSES.sectionHeader] }, [
    element('h2', { id: ids.title(id) }, [text(title)]),
    ...(argument ? [element('p', { className: [CLASSES.argumentClaim] }, [text(argument.claim)])] : []),
    // `where` names the section for a listener, and the copy-link script names its button from it too.
    element('a', { className: [CLASSES.permalink], href: `#${id}`, ariaLabel: linkLabel(where), dataWhere: where }, [text('#')]),
  ]);
  const properties = argument
    ? { id, className: [CLASSES.argument], ariaLabelledBy: [ids.title(id)], dataArgument: String(argument.number) }
    : { id, className: [id], ariaLabelledBy: [ids.title(id)] };
  const result = element('section', properties, [header, ...state.all(node)]);
  if (argument) markPart(result, { kind: 'section', id });
  state.patch(node, result);
  return state.applyData(node, result);
}

/** A paragraph, as mdast-util-to-hast renders it; one holding notes is a passage, and a numbered one ends in its permalink. */
export function paragraph(state: State, node: Paragraph): ElementContent {
  const result = passage(node, defaultHandlers.paragraph(state, node));
  const permalink = node.data?.permalink;
  if (permalink && result.type === 'element')
    result.children.push(
      text(' '),
      element('a', { className: [CLASSES.pilcrow], href: `#${permalink.id}`, ariaLabel: linkLabel(permalink.name) }, [text('¶')]),
    );
  return result;
}
