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

  it('dates an undated record by the timestamp line its body opens with, and takes the headline from after it', () => {
    const input = corpusRecordToInput(
      { id: 'scraped-1', title: null, body: 'Posted August 2nd, 2013 at 5:19 pm\nEllen DeGeneres will host the Oscars again. Producers said so.', date: null },
      defaults,
    );
    expect(input.publishedAt).toBe('2013-08-02T17:19:00.000Z');
    expect(input.headline).toBe('Ellen DeGeneres will host the Oscars again.');
    expect(input.bodyHtml).toContain('Posted August 2nd, 2013');
  });

  it("keeps a record's own date and title over a timestamp line, and does not date by a sentence that mentions a day", () => {
    const dated = corpusRecordToInput({ id: 'a', title: 'Own title', body: 'May 5 2010 15:14\nThree people died.', date: '2010-05-06T08:00:00Z' }, defaults);
    expect(dated).toMatchObject({ headline: 'Own title', publishedAt: '2010-05-06T08:00:00Z' });
    const sentence = corpusRecordToInput({ id: 'b', body: 'The team fired its coach on December 13, 2008 after a loss.' }, defaults);
    expect(sentence.publishedAt).toBeNull();
    expect(sentence.headline).toBe('The team fired its coach on December 13, 2008 after a loss.');
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
