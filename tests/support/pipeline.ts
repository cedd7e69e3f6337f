/**
 * Render Markdown through the same processor Astro builds the site with
 * (`readingRenderer`, from src/pipeline/processor.ts), taking the fixtures'
 * folder, tests/fixtures/readings, for the readings' folder.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { readingRenderer } from '../../src/pipeline/processor.ts';

/**
 * A reading's frontmatter as the tests change it: parsed YAML they reach into
 * at any depth, often to give a field a value the reading schema rejects.
 */
// biome-ignore lint/suspicious/noExplicitAny: tests reach into parsed YAML at any depth and break it on purpose; the schema under test is what types it
export type Frontmatter = Record<string, any>;

export const fixtureReadings = fileURLToPath(new URL('../fixtures/readings/', import.meta.url));
const processor = await readingRenderer({ readingsFolder: fixtureReadings });

/** Render `body` as if it were the file `path` (relative to the working directory) with this frontmatter. */
export async function render(body: string, frontmatter: Record<string, unknown>, path = 'tests/fixtures/readings/fixture.md') {
  const { code } = await processor.render(body, { frontmatter, fileURL: new URL(`file://${process.cwd()}/${path}`) });
  return code;
}

/** A reading file split as Astro splits it: raw YAML frontmatter and Markdown body. */
export async function readFixture(name: string): Promise<{ frontmatter: Record<string, unknown>; body: string }> {
  const text = await readFile(new URL(`../fixtures/readings/${name}`, import.meta.url), 'utf8');
  // As Astro does: blank out the frontmatter so line numbers are the file's.
  const { frontmatter, content } = parseFrontmatter(text, { frontmatter: 'empty-with-spaces' });
  return { frontmatter, body: content };
}

/** Render a fixture reading from tests/fixtures/readings, optionally changing its frontmatter or body first. */
export async function renderFixture(name: string, change: (reading: { frontmatter: Frontmatter; body: string }) => void = () => {}): Promise<string> {
  const reading = await readFixture(name);
  change(reading);
  return render(reading.body, reading.frontmatter, `tests/fixtures/readings/${name}`);
}

/**
 * The error a fixture's rendering fails with, or '' if it renders. Astro's
 * processor also logs the error; keep that out of the test output.
 */
export async function renderFailure(name: string, change: Parameters<typeof renderFixture>[1]): Promise<string> {
  const log = console.error;
  console.error = () => {};
  try {
    await renderFixture(name, change);
    return '';
  } catch (error) {
    return String(error);
  } finally {
    console.error = log;
  }
}

/**
 * Render a fixture reading (changed first, if asked) and return, besides its HTML, the frontmatter as
 * the plugins left it: what Astro hands the page as `remarkPluginFrontmatter`.
 */
export async function renderFixtureData(
  name: string,
  change: Parameters<typeof renderFixture>[1] = () => {},
): Promise<{ html: string; frontmatter: Record<string, unknown> }> {
  const reading = await readFixture(name);
  change(reading);
  const { frontmatter, body } = reading;
  const { code, metadata } = await processor.render(body, { frontmatter, fileURL: new URL(`file://${process.cwd()}/tests/fixtures/readings/${name}`) });
  return { html: code, frontmatter: metadata.frontmatter };
}
