/**
 * Field by field, for representative samples of each format (values checked by eye against the files in the shared
 * wire-samples corpus, which is read from disk and never copied into the repository).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseWireDocument, type ParsedDocument, type WireItem } from './index.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const dataDir = process.env.NEWSDESK_SHARED_DATA
  ? path.resolve(process.env.NEWSDESK_SHARED_DATA)
  : path.resolve(repoRoot, '../shared/data');
const samplesDir = path.join(dataDir, 'wire-samples');

function parseSample(rel: string): ParsedDocument {
  return parseWireDocument(fs.readFileSync(path.join(samplesDir, rel)));
}

function item(rel: string, index = 0): WireItem {
  const doc = parseSample(rel);
  expect(doc.errors).toEqual([]);
  const found = doc.items[index];
  if (!found) throw new Error(`${rel} has no item ${index}`);
  return found;
}

describe('RSS', () => {
  it('reads a Guardian RSS 2.0 item (dc:creator, categories, media:content)', () => {
    const doc = parseSample('rss/rss-parser/guardian.rss');
    expect(doc.format).toBe('rss');
    expect(doc.items).toHaveLength(55);
    const first = doc.items[0] as WireItem;
    expect(first).toMatchObject({
      guid: 'https://www.theguardian.com/us-news/2018/jan/31/donald-trump-state-of-the-union-address-unity-discord',
      headline: 'Trump State of the Union address promised unity but emphasized discord',
      byline: 'David Smith in Washington',
      publishedAt: '2018-01-31T07:26:05.000Z',
      language: 'en-gb',
      link: 'https://www.theguardian.com/us-news/2018/jan/31/donald-trump-state-of-the-union-address-unity-discord',
      version: null,
      urgency: null,
    });
    expect(first.bodyHtml.startsWith('<p>The president’s ‘new American moment’ speech')).toBe(true);
    expect(first.subjects).toEqual(expect.arrayContaining(['Donald Trump', 'US politics', 'State of the Union address']));
    expect(first.images[0]?.url).toContain('w=460'); // the larger of the two media:content renditions first
    expect(first.images[0]?.credit).toBe('Photograph: Networ/Sipa USA/REX/Shutterstock');
  });

  it('prefers content:encoded for the body and keeps the description as the standfirst (WordPress WXR)', () => {
    const wxr = item('rss/superdesk/wordpress_wxr_thumb.xml');
    expect(wxr).toMatchObject({ headline: 'test', bodyHtml: '<p>content</p>', standfirst: 'this is a description', byline: 'toto' });
    expect(wxr.publishedAt).toBe('2017-08-30T15:09:47.000Z');

    const funke = item('rss/superdesk/wordpress_wxr_funke.xml');
    expect(funke).toMatchObject({
      guid: 'https://funkygames.de/?p=6277',
      headline: 'Löst einen Mord in Mysterium Secrets & Lies',
      byline: 'Marion',
      publishedAt: '2017-12-02T15:43:50.000Z',
      language: 'de-DE',
      link: 'https://funkygames.de/mysterium-secrets-lies/',
    });
    expect(funke.bodyHtml.startsWith('<strong>[dropcap]M[/dropcap]ysterium Secrets &amp; Lies')).toBe(true);
    expect(funke.subjects).toContain('Mysterium Secrets & Lies'); // an HTML-escaped category, decoded
  });

  it('reads RSS 0.91 with a hard-wrapped plain-text description as one paragraph', () => {
    const doc = parseSample('rss/feed-rs/rss0/rss_0.91_spec_1.xml');
    expect(doc.items).toHaveLength(2);
    expect(doc.items[0]).toMatchObject({
      guid: 'http://writetheweb.com/read.php?item=24',
      headline: 'Giving the world a pluggable Gnutella',
      bodyHtml:
        '<p>WorldOS is a framework on which to build programs that work like Freenet or Gnutella -allowing distributed applications using peer-to-peer routing.</p>',
      language: 'en-us',
      publishedAt: null,
    });
  });
});

describe('RSS 1.0 (RDF)', () => {
  it('reads items beside the channel', () => {
    const doc = parseSample('rdf/feed-rs/rss1/rss_1.0_spec_1.xml');
    expect(doc.format).toBe('rdf');
    expect(doc.items.map((i) => i.headline)).toEqual(['Processing Inclusions with XSLT', 'Putting RDF to Work']);
    expect(doc.items[0]?.link).toBe('http://xml.com/pub/2000/08/09/xslt/xslt.html');
    expect(doc.items[0]?.bodyHtml.startsWith('<p>Processing document inclusions with general XML tools can be problematic.')).toBe(true);
  });

  it('reads dc:date and the channel language (Craigslist)', () => {
    const doc = parseSample('rdf/rss-parser/craigslist.rss');
    expect(doc.items).toHaveLength(25);
    expect(doc.items[0]).toMatchObject({
      guid: 'http://sfbay.craigslist.org/eby/apa/6186664607.html',
      headline: 'Bright, Spacious Beautiful Victorian (oakland north / temescal) $4300 3bd 1930ft2',
      publishedAt: '2017-06-21T17:33:10.000Z', // 10:33:10-07:00
      language: 'en-us',
      source: null, // dc:source is a URL here, not a name
    });
  });
});

describe('Atom', () => {
  it('reads an XHTML content entry with author, published and updated', () => {
    expect(item('atom/feed-rs/atom/atom_example_1.xml')).toMatchObject({
      guid: 'tag:example.org,2003:3.2397',
      headline: 'Atom draft-07 snapshot',
      bodyHtml: '<p> <i>[Update: The Atom draft is finished.]</i> </p>',
      byline: 'Mark Pilgrim',
      publishedAt: '2003-12-13T12:29:29.000Z', // 08:29:29-04:00
      updatedAt: '2005-07-31T12:29:29.000Z',
      language: 'en',
      link: 'http://example.org/2005/04/02/atom',
    });
  });

  it('reads HTML content and category terms (FeedBurner/Blogger)', () => {
    const doc = parseSample('atom/rss-parser/feedburner.atom');
    expect(doc.items).toHaveLength(25);
    const first = doc.items[0] as WireItem;
    expect(first).toMatchObject({
      headline: 'AdWords and DFP Java client library will soon require Java 7+',
      byline: 'Google Ads Developer Advisor',
      publishedAt: '2016-06-03T14:38:00.000Z',
      updatedAt: '2016-06-03T14:38:22.568Z',
    });
    expect(first.subjects).toEqual(['adwords_api', 'client_libraries', 'dfp_api']);
    expect(first.bodyHtml.startsWith('<div dir="ltr"')).toBe(true);
  });

  it('reads an agency Atom feed (WENN)', () => {
    const doc = parseSample('atom/superdesk/wenn.xml');
    expect(doc.items).toHaveLength(2);
    expect(doc.items[0]).toMatchObject({
      guid: 'urn:feed-wenn-com:newsfeedarticle:2:2222:1',
      headline: 'Suge Knight involved in fatal hit and run incident',
      bodyHtml: '<p>This is body content1.</p>',
      subjects: ['Music'],
      publishedAt: '2015-01-30T00:33:06.000Z',
    });
  });
});

describe('JSON Feed', () => {
  it('reads a 1.1 item: authors over author, tags, feed language, an RFC 822 date, no id', () => {
    const first = item('jsonfeed/feed-rs/jsonfeed_elastic_1.1.json');
    expect(first).toMatchObject({
      headline: 'InfluxDB vs. Graphite for Time Series Data & Metrics Benchmark',
      byline: 'Chris Churilo, Fake Author 1',
      language: 'en-US',
      subjects: ['InfluxDB', 'Community', 'Elasticsearch', 'Time Series Database'],
      publishedAt: '2019-05-31T19:17:58.000Z',
    });
    expect(first.guid).toMatch(/^sha-[0-9a-f]{24}$/);
  });

  it('reads summary as the standfirst beside content_html (podcast)', () => {
    expect(item('jsonfeed/jsonfeed-schema/v1.1/podcast.json')).toMatchObject({
      guid: 'http://therecord.co/chris-parrish',
      headline: 'Special #1 - Chris Parrish',
      standfirst: 'Brent interviews Chris Parrish, co-host of The Record and one-half of Aged & Distilled.',
      publishedAt: '2014-05-09T21:04:00.000Z',
      link: 'http://therecord.co/chris-parrish',
    });
  });

  it('reads 1.0 author and untitled microblog items', () => {
    expect(item('jsonfeed/JsonFeed.NET/DaringFireballBlog.json').byline).toBe('John Gruber');
    const micro = item('jsonfeed/jsonfeed-schema/v1/microblog.json');
    expect(micro.headline).toBe('Cats are neat.');
    expect(micro.bodyHtml).toContain('Cats are neat.');
  });
});

describe('ninjs', () => {
  it('reads 1.x (Superdesk): embargo, version, subjects, description, featuremedia', () => {
    const it1 = item('ninjs/superdesk/ninjs_embargoed.json');
    expect(it1).toMatchObject({
      guid: 'fd8e441b-a698-4411-9246-7d5de21cced9',
      version: 11,
      headline: 'Trouble is brewing for the future of beer',
      byline: 'Aaron J. Staples, Michigan State University',
      slugline: 'Climate-smart food',
      subjects: ['global warming', 'agriculture'],
      embargoUntil: '2022-06-29T02:30:00.000Z',
      publishedAt: '2022-06-20T23:20:35.000Z',
      updatedAt: '2022-06-26T23:54:25.000Z',
      standfirst:
        'Brewers are pursuing solutions to reduce water usage, encourage more sustainable farming, limit material use, and power facilities with clean energy.',
      source: '360info',
    });
    expect(it1.bodyHtml.startsWith('<p>What does torched earth taste like?')).toBe(true);
    expect(it1.images[0]).toMatchObject({ alt: 'Ekegs in Manchester', credit: 'Photograph by Pea, available at https://bit.ly/3Najj58' });
    expect(it1.images[0]?.url).toContain('9eba8c38'); // the "original" rendition
  });

  it('reads 2.x: headlines[], bodies[], by, urgency, version (dpa)', () => {
    const dpa = item('ninjs/iptc-examples/2.1/dpa_text.json');
    expect(dpa).toMatchObject({
      guid: 'urn:newsml:dpa.com:20090101:190510-99-167362',
      version: 2,
      headline: 'Faktencheck Derby-Elfmeter: Hat Schiedsrichter Zwayer recht?',
      byline: 'Von Christian Hollmann, dpa',
      urgency: 4,
      language: 'de',
      updatedAt: '2019-05-10T14:02:28.000Z',
      source: 'dpa',
    });
    expect(dpa.bodyHtml.startsWith('<section class="main"><p>Für Lucien Favre')).toBe(true);
  });

  it('reads 3.x camelCase: versionCreated, located, an XHTML body', () => {
    expect(item('ninjs/iptc-doc-examples/3.1/005_complex_text_article.json')).toMatchObject({
      guid: 'http://ninjs.example.com/newsitems/20130709med123',
      headline: 'Captain of wrecked cruise ship on trial in Italy',
      byline: "Paulo Santalucia and Frances d'Emilio",
      located: 'Grossetto, Italy',
      updatedAt: '2013-07-09T10:37:00.000Z',
    });
    expect(item('ninjs/iptc-doc-examples/3.1/005_complex_text_article.json').bodyHtml).toMatch(/^<p>GROSSETO, Italy \(AP\) -- /);
  });

  it('reads the { item: [...] } list wrapper (BBC)', () => {
    expect(item('ninjs/superdesk/bbc-ninjs-text-test.json')).toMatchObject({
      guid: 'https://www.example.com//12345',
      headline: 'advisory',
      bodyHtml: '<p><strong>body</strong></p>',
      standfirst: 'LDRS WALES v.1',
      subjects: ['Planning Permission'],
      urgency: 3,
    });
  });

  it('reports events as not news content', () => {
    expect(parseSample('ninjs/iptc-doc-examples/3.1/008_event.json').errors[0]?.message).toMatch(/ninjs event item, not news content/);
  });
});

describe('NewsML-G2', () => {
  it('reads a dpa embargoed item: embargo, urgency, dateline, creditline, subjects', () => {
    const dpa = item('newsml-g2/dpa-digitalwires/embargoed.xml');
    expect(dpa).toMatchObject({
      guid: 'urn:newsml:dpa.com:20090101:250123-930-353124',
      version: 1,
      headline: 'Steinmeier: Russland zerstört kulturelles Erbe der Ukraine',
      dateline: 'Berlin (dpa)',
      urgency: 4,
      language: 'de',
      source: 'dpa',
      embargoUntil: '2025-01-23T18:00:00.000Z', // 19:00+01:00
      updatedAt: '2025-01-23T13:10:47.000Z',
      byline: null, // the creator is a user name, not a byline
    });
    expect(dpa.subjects).toEqual(expect.arrayContaining(['Ausstellungen', 'Krieg', 'Berlin']));
    expect(dpa.bodyHtml.startsWith('<p class="teaser">Eine Ausstellung in Berlin')).toBe(true);
    expect(dpa.bodyHtml).not.toContain('<h1>'); // the XHTML header (slugline, headline) is left out
  });

  it('reads the IPTC text example: NITF body and byline, slugline, located, infoSource', () => {
    const g2 = item('newsml-g2/iptc-examples/LISTING_2_NewsML-G2_Text_Document.xml');
    expect(g2).toMatchObject({
      guid: 'urn:newsml:acmenews.com:20161121:US-FINANCE-FED',
      version: 11,
      headline: 'Fed to halt QE to avert "bubble"',
      slugline: 'US-Finance-Fed',
      located: 'New York, NY',
      byline: 'By Meredith Jameson', // NITF byline without its <byttl>
      language: 'en-US',
      subjects: ['economy, business and finance', 'central bank', 'money and monetary policy'],
      publishedAt: '2016-11-21T20:21:06.000Z',
      updatedAt: '2018-11-21T21:25:32.000Z',
      source: 'Associated Press',
    });
    expect(g2.bodyHtml.startsWith('<p>(New York, NY - October 21) Et, sent luptat luptat, commy Nim')).toBe(true);
  });

  it('reads every newsItem of an AP newsMessage', () => {
    const doc = parseSample('newsml-g2/superdesk/ap.xml');
    expect(doc.items.map((i) => i.guid)).toEqual([
      'tag:ap.org,2011:5e565888b587889c5c8bd62b6164118c-text',
      expect.stringMatching(/^tag:ap\.org,2011:b6d5d4eb/),
      expect.stringMatching(/^tag:ap\.org,2011:/),
    ]);
    expect(doc.items[0]).toMatchObject({ dateline: 'FORT WASHINGTON, Pa.', urgency: 4, slugline: 'BC-US--Earns-Nutrisystem, 1st Ld-Writethru' });
  });

  it('attaches a packaged picture to its text item (TT, no namespace)', () => {
    const doc = parseSample('newsml-g2/newsinjson/TT_newsmlg2_sample.xml');
    expect(doc.items).toHaveLength(1);
    expect(doc.items[0]?.images).toEqual([
      {
        url: 'https://beta.tt.se/media/text/210919-janguillou-879f202b/a001_NormalHires.jpg',
        alt: null,
        caption: 'Journalisten och författaren Jan Guillou jobbar på en ny bok om agenten Hamilton. Arkivbild.',
        credit: null,
      },
    ]);
    expect(doc.items[0]?.source).toBe('TT'); // provider qcode nprov:TT
  });

  it('reads a prefixed (ns0:) Reuters message and its versioned guid', () => {
    expect(item('newsml-g2/superdesk/tag_reuters.com_2016_newsml_L1N14N0FF_version_1542761538')).toMatchObject({
      guid: 'tag:reuters.com,0000:newsml_L1N14N0FF',
      version: 1542761538,
      headline: 'CORRECTED-S. Illinois battles flooding as Mississippi River builds downstream',
      urgency: 3,
      source: 'Reuters',
    });
  });
});

describe('NITF', () => {
  it('reads AAP: doc-id, urgency, byline, dateline, date.issue, tobject subjects', () => {
    const aap = item('nitf/aap.xml');
    expect(aap).toMatchObject({
      guid: 'AAP.115314987.5417374',
      headline: "The main stories on today's 1900 ABC TV news",
      byline: 'By John Doe',
      dateline: 'Sydney',
      urgency: 5,
      publishedAt: '2013-10-20T08:27:51.000Z', // 19:27:51+11:00
      embargoUntil: null, // released when issued
      source: 'Australian Associated Press',
      standfirst: null, // the abstract repeats the headline
      subjects: ['law enforcement', 'investigation'],
    });
    expect(aap.bodyHtml.startsWith("<p>   The main stories on ABC television's 1900 news:</p>")).toBe(true);
  });

  it('reads PA: an embargo (date.release after date.issue), slugline from du-key', () => {
    expect(item('nitf/pa3.xml')).toMatchObject({
      guid: '4a82e12e-6b39-47eb-8e59-2c616a7e32a4HHH-13-1',
      urgency: 4,
      byline: 'By Benjamin Wright, Press Association',
      publishedAt: '2016-09-08T12:24:46.000Z',
      embargoUntil: '2016-09-08T23:01:00.000Z',
      slugline: 'PA-HHH-POLITICS-UnitedKingdom',
    });
  });

  it('reads AP NITF: hedline, byline without byttl, distributor, block content', () => {
    const ap = item('nitf/ap-nitf.xml');
    expect(ap).toMatchObject({
      headline: 'Can trading pollution like stocks help fight climate change?',
      byline: 'By BERNARD CONDON',
      dateline: 'NEW YORK',
      source: 'The Associated Press',
      publishedAt: '2015-12-10T19:10:44.000Z',
    });
    expect(ap.bodyHtml.startsWith('<p>NEW YORK (AP) — The gas produced by hog manure')).toBe(true);
    expect(ap.guid).toMatch(/^sha-/); // its doc-id carries no id-string
  });
});
