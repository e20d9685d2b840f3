/**
 * IPTC ninjs (News in JSON) 1.x, 2.x and 3.x: one item, an array of items, or a `{ item: [...] }` list wrapper.
 * 1.x writes headline/body_html/description_text/byline/subject; 2.x headlines[]/bodies[]/descriptions[]/by/
 * subjects; 3.x the same in camelCase (versionCreated, embargoedUntil, …). Events and planning items are not news
 * content and are reported as item errors.
 */
import { plainTextToHtml } from '../../domain/text.js';
import { parseDate } from './dates.js';
import { ItemProblem, WireFormatError } from './errors.js';
import { htmlFieldToBody, htmlToText, plainTitle } from './html.js';
import { utf8Bytes, type ItemCandidate, type ItemDraft } from './item.js';
import { ninjsProblem } from './ninjs-rules.js';
import type { WireImage } from './types.js';

type Json = Record<string, unknown>;

export function ninjsCandidates(doc: unknown): ItemCandidate[] {
  let items: unknown[];
  if (Array.isArray(doc)) items = doc;
  else if (isObject(doc) && Array.isArray(doc.item) && doc.uri === undefined) items = doc.item;
  else if (isObject(doc)) items = [doc];
  else throw new WireFormatError(`ninjs document is ${doc === null ? 'null' : typeof doc}, not an object or an array of objects`);
  return items.map((item) => ({
    guidHint: isObject(item) ? identity(item) : null,
    bytes: utf8Bytes(JSON.stringify(item) ?? ''),
    read: () => readItem(item),
  }));
}

function readItem(item: unknown): ItemDraft {
  const problem = ninjsProblem(item);
  if (problem) throw new ItemProblem(problem);
  const o = item as Json;
  const guid = identity(o);
  if (!guid) throw new ItemProblem('item has no uri');
  const type = str(o.type);
  if (type === 'event' || type === 'planning') throw new ItemProblem(`item is a ninjs ${type} item, not news content`);

  const body = readBody(o);
  const headline = str(o.headline) ?? roleValue(o.headlines, ['main', 'headline']) ?? extension(o, 'headline') ?? str(o.title);
  const standfirst = readDescription(o, body.html) ?? roleValue(o.headlines, ['sub', 'subheadline', 'subhead']);

  const firstCreated = parseDate(o.firstcreated ?? o.firstCreated);
  const versionCreated = parseDate(o.versioncreated ?? o.versionCreated);
  const contentCreated = typeof (o.contentcreated ?? o.contentCreated) === 'string' ? parseDate(o.contentcreated ?? o.contentCreated) : null;

  return {
    guid,
    version: versionNumber(o.version),
    headline: headline ? plainTitle(headline) : '',
    bodyHtml: body.html,
    standfirst,
    byline: str(o.byline) ?? str(o.by),
    located: str(o.located),
    slugline: str(o.slugline),
    language: str(o.language),
    subjects: conceptNames(o.subject ?? o.subjects),
    urgency: typeof o.urgency === 'number' ? o.urgency : null,
    publishedAt: firstCreated ?? contentCreated ?? versionCreated,
    updatedAt: versionCreated,
    embargoUntil: parseDate(o.embargoed ?? o.embargoedUntil),
    link: null,
    source:
      conceptNames(o.infosource ?? o.infosources ?? o.infoSources)[0] ?? str(o.copyrightholder) ?? str(o.copyrightHolder) ?? str(o.source),
    images: readImages(o),
  };
}

function identity(o: Json): string | null {
  return str(o.uri) ?? str(o.guid) ?? (typeof o.guid === 'number' ? String(o.guid) : null);
}

interface Body {
  html: string;
}

function readBody(o: Json): Body {
  const html = str(o.body_html) ?? str(o.body_xhtml) ?? str(o.body_richhtml);
  if (html) return { html: htmlFieldToBody(documentBody(html)) };
  const text = str(o.body_text);
  if (text) return { html: plainTextToHtml(text) };
  const other = extension(o, 'body');
  if (other) return { html: htmlFieldToBody(documentBody(other)) };
  if (Array.isArray(o.bodies)) {
    const bodies = o.bodies.filter(isObject);
    const kind = (b: Json) => (str(b.contenttype) ?? str(b.contentType) ?? '').toLowerCase();
    const isHtml = (b: Json) => /html/.test(kind(b)) || (!kind(b) && /html/i.test(str(b.role) ?? ''));
    const isText = (b: Json) => kind(b) === 'text/plain' || (!kind(b) && !isHtml(b));
    const htmlBodies = bodies.filter((b) => isHtml(b) && str(b.value));
    const chosen = htmlBodies.find((b) => str(b.role) === 'main') ?? htmlBodies[0];
    if (chosen) return { html: htmlFieldToBody(documentBody(str(chosen.value) as string)) };
    const textBody = bodies.find((b) => isText(b) && str(b.value));
    if (textBody) return { html: plainTextToHtml(str(textBody.value) as string) };
  }
  return { html: '' };
}

/** The first 1.x extension of a family (headline_main, body_richtext, …) that has a value. */
function extension(o: Json, family: 'headline' | 'body' | 'description'): string | null {
  for (const [key, value] of Object.entries(o)) {
    if (key.startsWith(`${family}_`) && str(value)) return str(value);
  }
  return null;
}

/** A complete HTML document as a body carries its own <head>; keep what is inside <body>. */
function documentBody(html: string): string {
  const m = /<body\b[^>]*>([\s\S]*?)<\/body\s*>/i.exec(html);
  return m?.[1] ?? html;
}

function readDescription(o: Json, bodyHtml: string): string | null {
  const text = str(o.description_text) ?? (str(o.description_html) ? htmlToText(str(o.description_html) as string) : null);
  if (text) return text;
  if (Array.isArray(o.descriptions)) {
    const value = roleValue(o.descriptions, ['summary', 'abstract', 'teaser', 'lead', 'text', 'description', 'main']);
    const isPicture = o.type === 'picture' || o.type === 'graphic';
    const fallback = !isPicture && !bodyHtml ? null : roleValue(o.descriptions, null);
    const chosen = value ?? fallback;
    return chosen ? htmlToText(chosen) : null;
  }
  return null;
}

/** The value of the first entry with one of the roles (or the first entry at all when roles is null). */
function roleValue(list: unknown, roles: string[] | null): string | null {
  if (!Array.isArray(list)) return null;
  const entries = list.filter(isObject);
  const pick = roles === null ? entries[0] : entries.find((e) => roles.includes((str(e.role) ?? '').toLowerCase()));
  const fallback = roles !== null && roles.includes('main') ? entries.find((e) => e.role === undefined) ?? entries[0] : undefined;
  return str((pick ?? fallback)?.value);
}

/** Names of described concepts (subjects, infosources), falling back to their codes. */
function conceptNames(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  return list
    .filter(isObject)
    .map((c) => str(c.name) ?? str(c.literal) ?? str(c.code) ?? str(c.qcode) ?? str(c.uri))
    .filter((n): n is string => n !== null);
}

function versionNumber(value: unknown): number | null {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^\d{1,15}$/.test(value.trim())) return Number(value.trim());
  return null;
}

/** Pictures and graphics among the associations (and the item's own renditions when it is a picture). */
function readImages(o: Json): WireImage[] {
  const out: WireImage[] = [];
  const assoc = o.associations;
  const list = Array.isArray(assoc) ? assoc : isObject(assoc) ? Object.values(assoc) : [];
  const candidates = [...(o.type === 'picture' || o.type === 'graphic' ? [o] : []), ...list.filter(isObject)];
  for (const a of candidates) {
    const type = str(a.type);
    if (type !== 'picture' && type !== 'graphic') continue;
    const url = bestRendition(a.renditions);
    if (!url) continue;
    const caption =
      str(a.description_text) ??
      (str(a.description_html) ? htmlToText(str(a.description_html) as string) : null) ??
      roleValue(a.descriptions, ['caption', 'text', 'summary', 'main']) ??
      roleValue(a.descriptions, null);
    out.push({
      url,
      alt: str(a.headline) ?? roleValue(a.headlines, ['main']) ?? str(a.title),
      caption,
      credit: str(a.byline) ?? str(a.by) ?? str(a.copyrightholder) ?? str(a.copyrightHolder),
    });
  }
  return out;
}

/** The original or largest image rendition's href. */
function bestRendition(renditions: unknown): string | null {
  const entries: [string, Json][] = Array.isArray(renditions)
    ? renditions.filter(isObject).map((r) => [str(r.name) ?? '', r])
    : isObject(renditions)
      ? Object.entries(renditions).filter((e): e is [string, Json] => isObject(e[1]))
      : [];
  const images = entries.filter(([, r]) => {
    const href = str(r.href);
    if (!href) return false;
    const type = str(r.mimetype) ?? str(r.contenttype) ?? str(r.contentType);
    return !type || type.toLowerCase().startsWith('image/');
  });
  const preferred = images.find(([name]) => /^(original|baseimage|hires|highres)$/i.test(name));
  if (preferred) return str(preferred[1].href);
  const area = (r: Json) => (typeof r.width === 'number' ? r.width : 0) * (typeof r.height === 'number' ? r.height : 0);
  const largest = [...images].sort((a, b) => area(b[1]) - area(a[1]))[0];
  return largest ? str(largest[1].href) : null;
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
