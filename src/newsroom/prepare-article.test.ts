import { describe, expect, it } from 'vitest';
import { parseTime, prepareArticle } from './prepare-article.js';

const context = { now: new Date('2015-09-11T13:03:00Z'), newId: () => 'new-id' };
const base = { headline: 'China urges US', bodyHtml: '<p>Body</p>', section: 'World' };

describe('prepareArticle', () => {
  it('fills defaults: an id, published now, English', () => {
    expect(prepareArticle(base, context)).toMatchObject({
      id: 'new-id',
      status: 'published',
      publishedAt: '2015-09-11T13:03:00.000Z',
      updatedAt: '2015-09-11T13:03:00.000Z',
      language: 'en',
      priority: 0,
    });
  });

  it('sanitizes the body and keeps plain fields as text (escaped when printed)', () => {
    const write = prepareArticle(
      { ...base, headline: '<IBM>  raises\ndividend', bodyHtml: '<p onclick="x()">Hi<script>bad()</script></p>', byline: ' By Li ' },
      context,
    );
    expect(write.headline).toBe('<IBM> raises dividend');
    expect(write.bodyHtml).toBe('<p>Hi</p>');
    expect(write.byline).toBe('By Li');
  });

  it('indexes the headline, body and topics as terms', () => {
    const terms = prepareArticle({ ...base, topics: ['Cyber Security'] }, context).terms.map((t) => t.term);
    expect(terms).toEqual(expect.arrayContaining(['china', 'body', '#cyber-security']));
  });

  it.each([
    [{ headline: '  ' }, 'headline is required'],
    [{ headline: 'x'.repeat(301) }, 'headline is 301 characters'],
    [{ section: '' }, 'section is required'],
    [{ status: 'live' }, 'status must be one of'],
    [{ priority: 11 }, 'priority must be a whole number from 0 to 10'],
    [{ publishedAt: 'yesterday' }, 'publishedAt "yesterday" is not an ISO 8601 time'],
    [{ publishedAt: '2015-09-11T10:00:00Z', updatedAt: '2015-09-10T10:00:00Z' }, 'updatedAt is earlier than publishedAt'],
  ])('rejects %j', (override, message) => {
    expect(() => prepareArticle({ ...base, ...override } as typeof base, context)).toThrow(message);
  });

  it('reads times without an offset as UTC', () => {
    expect(parseTime('1987-02-26T15:01:01', 'date')).toBe('1987-02-26T15:01:01.000Z');
    expect(parseTime('2015-09-11T21:03:00+08:00', 'date')).toBe('2015-09-11T13:03:00.000Z');
    expect(parseTime('2012-07-06', 'date')).toBe('2012-07-06T00:00:00.000Z');
  });
});
