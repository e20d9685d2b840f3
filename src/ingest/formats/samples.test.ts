/**
 * Every sample of the supported formats in the shared wire-samples corpus (never copied into the repository): valid
 * documents parse, invalid ones are refused with a message that names the problem, and detection from content
 * names each sample's format. Which documents are valid comes from the corpus itself: `should_pass`/`should_fail`
 * (IPTC), `wellformed`/`illformed` and the `Expect: bozo` line (feedparser), `not-valid` (IPTC documentation);
 * everything else is a plain example and valid. `exceptions` below lists, with reasons, where we deliberately differ.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectFormat, parseWireDocument, WireFormatError, type ParsedDocument, type WireFormat } from './index.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const dataDir = process.env.NEWSDESK_SHARED_DATA
  ? path.resolve(process.env.NEWSDESK_SHARED_DATA)
  : path.resolve(repoRoot, '../shared/data');
const samplesDir = path.join(dataDir, 'wire-samples');
if (!fs.existsSync(samplesDir)) {
  throw new Error(`wire samples not found at ${samplesDir}; set NEWSDESK_SHARED_DATA to the shared data folder`);
}

const formats: WireFormat[] = ['rss', 'rdf', 'atom', 'jsonfeed', 'ninjs', 'newsml-g2', 'nitf'];

/** Where we deliberately differ from the corpus's own verdict, and why. */
const exceptions: Record<string, { expect: 'reject' | 'accept'; reason: string }> = {
  // Valid by the corpus, refused by us.
  ...Object.fromEntries(
    ['160', '732', '8216', '8217', '8220', '8221', '9830'].map((name) => [
      `rss/feedparser/entities/${name}.xml`,
      { expect: 'reject', reason: 'ends in "</rss" without ">": not well-formed XML (feedparser\'s loose parser recovers)' },
    ]),
  ),
  'rss/feedparser/entities/query_variable_entry.xml': { expect: 'reject', reason: 'ends in "</rss" without ">" (its bare "&" alone we would repair)' },
  'rss/feedparser/entities/query_variable_feed.xml': { expect: 'reject', reason: 'ends in "</rss" without ">" (its bare "&" alone we would repair)' },
  'atom/feedparser/entities/attr_amp.xml': { expect: 'reject', reason: 'ends in "</feed" without ">": not well-formed XML' },
  'atom/feedparser/entities/hex_entity_x_uppercase.xml': { expect: 'reject', reason: 'ends in "</feed" without ">": not well-formed XML' },
  'atom/gofeed/parser/atom/atom10_feed_title_xhtml_inline_markup.xml': { expect: 'reject', reason: '<title> is closed by </subtitle>: not well-formed XML' },
  'rdf/feedparser/wellformed/rdf/doctype_contains_entity_decl.xml': { expect: 'reject', reason: 'declares an external parameter entity (XHTML Latin-1); external entities are refused by policy' },
  'rss/rss-parser/uolNoticias.rss': { expect: 'reject', reason: 'ISO-8859-1 bytes with no encoding declaration are not UTF-8; a caller that knows the charset from HTTP passes decoded text' },
  'rss/feedparser/encoding/bozo_encoding_mismatch_crash.xml': { expect: 'reject', reason: 'a non-UTF-8 byte with no encoding declaration (feedparser only checks that it does not crash)' },
  'rss/rss-parser/unrecognized.rss': { expect: 'reject', reason: 'an HTML page served at a feed URL, not a feed' },
  'newsml-g2/iptc-examples/LISTING_25_An_NITF_marked-up_article_conveyed_in_inlineXML.xml': { expect: 'reject', reason: 'a spec listing fragment (<contentSet>), not a document' },
  'newsml-g2/iptc-examples/LISTING_28_Illustrating_Located_Subject_and_Dateline.xml': { expect: 'reject', reason: 'a spec listing fragment (<contentMeta>), not a document' },
  'newsml-g2/iptc-examples/LISTING_7_Group_Set_example_showing_Hierarchical_Package_Structure.xml': { expect: 'reject', reason: 'a spec listing fragment (<groupSet>), not a document' },
  'newsml-g2/iptc-examples/LISTING_8_Group_Set_example_showing_an_ALT_Package_Mode.xml': { expect: 'reject', reason: 'a spec listing fragment (<groupSet>), not a document' },
  'newsml-g2/iptc-examples/LISTING_9_Group_Set_example_showing_a_SEQ_Package_Mode.xml': { expect: 'reject', reason: 'a spec listing fragment (<groupSet>), not a document' },
  // Invalid by the corpus, accepted by us.
  'rss/feedparser/illformed/always_strip_doctype.xml': { expect: 'accept', reason: 'feedparser itself expects "not bozo"; a DOCTYPE that names a DTD is harmless (never fetched)' },
  'rss/feedparser/illformed/http_high_bit_date.xml': { expect: 'accept', reason: 'well-formed ISO-8859-7; feedparser only checks that a Greek channel date does not crash it' },
  'rss/feedparser/illformed/undeclared_namespace.xml': { expect: 'accept', reason: 'feeds resolve undeclared module prefixes (itunes:, media:) as feed readers do' },
  'rss/feedparser/encoding/bozo_http_text_plain.xml': { expect: 'accept', reason: 'bozo only because of the HTTP media type text/plain; the bytes are a fine feed' },
  'rss/feedparser/encoding/bozo_http_text_plain_charset.xml': { expect: 'accept', reason: 'bozo only because of the HTTP media type text/plain; the bytes are a fine feed' },
  'atom/feedparser/encoding/bozo_http_i18n.xml': { expect: 'accept', reason: 'bozo only because text/xml defaults to us-ascii over HTTP; the bytes are fine UTF-8' },
  'rss/feedparser/encoding/bozo_double-encoded-html.xml': { expect: 'accept', reason: 'double-encoded UTF-8 is valid UTF-8; telling mojibake from text needs heuristics we do not apply' },
  'ninjs/iptc-test_suite/1.0/should_fail/014_type_component.json': { expect: 'accept', reason: 'valid from ninjs 1.2 on; the document does not say it is 1.0' },
  'ninjs/iptc-test_suite/1.1/should_fail/001_type_component.json': { expect: 'accept', reason: 'valid from ninjs 1.2 on; the document does not say it is 1.1' },
  'ninjs/iptc-test_suite/2.0/should_fail/002_bad_association.json': { expect: 'accept', reason: 'an unknown property in an association: vendor extensions are tolerated' },
  'ninjs/iptc-test_suite/2.1/should_fail/001_bad_association.json': { expect: 'accept', reason: 'an unknown property in an association: vendor extensions are tolerated' },
  'ninjs/iptc-test_suite/3.0/should_fail/002_bad_association.json': { expect: 'accept', reason: 'an unknown property in an association: vendor extensions are tolerated' },
  'newsml-g2/iptc-unit-tests/2.34/should_fail/CR00218_too_many_nested_related.xml': { expect: 'accept', reason: 'a schema limit on nesting inside a concept assertion, which we do not read' },
};

/**
 * The problem each refused sample should be refused for. Samples marked `incidental` break a schema rule we do not
 * check (an unknown property, a version rule, knowledge-item details) and are refused for another true reason.
 */
const expectedProblems: Record<string, RegExp> = {
  'rss/feedparser/illformed/aaa_illformed.xml': /not well-formed XML at line 6/,
  'rss/feedparser/illformed/rss_empty_document.xml': /document is empty|no root element/,
  'rss/feedparser/illformed/rss_incomplete_cdata.xml': /not well-formed XML at line 5/,
  'rss/feedparser/illformed/chardet/euckr.xml': /not valid UTF-8 and declares no other encoding/,
  'rss/feedparser/illformed/chardet/gb2312.xml': /not valid UTF-8 and declares no other encoding/,
  'rss/feedparser/illformed/chardet/koi8r.xml': /not valid UTF-8 and declares no other encoding/,
  'rss/feedparser/illformed/chardet/tis620.xml': /not valid UTF-8 and declares no other encoding/,
  'rss/feedparser/illformed/chardet/windows1255.xml': /not valid UTF-8 and declares no other encoding/,
  'atom/feedparser/illformed/chardet/big5.xml': /not valid UTF-8 and declares no other encoding/,
  'rss/feedparser/encoding/bozo_invalid-bytes-with-bom.xml': /not valid utf-8 \(byte 0xF1/,
  'atom/feedparser/illformed/geo/georss_polygon_insufficient_coords.xml': /item 1 has no title or content/,
  'atom/feedparser/illformed/geo/gml_point.xml': /item 1 has no title or content/,
  'ninjs/iptc-test_suite/1.0/should_fail/001_no_uri_declared.json': /neither a JSON Feed nor ninjs/,
  'ninjs/iptc-test_suite/1.0/should_fail/002_type_invalid.json': /type "invalid" is not one of/,
  'ninjs/iptc-test_suite/1.0/should_fail/003_malformed_property.json': /"mime_type"; ninjs calls it "mimetype"/,
  'ninjs/iptc-test_suite/1.0/should_fail/004_representationtype_invalid.json': /representationtype "invalid" is not one of/,
  'ninjs/iptc-test_suite/1.0/should_fail/007_pubstatus_cancelled.json': /pubstatus "cancelled" is not one of/,
  'ninjs/iptc-test_suite/1.0/should_fail/008_usageterms_object.json': /usageterms must be a string/,
  'ninjs/iptc-test_suite/1.0/should_fail/009_body_text_with_cr.json': /not valid JSON at line 3, column \d+: Bad control character/,
  'ninjs/iptc-test_suite/1.0/should_fail/010_body_must_be_string.json': /not valid JSON at line 7/,
  'ninjs/iptc-test_suite/1.0/should_fail/011_description_must_be_string.json': /not valid JSON at line 7/,
  'ninjs/iptc-test_suite/1.0/should_fail/013_person_not_string.json': /person must be an array of objects/,
  'ninjs/iptc-test_suite/1.0/should_fail/016_infosource.json': /has no title or content/, // incidental: infosource is 1.2+
  'ninjs/iptc-test_suite/1.1/should_fail/002_infosource.json': /has no title or content/, // incidental: infosource is 1.2+
  'ninjs/iptc-test_suite/1.2/should_fail/001_title_as_number.json': /title must be a string, not number 42/,
  'ninjs/iptc-test_suite/1.2/should_fail/002_firstcreated_bad_type.json': /firstcreated must be a string/,
  'ninjs/iptc-test_suite/1.2/should_fail/004_infosource_bad_type.json': /infosource\[0\]\.scheme must be a string/,
  'ninjs/iptc-test_suite/1.2/should_fail/005_pubstatus_replaced.json': /pubstatus "replaced" is not one of/,
  'ninjs/iptc-test_suite/1.3/should_fail/002_headline_nonascii.json': /"headline_ééé", which is not a valid headline_ extension/,
  'ninjs/iptc-test_suite/1.3/should_fail/004_headline_dash.json': /"headline-with-dash-ééé", which is not a valid headline_ extension/,
  'ninjs/iptc-test_suite/1.3/should_fail/005_bad_altids.json': /altids must be an object or an array/,
  'ninjs/iptc-test_suite/1.3/should_fail/006_bad_genre.json': /not valid JSON/,
  'ninjs/iptc-test_suite/1.3/should_fail/007_invalid_genre.json': /genre must be an array of objects/,
  'ninjs/iptc-test_suite/1.4/should_fail/001_bad_contentcreated.json': /contentcreated must be a string, not an object/,
  'ninjs/iptc-test_suite/1.4/should_fail/002_bad_contentcreated.json': /contentcreated must be a string, not an array/,
  'ninjs/iptc-test_suite/1.4/should_fail/003_bad_expires.json': /expires must be a string/,
  'ninjs/iptc-test_suite/1.4/should_fail/005_bad_rightsinfo.json': /linkedrights at the top level; it belongs inside rightsinfo/,
  'ninjs/iptc-test_suite/1.4/should_fail/006_bad_rightsinfo.json': /rightsinfo must have either linked or encoded rights, not both/,
  'ninjs/iptc-test_suite/1.6/should_fail/001_bad_digital_source.json': /digitalsourcetype must be an object/,
  'ninjs/iptc-test_suite/1.x_dev/should_fail/001_advice_string.json': /"advice"; ninjs calls it "advices"/,
  'ninjs/iptc-test_suite/1.x_dev/should_fail/002_advice_wrongtypes.json': /advices\[0\] importance must be an object/,
  'ninjs/iptc-test_suite/1.x_dev/should_fail/003_advice_wrongelements.json': /advices\[0\] lifetime may only have code and scheme, not "name"/,
  'ninjs/iptc-test_suite/1.x_dev/should_fail/004_linked_rights.json': /linkedrights at the top level/,
  'ninjs/iptc-test_suite/1.x_dev/should_fail/005_encoded_rights.json': /encodedrights at the top level/,
  'ninjs/iptc-test_suite/1.x_dev/should_fail/006_combined_rights.json': /linkedrights at the top level/,
  'ninjs/iptc-test_suite/2.0/should_fail/001_bad_geojson.json': /places\[0\]\.geojson has no valid GeoJSON type/,
  'ninjs/iptc-test_suite/2.0/should_fail/001_bad_toplevel.json': /has no title or content/, // incidental: "random" is tolerated as a vendor extension
  'ninjs/iptc-test_suite/2.1/should_fail/003_good_association_but_no_uri.json': /associations\[0\] has no uri/,
  'ninjs/iptc-test_suite/2.1/should_fail/004_bad_rights.json': /rightsinfo must have either linked or encoded rights, not both/,
  'ninjs/iptc-test_suite/2.2/should_fail/001_bad_digital_source.json': /digitalsourcetype must be an object/,
  'ninjs/iptc-test_suite/2.x_dev/should_fail/002_advice_wrongtypes.json': /"advice"; ninjs calls it "advices"/,
  'ninjs/iptc-test_suite/2.x_dev/should_fail/003_advice_wrongelements.json': /"advice"; ninjs calls it "advices"/,
  'ninjs/iptc-test_suite/2.x_dev/should_fail/005_encoded_rights.json': /encodedrights at the top level/,
  'ninjs/iptc-test_suite/2.x_dev/should_fail/006_combined_rights.json': /rightsinfo linkedrights must be a string/,
  'ninjs/iptc-test_suite/3.0/should_fail/001_bad_geojson.json': /geojson has no valid GeoJSON type/,
  'ninjs/iptc-test_suite/3.0/should_fail/003_event_with_conflicting_start.json': /both startDate and expectedStartDate/,
  'ninjs/iptc-test_suite/3.0/should_fail/004_invalid_truncated_date.json': /expectedStartDate "February 29th 2024" is not a date/,
  'ninjs/iptc-test_suite/3.0/should_fail/005_planned_coverage_bad_urgency.json': /plannedCoverage\[0\]\.urgency must be an integer from 1 to 9, not 11/,
  'ninjs/iptc-test_suite/3.0/should_fail/006_bad_urgency.json': /urgency must be an integer from 1 to 9, not 0.1/,
  'ninjs/iptc-test_suite/3.1/should_fail/001_bad_digital_source.json': /digitalSourceType must be an object/,
  'newsml-g2/iptc-unit-tests/2.28/should_fail/2.29_affiliation_org_org.xml': /has no title or content/, // incidental
  'newsml-g2/iptc-unit-tests/2.28/should_fail/2.29_retiring_scheme_scheme.xml': /is a catalog \(scheme definitions\), not news content/, // incidental
  'newsml-g2/iptc-unit-tests/2.28/should_fail/2.29_retiring_scheme_schememeta.xml': /is a knowledgeItem/, // incidental
  'newsml-g2/iptc-unit-tests/2.29/should_fail/001_incomplete_file.xml': /item 1 has no itemMeta/,
  'newsml-g2/iptc-unit-tests/2.29/should_fail/002_newsitem_with_no_catalog.xml': /has no title or content/, // incidental: catalogRef became optional in 2.30
  'newsml-g2/iptc-unit-tests/2.30/should_fail/CR00215_hasInstrument_on_concept.xml': /is a conceptItem/, // incidental
  'newsml-g2/iptc-unit-tests/2.33/should_fail/digitalSourceType_catalogItem.xml': /is a catalogItem/, // incidental
};

/** Item errors a valid document may carry: items that are genuinely empty, or not news content at all. */
const benignItemError = /has no title or content|not news content/;

interface Sample {
  rel: string;
  format: WireFormat;
  bytes: Buffer;
}

function walk(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? walk(path.join(dir, entry.name)) : [path.join(dir, entry.name)]))
    .sort();
}

const samples: Sample[] = formats.flatMap((format) =>
  walk(path.join(samplesDir, format)).map((file) => ({
    rel: path.relative(samplesDir, file).split(path.sep).join('/'),
    format,
    bytes: fs.readFileSync(file),
  })),
);

/** The corpus's verdict on a sample, before our exceptions. */
function corpusVerdict(sample: Sample): 'valid' | 'invalid' {
  if (/\/(should_fail|illformed|not-valid)\//.test(sample.rel)) return 'invalid';
  const expect = /^Expect:\s*(.*)$/m.exec(sample.bytes.toString('latin1').replace(/\0/g, ''))?.[1] ?? '';
  if (/\bbozo\b/.test(expect) && !/\bnot bozo\b/.test(expect)) return 'invalid';
  return 'valid';
}

/**
 * What the parser is given. feedparser fixtures that simulate an HTTP charset (`Header: Content-type: …;
 * charset=X`) are decoded with it first, as an importer that fetched them over HTTP would; the rest go in as bytes.
 */
function input(sample: Sample): string | Buffer {
  const header = /^Header:\s*Content-type:.*?charset\s*=\s*["']?([\w.:-]+)/im.exec(sample.bytes.toString('latin1'));
  if (!header?.[1]) return sample.bytes;
  try {
    return new TextDecoder(header[1], { fatal: true }).decode(sample.bytes);
  } catch {
    return sample.bytes;
  }
}

/**
 * An independent, deliberately simple reading of whether a sample carries at least one news item with a title or
 * text, so that "parses" can be checked as "yields that item".
 */
function expectsContent(sample: Sample): boolean {
  const text = typeof input(sample) === 'string' ? (input(sample) as string) : sample.bytes.toString('utf8').replace(/\0/g, '');
  // Letters or digits once markup is gone: first the markup itself, then markup that was escaped (&lt;p&gt;).
  const hasWords = (s: string) =>
    /[\p{L}\p{N}]/u.test(
      s
        .replace(/<!\[CDATA\[|\]\]>/g, '')
        .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, '')
        .replace(/<[^>]*>/g, '')
        .replace(/&(lt|gt|amp|quot|apos);/g, (_, e: string) => ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" })[e] ?? '')
        .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, '')
        .replace(/<[^>]*>/g, '')
        .replace(/&#?\w+;/g, ''),
    );
  // Title-like fields of the format itself or of content:/atom:/xhtml:, never of media:, itunes: or the like.
  const fields = (block: string, names: string) =>
    [...block.matchAll(new RegExp(`<((?:(?:content|atom|rss|xhtml|ns0):)?(?:${names}))\\b[^>]*?(?<!/)>([\\s\\S]*?)</\\1\\s*>`, 'g'))].map(
      (m) => m[2] ?? '',
    );
  const blocks = (tag: string) => text.match(new RegExp(`<(?:[\\w-]+:)?${tag}\\b[^>]*>[\\s\\S]*?</(?:[\\w-]+:)?${tag}\\s*>`, 'g')) ?? [];
  switch (sample.format) {
    case 'rss':
    case 'rdf':
      return blocks('item').some((b) => fields(b, 'title|description|encoded|body').some(hasWords));
    case 'atom':
      return [...blocks('entry'), ...(/^\s*(<\?[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<(?:[\w-]+:)?entry\b/.test(text) ? [text] : [])]
        .map((b) => b.replace(/<source\b[\s\S]*?<\/source>/g, '')) // an entry's source feed has a title of its own
        .some((b) => fields(b, 'title|content|summary').some(hasWords));
    case 'newsml-g2':
      return blocks('newsItem').some(
        (b) =>
          fields(b, 'headline|inlineData').some(hasWords) ||
          fields(b, 'inlineXML').some((x) => /<(?:\w+:)?(nitf|html|body|p)\b/.test(x) && hasWords(x)),
      );
    case 'nitf':
      return fields(text, 'hl1|title|body\\.content').some(hasWords);
    case 'jsonfeed':
    case 'ninjs': {
      let doc: unknown;
      try {
        doc = JSON.parse(text);
      } catch {
        return false;
      }
      const o = doc as Record<string, unknown>;
      const list = sample.format === 'jsonfeed' ? o.items : Array.isArray(doc) ? doc : Array.isArray(o.item) ? o.item : [doc];
      const words = (v: unknown) => typeof v === 'string' && hasWords(v);
      return (Array.isArray(list) ? list : []).some((raw) => {
        const item = (raw ?? {}) as Record<string, unknown>;
        if (item.type === 'event' || item.type === 'planning') return false;
        const entries = Object.entries(item);
        const arrays = ['headlines', 'bodies'].flatMap((k) => (Array.isArray(item[k]) ? (item[k] as { value?: unknown }[]) : []));
        return (
          entries.some(([k, v]) => /^(title|headline|content_html|content_text|summary|body_\w+|headline_\w+)$/.test(k) && words(v)) ||
          arrays.some((e) => words(e?.value))
        );
      });
    }
  }
}

function parse(sample: Sample): { doc?: ParsedDocument; error?: unknown } {
  try {
    return { doc: parseWireDocument(input(sample)) };
  } catch (error) {
    return { error };
  }
}

const detectionExceptions: Record<string, string> = {
  'ninjs/iptc-test_suite/1.0/should_fail/001_no_uri_declared.json': 'the document is {}: nothing to detect',
  'rss/feedparser/illformed/rss_empty_document.xml': 'an empty document (a comment only)',
  'rss/rss-parser/unrecognized.rss': 'an HTML page, not a feed',
};

describe('wire samples', () => {
  it('finds the corpus', () => {
    expect(samples.length).toBeGreaterThan(1000);
  });

  for (const format of formats) {
    describe(format, () => {
      for (const sample of samples.filter((s) => s.format === format)) {
        const exception = exceptions[sample.rel];
        const verdict = exception ? (exception.expect === 'accept' ? 'valid' : 'invalid') : corpusVerdict(sample);

        it(`${verdict === 'valid' ? 'reads' : 'refuses'} ${sample.rel}`, () => {
          const { doc, error } = parse(sample);
          if (error !== undefined && !(error instanceof WireFormatError)) throw error;
          if (verdict === 'valid') {
            expect(error, `threw: ${(error as Error | undefined)?.message}`).toBeUndefined();
            const parsed = doc as ParsedDocument;
            expect(parsed.format).toBe(format);
            for (const e of parsed.errors) expect(e.message).toMatch(benignItemError);
            if (expectsContent(sample)) {
              expect(parsed.items.some((item) => item.headline.trim() || item.bodyHtml.trim())).toBe(true);
            }
          } else {
            const messages = error ? [(error as WireFormatError).message] : (doc?.errors ?? []).map((e) => e.message);
            expect(messages.length, 'neither thrown nor reported').toBeGreaterThan(0);
            if (error) expect((error as WireFormatError).code).toBe('NEWSDESK_ERR_INVALID_RECORD');
            for (const message of messages) expect(message.length).toBeGreaterThan(10);
            const problem = expectedProblems[sample.rel];
            if (problem) expect(messages.join('\n')).toMatch(problem);
          }
        });
      }
    });
  }

  it('names the problem of every refused IPTC sample we list', () => {
    const iptcFailures = samples.filter((s) => /\/should_fail\//.test(s.rel) && !exceptions[s.rel]);
    expect(iptcFailures.filter((s) => !expectedProblems[s.rel]).map((s) => s.rel)).toEqual([]);
  });

  it('lists only samples that exist', () => {
    const known = new Set(samples.map((s) => s.rel));
    const stale = [...Object.keys(exceptions), ...Object.keys(expectedProblems), ...Object.keys(detectionExceptions)].filter((rel) => !known.has(rel));
    expect(stale).toEqual([]);
  });

  describe('detection from content', () => {
    for (const sample of samples) {
      const why = detectionExceptions[sample.rel];
      it(`${sample.rel} is ${why ? `undetectable (${why})` : sample.format}`, () => {
        expect(detectFormat(sample.bytes)).toBe(why ? null : sample.format);
        if (!why && typeof input(sample) === 'string') expect(detectFormat(input(sample) as string)).toBe(sample.format);
      });
    }
  });
});

