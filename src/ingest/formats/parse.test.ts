/** The parsing layer on small documents written for the purpose: errors, limits, safety, encodings, dates. */
import { describe, expect, it } from 'vitest';
import { NewsdeskError } from '../../domain/errors.js';
import { parseDate } from './dates.js';
import { detectFormat, parseWireDocument, WireFormatError } from './index.js';

function rss(items: string[], prolog = '<?xml version="1.0" encoding="UTF-8"?>'): string {
  return `${prolog}\n<rss version="2.0"><channel><title>Wire</title>\n${items.join('\n')}\n</channel></rss>`;
}

function thrown(fn: () => unknown): WireFormatError {
  try {
    fn();
  } catch (error) {
    if (error instanceof WireFormatError) return error;
    throw error;
  }
  throw new Error('expected a WireFormatError');
}

describe('WireFormatError', () => {
  it('is a NewsdeskError with the invalid-record code', () => {
    const error = thrown(() => parseWireDocument(''));
    expect(error).toBeInstanceOf(NewsdeskError);
    expect(error.code).toBe('NEWSDESK_ERR_INVALID_RECORD');
    expect(error.status).toBe(422);
    expect(error.message).toBe('document is empty');
  });

  it('names the line of XML that is not well-formed', () => {
    const error = thrown(() => parseWireDocument('<rss version="2.0">\n<channel>\n<item><title>x</title></channel></rss>'));
    expect(error.message).toMatch(/^not well-formed XML at line 3, column \d+: /);
  });

  it('says what is missing from a JSON Feed', () => {
    const error = thrown(() => parseWireDocument('{"version": "https://jsonfeed.org/version/1.1", "title": "x"}'));
    expect(error.message).toBe('JSON Feed has no items array');
  });

  it('says where JSON breaks', () => {
    const error = thrown(() => parseWireDocument('{\n  "uri": "a",\n  "headline": "b"\n  "version": "1"\n}'));
    expect(error.message).toMatch(/^ninjs is not valid JSON at line 4, column 3: /);
  });

  it('names a root element it does not read', () => {
    expect(thrown(() => parseWireDocument('<html><body>Moved</body></html>')).message).toBe(
      'root element <html> is not a wire or feed format we read',
    );
    expect(thrown(() => parseWireDocument('ZCZC plain wire text')).message).toBe('document is neither XML nor JSON');
  });

  it('refuses NewsML-G2 fragments and reports knowledge items as not news', () => {
    expect(thrown(() => parseWireDocument('<groupSet root="G1"/>')).message).toMatch(/root <groupSet>; expected a newsItem or a newsMessage/);
    const concept = parseWireDocument('<conceptItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="c1"><concept/></conceptItem>');
    expect(concept.items).toEqual([]);
    expect(concept.errors).toEqual([{ index: 0, guid: 'c1', message: 'item 1 is a conceptItem (knowledge about a concept), not news content' }]);
  });
});

describe('items', () => {
  it('reports a bad item and parses the others', () => {
    const doc = parseWireDocument(
      rss([
        '<item><title>One</title><guid>a</guid></item>',
        '<item><link>http://example.com/2</link></item>',
        '<item><title>Three</title><guid>c</guid></item>',
      ]),
    );
    expect(doc.items.map((i) => i.headline)).toEqual(['One', 'Three']);
    expect(doc.errors).toEqual([{ index: 1, guid: 'http://example.com/2', message: 'item 2 has no title or content' }]);
  });

  it('reports items of the wrong shape in JSON', () => {
    const doc = parseWireDocument(
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: 'Feed',
        items: [{ id: '1', title: 'Good' }, 42, { id: '3', title: 5 }, { id: '4', content_text: 'Fine too.' }],
      }),
    );
    expect(doc.items.map((i) => i.guid)).toEqual(['1', '4']);
    expect(doc.errors.map((e) => e.message)).toEqual(['item 2 is not a JSON object', 'item 3 title must be a string, not number']);
    expect(doc.errors[1]?.guid).toBe('3');
  });

  it('derives a stable sha- identity for items that have none', () => {
    const doc = (title: string) => parseWireDocument(rss([`<item><title>${title}</title><pubDate>Mon, 02 Jun 2025 08:00:00 GMT</pubDate></item>`]));
    const a = doc('Same').items[0]?.guid;
    expect(a).toMatch(/^sha-[0-9a-f]{24}$/);
    expect(doc('Same').items[0]?.guid).toBe(a);
    expect(doc('Different').items[0]?.guid).not.toBe(a);
  });

  it('uses the RSS link when there is no guid', () => {
    expect(parseWireDocument(rss(['<item><title>T</title><link>http://example.com/t</link></item>'])).items[0]?.guid).toBe(
      'http://example.com/t',
    );
  });

  it('turns plain-text bodies into escaped paragraphs', () => {
    const doc = parseWireDocument(
      JSON.stringify({ version: 'https://jsonfeed.org/version/1', items: [{ id: 'x', title: 'T', content_text: 'a < b & c\n\nsecond <p>' }] }),
    );
    expect(doc.items[0]?.bodyHtml).toBe('<p>a &lt; b &amp; c</p>\n<p>second &lt;p&gt;</p>');
  });

  it('makes plain-text headlines out of HTML titles', () => {
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>e</id>
      <title type="html">&lt;b&gt;Bold&lt;/b&gt; &amp;amp; more</title><content type="text">Body &lt; text</content></entry></feed>`;
    const entry = parseWireDocument(atom).items[0];
    expect(entry?.headline).toBe('Bold & more');
    expect(entry?.bodyHtml).toBe('<p>Body &lt; text</p>');
  });

  it('keeps a summary that the body does not repeat, drops one it does', () => {
    const entry = (summary: string) =>
      parseWireDocument(`<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>e</id><title>T</title>
        <summary>${summary}</summary><content type="html">&lt;p&gt;The body starts here.&lt;/p&gt;</content></entry></feed>`).items[0];
    expect(entry('A different teaser')?.standfirst).toBe('A different teaser');
    expect(entry('The body starts here.')?.standfirst).toBeNull();
  });

  it('decodes HTML entities that feeds use as if they were XML', () => {
    const doc = parseWireDocument(rss(['<item><title>Caf&eacute; &ndash; &hellip; &doesnotexist;</title></item>']));
    expect(doc.items[0]?.headline).toBe('Café – … &doesnotexist;');
  });

  it('repairs a bare ampersand in a link', () => {
    const doc = parseWireDocument(rss(['<item><title>T</title><link>http://example.com/?a=1&b=2</link></item>']));
    expect(doc.items[0]?.link).toBe('http://example.com/?a=1&b=2');
  });
});

describe('limits', () => {
  it('refuses a document over maxBytes, naming both sizes', () => {
    const big = Buffer.alloc(Math.round(12.3 * 1024 * 1024), 0x20);
    expect(thrown(() => parseWireDocument(big)).message).toBe('document is 12.3 MB; the limit is 5 MB');
    expect(thrown(() => parseWireDocument('x'.repeat(3000), { maxBytes: 2048 })).message).toBe(
      'document is 2.9 kB; the limit is 2 kB',
    );
  });

  it('parses the first maxItems items and reports the rest in one error', () => {
    const items = Array.from({ length: 5 }, (_, i) => `<item><title>Item ${i}</title><guid>g${i}</guid></item>`);
    const doc = parseWireDocument(rss(items), { maxItems: 3 });
    expect(doc.items).toHaveLength(3);
    expect(doc.errors).toEqual([
      { index: 3, guid: null, message: 'items 4–5 skipped: the document has 5 items; the limit is 3' },
    ]);
  });

  it('reports an item over maxItemBytes and parses the others', () => {
    const doc = parseWireDocument(
      rss([
        '<item><title>Small</title><guid>s</guid></item>',
        `<item><title>Large</title><guid>l</guid><description>${'word '.repeat(400)}</description></item>`,
      ]),
      { maxItemBytes: 1024 },
    );
    expect(doc.items.map((i) => i.headline)).toEqual(['Small']);
    expect(doc.errors[0]).toMatchObject({ index: 1, guid: 'l' });
    expect(doc.errors[0]?.message).toMatch(/^item 2 is 2\.\d kB; the limit is 1 kB$/);
  });

  it('rejects limits that are not positive integers', () => {
    expect(() => parseWireDocument('{}', { maxItems: 0 })).toThrow(RangeError);
  });
});

describe('safety', () => {
  it('refuses external entities (XXE) before reading anything', () => {
    const xxe = '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><rss><channel><item><title>&xxe;</title></item></channel></rss>';
    expect(thrown(() => parseWireDocument(xxe)).message).toBe(
      'document declares the external entity "xxe" in its DOCTYPE; external entities are refused',
    );
    const parameter = '<!DOCTYPE rss [<!ENTITY % remote SYSTEM "http://example.com/x.dtd"> %remote;]><rss/>';
    expect(thrown(() => parseWireDocument(parameter)).message).toMatch(/external entity "%remote"/);
  });

  it('does not expand nested entities (billion laughs)', () => {
    const levels = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join('');
    const bomb = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY lol0 "lol">${levels}]><rss><channel><item><title>&lol9;</title></item></channel></rss>`;
    const started = Date.now();
    const doc = parseWireDocument(bomb);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(doc.items[0]?.headline.length ?? 0).toBeLessThan(100);
  });

  it('caps the number of internal entities', () => {
    const many = Array.from({ length: 100 }, (_, i) => `<!ENTITY e${i} "x">`).join('');
    expect(thrown(() => parseWireDocument(`<!DOCTYPE rss [${many}]><rss><channel/></rss>`)).message).toMatch(/cannot read the XML: Entity count/);
  });

  it('expands a few plain internal entities, and ignores a DTD it would have to fetch', () => {
    const internal = '<!DOCTYPE rss [<!ENTITY agency "Example News">]><rss><channel><item><title>From &agency;</title></item></channel></rss>';
    expect(parseWireDocument(internal).items[0]?.headline).toBe('From Example News');
    const netscape =
      '<?xml version="1.0"?><!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">' +
      '<rss version="0.91"><channel><item><title>Caf&eacute;</title></item></channel></rss>';
    expect(parseWireDocument(netscape).items[0]?.headline).toBe('Café');
  });
});

describe('encodings', () => {
  const latin1Feed = (encoding: string, titleBytes: number[]) =>
    Buffer.concat([
      Buffer.from(`<?xml version="1.0" encoding="${encoding}"?><rss><channel><item><title>`, 'latin1'),
      Buffer.from(titleBytes),
      Buffer.from('</title></item></channel></rss>', 'latin1'),
    ]);

  it('honours ISO-8859-1 and windows-1252 declarations', () => {
    expect(parseWireDocument(latin1Feed('ISO-8859-1', [0x43, 0x61, 0x66, 0xe9])).items[0]?.headline).toBe('Café');
    expect(parseWireDocument(latin1Feed('latin1', [0xc9, 0x74, 0xe9])).items[0]?.headline).toBe('Été');
    expect(parseWireDocument(latin1Feed('windows-1252', [0x93, 0x51, 0x94, 0x20, 0x80])).items[0]?.headline).toBe('“Q” €');
  });

  it('reads UTF-8 with a byte order mark, and UTF-16 by its BOM', () => {
    const text = rss(['<item><title>Zoë</title></item>'], '<?xml version="1.0"?>');
    expect(parseWireDocument(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])).items[0]?.headline).toBe('Zoë');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text.replace('?>', ' encoding="UTF-16"?>'), 'utf16le')]);
    expect(parseWireDocument(utf16).items[0]?.headline).toBe('Zoë');
    const json = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"uri":"u1","headline":"Ja"}')]);
    expect(parseWireDocument(json).items[0]?.headline).toBe('Ja');
  });

  it('refuses bytes that are not UTF-8 when nothing declares another encoding', () => {
    const bytes = Buffer.concat([Buffer.from('<rss><channel><item><title>Caf'), Buffer.from([0xe9]), Buffer.from('</title></item></channel></rss>')]);
    expect(thrown(() => parseWireDocument(bytes)).message).toBe(
      'document is not valid UTF-8 and declares no other encoding (byte 0xE9 at offset 30)',
    );
  });

  it('refuses an encoding it does not know', () => {
    expect(thrown(() => parseWireDocument(latin1Feed('x-klingon', [0x41]))).message).toBe(
      'document declares encoding "x-klingon", which is not supported',
    );
  });
});

describe('detectFormat', () => {
  it('tells formats apart by their content', () => {
    expect(detectFormat('<?xml version="1.0"?>\n<!-- c --><rss version="2.0"><channel/></rss>')).toBe('rss');
    expect(detectFormat('<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"/>')).toBe('rdf');
    expect(detectFormat('<feed xmlns="http://www.w3.org/2005/Atom"/>')).toBe('atom');
    expect(detectFormat('<entry xmlns="http://www.w3.org/2005/Atom"/>')).toBe('atom');
    expect(detectFormat('{"version":"https://jsonfeed.org/version/1.1","items":[]}')).toBe('jsonfeed');
    expect(detectFormat('{"uri":"x","headlines":[]}')).toBe('ninjs');
    expect(detectFormat('[{"uri":"a"},{"uri":"b"}]')).toBe('ninjs');
    expect(detectFormat('<ns0:newsMessage xmlns:ns0="http://iptc.org/std/nar/2006-10-01/"/>')).toBe('newsml-g2');
    expect(detectFormat('<newsItem guid="x"/>')).toBe('newsml-g2');
    expect(detectFormat('<nitf><head/></nitf>')).toBe('nitf');
  });

  it('names no format for documents that are none of them', () => {
    expect(detectFormat('{}')).toBeNull();
    expect(detectFormat('<html><head/></html>')).toBeNull();
    expect(detectFormat('<NewsML Version="1.2"/>')).toBeNull();
    expect(detectFormat('\u0001ZCZC wire text')).toBeNull();
    expect(detectFormat('')).toBeNull();
  });

  it('detects a document that does not parse', () => {
    expect(detectFormat('{ "uri": "x", "headline": "unterminated')).toBe('ninjs');
    expect(detectFormat('<rss version="2.0">\n</rss')).toBe('rss');
  });
});

describe('parseDate', () => {
  it.each([
    ['Wed, 31 Jan 2018 07:26:05 GMT', '2018-01-31T07:26:05.000Z'],
    ['Sat, 07 Sep 02 00:00:01 EDT', '2002-09-07T04:00:01.000Z'],
    ['31 May 2019 12:17:58 -0700', '2019-05-31T19:17:58.000Z'],
    ['2003-12-13T08:29:29-04:00', '2003-12-13T12:29:29.000Z'],
    ['2016-06-03T14:38:22.568Z', '2016-06-03T14:38:22.568Z'],
    ['20131020T192751+1100', '2013-10-20T08:27:51.000Z'],
    ['2018-05-28T16:40:08', '2018-05-28T16:40:08.000Z'],
    ['2022-06-26T23:54:25+0000', '2022-06-26T23:54:25.000Z'],
    ['2019-11-15', '2019-11-15T00:00:00.000Z'],
  ])('reads %s', (text, iso) => {
    expect(parseDate(text)).toBe(iso);
  });

  it.each(['', 'yesterday', '2019-02-30', '13/13/2013', 'Mon, 32 Jan 2018 00:00:00 GMT'])('refuses %j', (text) => {
    expect(parseDate(text)).toBeNull();
  });
});
