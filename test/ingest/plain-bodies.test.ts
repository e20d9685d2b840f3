/** Every corpus body, made into paragraphs as the importer does, sanitizes without a parse to what a parse gives. */
import fs from 'node:fs';
import { expect, it } from 'vitest';
import { sanitizeBodyHtml, sanitizeByParsing } from '../../src/domain/sanitize.js';
import { plainTextToHtml } from '../../src/domain/text.js';
import { corpusFile } from '../support/corpus.js';

it.each(['reuters21578', 'bbc-news', 'ecbplus', 'sogou-news-zh'])('%s: plain paragraphs sanitize as the parse does', (corpus) => {
  const bodies = fs
    .readFileSync(corpusFile(corpus), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line).body as string | null)
    .filter((body): body is string => Boolean(body));
  expect(bodies.length).toBeGreaterThan(300);
  const differing = bodies.map(plainTextToHtml).filter((html) => sanitizeBodyHtml(html) !== sanitizeByParsing(html));
  expect(differing).toEqual([]);
});
