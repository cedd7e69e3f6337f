/** The reading's citations to download, generated from its frontmatter: /<reading>/cite.bib, cite.ris and cite.json (CSL-JSON). */
import type { APIRoute } from 'astro';
import { citationItems } from '../../site/citation.ts';
import { CITATION_FILES, citationFile } from '../../site/citation-files.ts';
import { citationFilePaths, type CitationFileProps } from '../../site/reading-pages.ts';

export const getStaticPaths = citationFilePaths;

export const GET: APIRoute = ({ props, site }) => {
  const { entry, extension } = props as CitationFileProps;
  const items = citationItems(entry, { site: site!, base: import.meta.env.BASE_URL });
  const type = CITATION_FILES.find((file) => file.extension === extension)!.type;
  return new Response(citationFile(items, extension), { headers: { 'Content-Type': type } });
};
