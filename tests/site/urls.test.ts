import { expect, test } from 'vitest';
import { annotationsPath, argumentPath, imagePath, readingPath, sitePath, siteUrl } from '../../src/site/urls.ts';

test('names every published path relative to the base, ending as the host serves it', () => {
  expect(readingPath('tea')).toBe('tea/');
  expect(argumentPath('tea', 'growers')).toBe('tea/growers/');
  expect(imagePath('tea')).toBe('tea/og.png');
  expect(imagePath('tea', 'growers')).toBe('tea/growers/og.png');
  expect(annotationsPath('tea')).toBe('tea/annotations.jsonld');
});

test('puts paths under the base path, written with or without its slashes', () => {
  expect(sitePath('/', 'tea/')).toBe('/tea/');
  expect(sitePath('/annotated/', 'tea/')).toBe('/annotated/tea/');
  expect(sitePath('/annotated', '/tea/')).toBe('/annotated/tea/');
  expect(sitePath('/annotated/', '')).toBe('/annotated/');
});

test('makes absolute URLs on the configured origin', () => {
  expect(siteUrl('https://gloss.example', '/annotated/', 'tea/og.png')).toBe('https://gloss.example/annotated/tea/og.png');
  expect(siteUrl(new URL('https://gloss.example'), '/', '')).toBe('https://gloss.example/');
});
