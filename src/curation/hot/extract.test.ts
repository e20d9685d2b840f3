import { describe, expect, it } from 'vitest';
import { createTopicExtractor, leadOf } from './extract.js';
import { cleanText, decodeEntities, topicKey } from './normalize.js';

const extractor = createTopicExtractor();
const keys = (title: string, more: object = {}) => extractor.extractTopics({ id: 'a', title, ...more }).map((m) => m.key);

describe('normalisation', () => {
  it('counts variants of one name as one key', () => {
    expect(topicKey(cleanText('Beyonc&#233;'))).toBe('beyonce');
    expect(topicKey("Beyoncé's")).toBe('beyonce');
    expect(topicKey('Jay-Z')).toBe(topicKey('jay z'));
    expect(topicKey('ＶＩＰ'.normalize('NFKC'))).toBe('vip');
  });
  it('decodes entities and drops the aggregator ellipsis', () => {
    expect(decodeEntities('AT&amp;T &#x2014; &quot;x&quot;')).toBe('AT&T \u2014 "x"');
    expect(cleanText('Lindsay Lohan parties for 48 hours  ...')).toBe('Lindsay Lohan parties for 48 hours');
  });
});

describe('extractTopics (English)', () => {
  it('finds names and their shorter cuts, sharing one span', () => {
    const mentions = extractor.extractTopics({ id: 'a', title: "Fed's Charles Plosser sees high bar for tapering" });
    const plosser = mentions.filter((m) => m.key.includes('plosser'));
    expect(plosser.map((m) => m.key)).toEqual(expect.arrayContaining(['charles plosser', 'plosser']));
    expect(new Set(plosser.map((m) => m.span)).size).toBe(1);
    expect(mentions.find((m) => m.key === 'charles plosser')!.kind).toBe('entity');
    expect(keys('Fed sees high bar')).not.toContain('sees');
  });
  it('keeps multi-word names whole', () => {
    expect(keys('Bank of America profit jumps')).toContain('bank of america');
    expect(keys("Dick's Sporting Goods shares fall")).toContain('dick sporting goods');
    expect(keys('Men to buy Jos. A. Bank')).toContain('jos. a. bank');
    expect(keys('Jay-Z announces tour')).toContain('jay z');
  });
  it('names things, not clauses: a verb the tagger reads as a noun breaks the phrase', () => {
    const launch = keys('Tesla launches battery-swap network');
    expect(launch).toEqual(expect.arrayContaining(['tesla', 'battery swap network']));
    expect(launch.filter((k) => k.includes('launch'))).toEqual([]);
    // The subject may be a word the tagger read as a verb itself.
    const startUp = keys('Start-up launches battery-swap network for delivery e-scooters');
    expect(startUp).toContain('battery swap network');
    expect(startUp.filter((k) => k.includes('launch'))).toEqual([]);
    expect(keys('Mt. Gox files for bankruptcy protection')).toEqual(expect.arrayContaining(['mt. gox', 'bankruptcy protection']));
    expect(keys('Mt. Gox files for bankruptcy protection').filter((k) => k.includes('file'))).toEqual([]);
    expect(keys('Secrets rule Westeros in new trailer')).not.toContain('secret rule westeros');
    expect(keys('Libyan rebels say tanker carrying oil left port').filter((k) => k.includes('carrying'))).toEqual([]);
    // ...but a noun that could be a verb stays one when the verb comes after it, or when nothing does.
    expect(keys('China exports slump in March')).toContain('china export');
    expect(keys('Gas prices rise again')).toContain('gas price');
    expect(keys('Search for missing plane widens')).toContain('missing plane');
    expect(keys('Police investigate office shooting')).toContain('office shooting');
  });
  it('reads title-case and all-caps headlines in lower case too', () => {
    expect(keys('Parents Glued To Smartphones At Mealtime')).toContain('smartphone');
    expect(keys('Parents won\'t stop using smartphones')).toContain('smartphone');
    expect(keys('BAHIA COCOA REVIEW')).toContain('cocoa');
  });
  it('names events by their gerunds', () => {
    expect(keys('Shooting at accounting firm leaves woman dead')).toContain('shooting');
  });
  it('adds editors\' topics and the lead at half weight, one mention per key', () => {
    const mentions = extractor.extractTopics({
      id: 'a',
      title: 'Cocoa rains',
      body: 'Showers continued in the Bahia cocoa zone, alleviating the drought.',
      topics: ['Cocoa'],
    });
    expect(mentions.filter((m) => m.key === 'cocoa')).toHaveLength(1);
    expect(mentions.find((m) => m.key === 'cocoa')!.kind).toBe('editor');
    expect(mentions.find((m) => m.key === 'drought')!.inHeadline).toBe(false);
  });
  it('gives nothing for an empty article', () => {
    expect(extractor.extractTopics({ id: 'a', title: '' })).toEqual([]);
    expect(extractor.extractTopics({ id: 'a', title: '   ', body: null })).toEqual([]);
  });
  it('reads only the lead of a long body', () => {
    const lead = leadOf(`${'First sentence is here. '.repeat(10)}${'later words '.repeat(200)}`);
    expect(lead.length).toBeLessThanOrEqual(400);
    expect(lead.endsWith('.')).toBe(true);
  });
});

describe('extractTopics (Chinese)', () => {
  it('segments words and pairs them, folding full-width letters', () => {
    const k = keys('深圳地铁将设立ＶＩＰ头等车厢　买双倍票可享坐票');
    expect(k).toEqual(expect.arrayContaining(['深圳', '地铁', '深圳地铁', 'vip', '车厢']));
    expect(k).not.toContain('的');
  });
  it('is chosen by the language tag or by the script', () => {
    expect(keys('习近平会见奥巴马', { lang: 'zh' })).toContain('习近平');
    expect(keys('习近平会见奥巴马')).toContain('习近平');
  });
});
