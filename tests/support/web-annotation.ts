/**
 * A small shape check of a W3C Web Annotation collection against the Web
 * Annotation Data Model (https://www.w3.org/TR/annotation-model/): the
 * properties it requires (MUST) or that we promise to give (creator,
 * created, body format), each with its type. Returns one line per problem,
 * naming where it is, e.g. `items[3].target.selector.exact: must be a non-empty string`.
 */

const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/** The motivations the model defines (§3.3.5). */
export const MOTIVATIONS = [
  'assessing',
  'bookmarking',
  'classifying',
  'commenting',
  'describing',
  'editing',
  'highlighting',
  'identifying',
  'linking',
  'moderating',
  'questioning',
  'replying',
  'tagging',
];

const AGENT_TYPES = ['Person', 'Organization', 'Software'];

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const isIri = (value: unknown) => typeof value === 'string' && /^[a-z][a-z0-9+.-]*:\S+$/i.test(value);
const isString = (value: unknown) => typeof value === 'string' && value.length > 0;
const hasType = (value: Json, type: string) => [value.type].flat().includes(type);
/** xsd:dateTime in UTC, as the model recommends: 2026-11-29T00:00:00Z. */
const isDateTime = (value: unknown) =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(value) && !Number.isNaN(Date.parse(value));

export function collectionProblems(collection: unknown): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, where: string, message: string) => ok || problems.push(`${where}: ${message}`);
  if (!isObject(collection)) return ['collection: must be a JSON object'];

  check([collection['@context']].flat().includes(ANNO_CONTEXT), '@context', `must include ${ANNO_CONTEXT}`);
  check(isIri(collection.id), 'id', 'must be an IRI');
  check(hasType(collection, 'AnnotationCollection'), 'type', 'must be AnnotationCollection');
  check(Number.isInteger(collection.total) && (collection.total as number) >= 0, 'total', 'must be a non-negative integer');
  if (collection.creator !== undefined) agentProblems(collection.creator, 'creator', check);
  if (collection.total === 0) return problems;

  const page = collection.first;
  if (!check(isObject(page), 'first', 'must be an embedded AnnotationPage') || !isObject(page)) return problems;
  check(isIri(page.id), 'first.id', 'must be an IRI');
  check(hasType(page, 'AnnotationPage'), 'first.type', 'must be AnnotationPage');
  check(collection.last === page.id || (isObject(collection.last) && collection.last.id === page.id), 'last', 'must name the only page');
  if (page.startIndex !== undefined) check(page.startIndex === 0, 'first.startIndex', 'must be 0 for the first page');
  if (!check(Array.isArray(page.items), 'first.items', 'must be a list') || !Array.isArray(page.items)) return problems;
  check(page.items.length === collection.total, 'total', `says ${collection.total} but the page holds ${page.items.length}`);

  const ids = new Set<unknown>();
  page.items.forEach((annotation: unknown, i: number) => {
    const at = `items[${i}]`;
    if (!check(isObject(annotation), at, 'must be an object') || !isObject(annotation)) return;
    check(isIri(annotation.id), `${at}.id`, 'must be an IRI');
    check(!ids.has(annotation.id), `${at}.id`, 'must be unique');
    ids.add(annotation.id);
    check(hasType(annotation, 'Annotation'), `${at}.type`, 'must be Annotation');
    check(
      [annotation.motivation].flat().every((m) => MOTIVATIONS.includes(m as string)),
      `${at}.motivation`,
      `must be one of ${MOTIVATIONS.join(', ')}`,
    );
    agentProblems(annotation.creator, `${at}.creator`, check);
    check(isDateTime(annotation.created), `${at}.created`, 'must be an xsd:dateTime such as 2026-11-29T00:00:00Z');

    const body = annotation.body;
    if (check(isObject(body), `${at}.body`, 'must be an embedded TextualBody') && isObject(body)) {
      check(hasType(body, 'TextualBody'), `${at}.body.type`, 'must be TextualBody');
      check(isString(body.value), `${at}.body.value`, 'must be a non-empty string');
      check(body.format === 'text/html', `${at}.body.format`, 'must be text/html');
    }

    const target = annotation.target;
    if (!check(isObject(target), `${at}.target`, 'must be a SpecificResource with a selector') || !isObject(target)) return;
    check(isIri(target.source), `${at}.target.source`, 'must be an IRI');
    const selector = target.selector;
    if (!check(isObject(selector), `${at}.target.selector`, 'must be an object') || !isObject(selector)) return;
    check(hasType(selector, 'TextQuoteSelector'), `${at}.target.selector.type`, 'must be TextQuoteSelector');
    check(isString(selector.exact), `${at}.target.selector.exact`, 'must be a non-empty string');
    for (const key of ['prefix', 'suffix'])
      if (selector[key] !== undefined) check(isString(selector[key]), `${at}.target.selector.${key}`, 'must be a non-empty string when present');
  });
  return problems;
}

function agentProblems(agent: unknown, where: string, check: (ok: boolean, where: string, message: string) => unknown) {
  if (!check(isObject(agent), where, 'must be an Agent object') || !isObject(agent)) return;
  check(
    AGENT_TYPES.some((type) => hasType(agent, type)),
    `${where}.type`,
    `must be one of ${AGENT_TYPES.join(', ')}`,
  );
  check(isString(agent.name), `${where}.name`, 'must be a non-empty string');
  if (agent.homepage !== undefined) check(isIri(agent.homepage), `${where}.homepage`, 'must be an IRI');
}
