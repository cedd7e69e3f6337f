/**
 * The argument map of a reading as a tree: the thesis at the root, the
 * reasons under it in the frontmatter's order, and under each reason its
 * points. Every node carries the fragment of its place in the text, so the
 * map doubles as a table of contents; a point that a note challenges or
 * qualifies carries the numbers of those notes, as the reader sees them.
 * Beside the tree, the author's forecasts with how each has fared, linked to
 * their rows in the scored section.
 *
 * Pure: the reading's frontmatter and the outline its rendering recorded in,
 * plain data out, for `ArgumentMap.astro` to render as nested lists.
 */
import { STATUS_LABELS } from '../reading/forecasts.ts';
import { SECTION_IDS } from '../reading/markup.ts';
import { FORECAST_STATUSES, type ForecastStatus, type Reading } from '../reading/schema.ts';
import { sectionShare, type ReadingOutline } from '../reading/outline.ts';
import { reasonLabel } from '../reading/labels.ts';

/** A note that challenges or qualifies a point. */
/** A note whose figures challenge a point: its number, linked to the note. */
export interface Qualifier {
  number: number;
  /** The note itself. */
  href: string;
}

/** One of a reason's points, linked to where the text makes it. */
export interface MapPoint {
  text: string;
  /** Where the text makes the point: its note's marker, else the reason's section. */
  href: string;
  qualifiers: Qualifier[];
}

/** One reason: its heading, its claim, its share of the text and its points. */
export interface MapReason {
  id: string;
  /** 'Reason 2 of 3 · Geopolitical', as the section's heading says. */
  heading: string;
  claim: string;
  href: string;
  /** Percent of the text's words in this reason's section. */
  share: number;
  points: MapPoint[];
}

/** How many of the author's forecasts have one status ('4 held'). */
export interface ForecastTally {
  status: ForecastStatus;
  count: number;
  label: string;
}

/** The map above the text: the thesis, the reasons, and the forecasts counted by status. */
export interface ArgumentMap {
  thesis: { text: string; href: string };
  reasons: MapReason[];
  /** The forecasts by status, in the order of the statuses; the scored list itself is after the text. */
  forecasts: ForecastTally[];
}

/**
 * @example argumentMap(reading, outline)
 *   // => { thesis: { text: 'However irritated…', href: '#introduction' },
 *   //      reasons: [{ id: 'economic', heading: 'Reason 1 of 3 · Economic', href: '#economic', share: 31,
 *   //        points: [{ text: 'Russian metals…', href: '#note-aluminum-ref', qualifiers: [{ number: 9, href: '#note-nickel' }] }, …] }, …],
 *   //      forecasts: [{ claim: 'China will not…', status: 'held', statusLabel: 'Held', href: '#forecast-no-sanctions' }, …] }
 */
export function argumentMap(reading: Reading, outline: ReadingOutline): ArgumentMap {
  // The thesis is set up in the introduction.
  const introductionId = SECTION_IDS.introduction;
  const count = reading.arguments.length;
  const note = (id: string) => {
    const found = outline.notes[id];
    if (!found) throw new Error(`the outline has no note "${id}"`);
    return found;
  };
  // Without an introduction, the thesis is argued from the first section on.
  const thesisSection = outline.sections.some((s) => s.id === introductionId) ? introductionId : outline.sections[0]?.id;

  return {
    thesis: { text: reading.thesis, href: `#${thesisSection ?? introductionId}` },
    reasons: reading.arguments.map((argument, i) => ({
      id: argument.id,
      heading: reasonLabel(i, count, argument.label),
      claim: argument.claim,
      href: `#${argument.id}`,
      share: sectionShare(outline, argument.id),
      points: (argument.points ?? []).map((point) => {
        const qualifiedBy = point.qualifiedBy ?? [];
        // A point with no backing note is still made where its challenger anchors.
        const placedBy = point.note ?? qualifiedBy[0];
        return {
          text: point.text,
          href: placedBy ? `#${note(placedBy).marker}` : `#${argument.id}`,
          qualifiers: qualifiedBy.map((id) => ({ number: note(id).number, href: `#${note(id).target}` })).sort((a, b) => a.number - b.number),
        };
      }),
    })),
    forecasts: FORECAST_STATUSES.map((status) => ({
      status,
      count: reading.forecasts.filter((forecast) => forecast.status === status).length,
      label: STATUS_LABELS[status],
    })).filter((tally) => tally.count > 0),
  };
}
