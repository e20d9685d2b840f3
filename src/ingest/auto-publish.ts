/**
 * Where a new wire item goes: on the site at once, or into the wire queue for editors. Pure: a trusted source
 * publishes everything; a queued source publishes only what one of its rules matches (see `AutoPublishRule`).
 */
import type { AutoPublishRule, WireSource } from '../domain/wire-source.js';

export interface RoutableItem {
  headline: string;
  /** The body as plain text. */
  text: string;
  subjects: string[];
  priority: number;
}

export type Route = { action: 'publish'; section: string; rule: number | null } | { action: 'queue' };

export function routeItem(item: RoutableItem, source: Pick<WireSource, 'trust' | 'section' | 'rules'>): Route {
  if (source.trust === 'publish') return { action: 'publish', section: source.section, rule: null };
  const index = source.rules.findIndex((rule) => ruleMatches(rule, item));
  if (index < 0) return { action: 'queue' };
  return { action: 'publish', section: source.rules[index]!.section ?? source.section, rule: index };
}

export function ruleMatches(rule: AutoPublishRule, item: RoutableItem): boolean {
  if (rule.minPriority !== null && item.priority < rule.minPriority) return false;
  if (!rule.keywords.length) return true;
  const haystacks = [item.headline, item.text, ...item.subjects];
  return rule.keywords.some((keyword) => haystacks.some((text) => containsKeyword(text, keyword)));
}

/**
 * Whether `text` contains `keyword` as a whole word or phrase, ignoring case and accents. Scripts written without
 * spaces (Chinese, Japanese) match anywhere, since they have no word boundaries to respect.
 */
export function containsKeyword(text: string, keyword: string): boolean {
  const needle = fold(keyword.trim());
  if (!needle) return false;
  const haystack = fold(text);
  let from = 0;
  for (;;) {
    const at = haystack.indexOf(needle, from);
    if (at < 0) return false;
    if (isBoundary(haystack, at - 1, needle[0]!) && isBoundary(haystack, at + needle.length, needle.at(-1)!)) return true;
    from = at + 1;
  }
}

const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
const wordChar = /[\p{L}\p{N}]/u;
const unspaced = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;

/** Position `i` is a boundary next to `edge` (the keyword's character there) if it is outside the text or not a word character. */
function isBoundary(text: string, i: number, edge: string): boolean {
  if (unspaced.test(edge)) return true;
  const c = text[i];
  return c === undefined || !wordChar.test(c);
}

/** Reads rules sent by an editor or stored as JSON; throws with what is wrong. */
export function parseRules(value: unknown): AutoPublishRule[] {
  if (!Array.isArray(value)) throw new TypeError('rules must be a list');
  return value.map((raw, i) => {
    if (!raw || typeof raw !== 'object') throw new TypeError(`rule ${i + 1} must be an object`);
    const r = raw as Record<string, unknown>;
    const section = typeof r.section === 'string' && r.section.trim() ? r.section.trim() : null;
    if (r.section !== undefined && r.section !== null && typeof r.section !== 'string') throw new TypeError(`rule ${i + 1}: section must be text`);
    const minPriority = r.minPriority === undefined || r.minPriority === null || r.minPriority === '' ? null : Number(r.minPriority);
    if (minPriority !== null && (!Number.isInteger(minPriority) || minPriority < 0 || minPriority > 10)) {
      throw new TypeError(`rule ${i + 1}: minPriority must be a whole number from 0 to 10`);
    }
    const keywords = typeof r.keywords === 'string' ? r.keywords.split(',') : r.keywords ?? [];
    if (!Array.isArray(keywords) || keywords.some((k) => typeof k !== 'string')) throw new TypeError(`rule ${i + 1}: keywords must be text`);
    return { section, minPriority, keywords: (keywords as string[]).map((k) => k.trim()).filter(Boolean) };
  });
}
