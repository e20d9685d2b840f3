import { describe, expect, it } from 'vitest';
import { corpusRecordToInput } from './corpus-record.js';

const defaults = { section: 'News' };

describe('corpus records', () => {
  it('maps a Reuters record', () => {
    const input = corpusRecordToInput(
      {
        id: 'reuters21578-1',
        title: 'BAHIA COCOA REVIEW',
        body: 'Showers continued\nthroughout the week.\n    Prices of <Cocoa Corp> rose.\n    Reuter',
        date: '1987-02-26T15:01:01',
        dateline: 'SALVADOR, Feb 26',
        author: null,
        source: 'Reuters',
        topics: ['cocoa'],
        people: [],
        orgs: ['ico-cocoa'],
        places: ['brazil'],
        lang: 'en',
      },
      defaults,
    );
    expect(input).toMatchObject({
      id: 'reuters21578-1',
      headline: 'BAHIA COCOA REVIEW',
      dateline: 'SALVADOR, Feb 26',
      source: 'Reuters',
      section: 'News',
      topics: ['cocoa', 'ico-cocoa'],
      publishedAt: '1987-02-26T15:01:01',
      status: 'published',
    });
    expect(input.bodyHtml).toBe('<p>Showers continued throughout the week.</p>\n<p>Prices of &lt;Cocoa Corp&gt; rose.</p>\n<p>Reuter</p>');
  });

  it('takes the section from category or section', () => {
    expect(corpusRecordToInput({ id: 1, title: 'T', category: 'business' }, defaults).section).toBe('business');
    expect(corpusRecordToInput({ id: 2, title: 'T', section: 'gongyi' }, defaults).section).toBe('gongyi');
  });

  it('makes a headline from the body when the title is missing', () => {
    expect(corpusRecordToInput({ id: 'e', title: null, body: 'Tara Reid entered rehab. More.' }, defaults).headline).toBe(
      'Tara Reid entered rehab.',
    );
  });

  it('derives a stable id from the content when the record has none', () => {
    const a = corpusRecordToInput({ title: 'T', body: 'B', date: '2014-03-10' }, defaults);
    const b = corpusRecordToInput({ title: 'T', body: 'B', date: '2014-03-10' }, defaults);
    expect(a.id).toMatch(/^sha-[0-9a-f]{24}$/);
    expect(a.id).toBe(b.id);
  });

  it.each([
    [[], 'line is not a JSON object'],
    [{ id: 'x' }, 'record has neither a title nor a body'],
    [{ id: 'x', title: 5 }, 'title must be a string'],
    [{ id: 'x', title: 'T', topics: 'cocoa' }, 'topics must be a list of strings'],
    [{ id: { a: 1 }, title: 'T' }, 'id must be a string or a number'],
  ])('rejects %j: %s', (record, message) => {
    expect(() => corpusRecordToInput(record, defaults)).toThrow(message);
  });
});
