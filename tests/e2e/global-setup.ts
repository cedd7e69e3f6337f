/**
 * Build the site twice, as a host at the root and as a GitHub Pages project
 * site under /annotated/, and serve both over HTTP for the browser tests. It
 * holds the committed readings and the fixture readings (`siteReadings`),
 * one of them with a full text imported from a later copy (`importLaterCopy`).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { findChromium, NO_CHROMIUM } from '../support/browser.ts';
import { build, importLaterCopy, projectWith, siteReadings } from '../support/project.ts';
import { serveStatic, type StaticSite } from '../support/static-server.ts';

export const SITES = [
  { name: 'root', base: '/' },
  { name: 'sub-path', base: '/annotated/' },
] as const;

/** The origin both builds are configured for (GLOSS_SITE): their canonical and absolute URLs use it. */
export const SITE_ORIGIN = 'https://gloss.example';

declare module 'vitest' {
  export interface ProvidedContext {
    sites: { name: string; base: string; url: string; dir: string; origin: string }[];
  }
}

export default async function setup(project: TestProject) {
  if (!findChromium()) throw new Error(NO_CHROMIUM);
  const work = await mkdtemp(path.join(tmpdir(), 'gloss-e2e-'));
  // The committed readings and the fixture readings, one with a full text: the gates walk every page of it.
  const copy = await projectWith(await siteReadings());
  await importLaterCopy(copy);
  const servers: StaticSite[] = [];
  const sites = [];
  for (const site of SITES) {
    const outDir = path.join(work, site.name);
    // Sequential: both builds share the copy's content cache.
    const result = await build(copy, outDir, { GLOSS_BASE: site.base, GLOSS_SITE: SITE_ORIGIN });
    if (result.code !== 0) throw new Error(`astro build (${site.name}) failed:\n${result.output}`);
    const server = await serveStatic(outDir, site.base);
    servers.push(server);
    sites.push({ ...site, url: server.url, dir: outDir, origin: SITE_ORIGIN });
  }
  project.provide('sites', sites);
  return async () => {
    await Promise.all(servers.map((server) => server.close()));
    await rm(work, { recursive: true, force: true });
    await rm(copy, { recursive: true, force: true });
  };
}
