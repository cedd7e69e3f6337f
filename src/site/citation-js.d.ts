/**
 * The few parts of citation-js that Gloss uses; its packages ship no types.
 * The plugins register themselves with the core when imported.
 */
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown);
    data: Record<string, unknown>[];
    format(format: 'bibliography', options: { format: 'text' | 'html'; template: string; lang: string }): string;
    format(format: 'bibtex' | 'biblatex' | 'ris' | 'data', options?: Record<string, unknown>): string;
  }
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
declare module '@citation-js/plugin-csl';
declare module '@citation-js/name' {
  /** "Andrew Latham" → { given: 'Andrew', family: 'Latham' }. */
  export function parse(name: string): Record<string, string> | undefined;
}
