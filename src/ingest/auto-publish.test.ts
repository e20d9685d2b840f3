import { describe, expect, it } from 'vitest';
import { containsKeyword, parseRules, routeItem } from './auto-publish.js';

const item = (over: Partial<Parameters<typeof routeItem>[0]> = {}) => ({
  headline: 'Strong earthquake hits northern Chile',
  text: 'A magnitude 7.1 quake struck off the coast on Tuesday.',
  subjects: ['Disasters'],
  priority: 3,
  ...over,
});

describe('routeItem', () => {
  it('publishes everything from a trusted source, in its section', () => {
    expect(routeItem(item(), { trust: 'publish', section: 'World', rules: [] })).toEqual({ action: 'publish', section: 'World', rule: null });
  });

  it('queues a queued source\'s item that no rule matches', () => {
    const rules = [{ section: null, minPriority: 6, keywords: [] }];
    expect(routeItem(item(), { trust: 'queue', section: 'World', rules })).toEqual({ action: 'queue' });
  });

  it('publishes by the first matching rule, into its section', () => {
    const rules = [
      { section: 'Sport', minPriority: null, keywords: ['football'] },
      { section: 'Disasters', minPriority: 3, keywords: ['earthquake', 'flood'] },
    ];
    expect(routeItem(item(), { trust: 'queue', section: 'World', rules })).toEqual({ action: 'publish', section: 'Disasters', rule: 1 });
  });

  it('needs every condition of a rule: priority and a keyword', () => {
    const rules = [{ section: null, minPriority: 6, keywords: ['earthquake'] }];
    expect(routeItem(item({ priority: 3 }), { trust: 'queue', section: 'World', rules }).action).toBe('queue');
    expect(routeItem(item({ priority: 8 }), { trust: 'queue', section: 'World', rules })).toEqual({ action: 'publish', section: 'World', rule: 0 });
  });

  it('matches keywords in the subjects too', () => {
    const rules = [{ section: null, minPriority: null, keywords: ['disasters'] }];
    expect(routeItem(item({ headline: 'Quake', text: '' }), { trust: 'queue', section: 'World', rules }).action).toBe('publish');
  });
});

describe('containsKeyword', () => {
  it.each([
    ['Earthquake hits Chile', 'earthquake', true],
    ['Earthquakes hit Chile', 'earthquake', false],
    ['The Xi–Obama summit', 'xi', true],
    ['Taxi drivers strike', 'xi', false],
    ['Zürich bank fined', 'zurich', true],
    ['New York Stock Exchange closes', 'stock exchange', true],
    ['国家主席习近平会见美国总统', '习近平', true],
    ['Fed raises rates by 0.25%', '0.25', true],
    ['anything', '   ', false],
  ])('%s / %s → %s', (text, keyword, expected) => {
    expect(containsKeyword(text, keyword)).toBe(expected);
  });
});

describe('parseRules', () => {
  it('reads rules from an editor\'s form: comma-separated keywords, blank fields as none', () => {
    expect(parseRules([{ section: ' Sport ', minPriority: '6', keywords: 'football, rugby ,' }, { section: '', minPriority: '' }])).toEqual([
      { section: 'Sport', minPriority: 6, keywords: ['football', 'rugby'] },
      { section: null, minPriority: null, keywords: [] },
    ]);
  });

  it.each([
    ['not a list', {}, 'rules must be a list'],
    ['a rule that is not an object', [3], 'rule 1 must be an object'],
    ['a priority out of range', [{ minPriority: 11 }], 'rule 1: minPriority must be a whole number from 0 to 10'],
    ['a priority that is not a number', [{ minPriority: 'high' }], 'rule 1: minPriority must be a whole number from 0 to 10'],
    ['keywords that are not text', [{}, { keywords: [1] }], 'rule 2: keywords must be text'],
    ['a section that is not text', [{ section: 5 }], 'rule 1: section must be text'],
  ])('refuses %s', (_case, value, message) => {
    expect(() => parseRules(value)).toThrow(message);
  });
});
