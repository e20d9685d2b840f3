/**
 * Dates as feeds and agencies write them, to ISO 8601 UTC: ISO 8601 / RFC 3339 / W3CDTF (extended and basic
 * forms, date-only, no zone = UTC), RFC 822 / 2822 (named and military zones, two-digit years). Anything else
 * that the JavaScript date parser reads unambiguously (a four-digit year) is accepted as a last resort.
 */

const zones: Record<string, number> = {
  UT: 0, UTC: 0, GMT: 0, Z: 0, WET: 0,
  EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420,
  AKST: -540, AKDT: -480, HST: -600, AST: -240, ADT: -180, NST: -210, NDT: -150,
  BST: 60, CET: 60, CEST: 120, MET: 60, MEST: 120, EET: 120, EEST: 180, WEST: 60, MSK: 180,
  IST: 330, JST: 540, KST: 540, HKT: 480, SGT: 480, AWST: 480, ACST: 570, AEST: 600, AEDT: 660, NZST: 720, NZDT: 780,
};

const months: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

/** Parses a date-time; null when the text is not a date we can place on the time line. */
export function parseDate(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (!text) return null;
  // A text shaped like ISO 8601 or RFC 822 is judged by that shape alone (2019-02-30 is no date, not 2 March).
  const iso = parseIso(text);
  if (iso !== undefined) return iso;
  const rfc = parseRfc822(text);
  if (rfc !== undefined) return rfc;
  return parseLoose(text);
}

/** undefined: not ISO-shaped; null: ISO-shaped but not a real date-time. */
function parseIso(text: string): string | null | undefined {
  const m =
    /^([+-]?\d{4})(?:-?(\d{2})(?:-?(\d{2}))?)?(?:[T\s](\d{2})(?::?(\d{2})(?::?(\d{2})(?:[.,](\d+))?)?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i.exec(
      text,
    );
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  // A bare 4–8 digit number is a year or basic date only when it has a plausible shape.
  if (!mo && !zone && !h && !/^\d{4}$/.test(text)) return undefined;
  const offset = zone ? parseOffset(zone) : 0;
  if (offset === null) return null;
  return build(Number(y), Number(mo ?? 1), Number(d ?? 1), Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0), frac, offset);
}

function parseRfc822(text: string): string | null | undefined {
  const m =
    /^(?:[A-Za-z]{2,9}\.?,?\s*)?(\d{1,2})[\s-]+([A-Za-z]{3,9})\.?[\s-]+(\d{2,4})(?:[\sT]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?\s*([A-Za-z]{1,5}|[+-]\d{2}:?\d{2}|[+-]\d{2})?(?:\s*\(.*\))?$/.exec(
      text,
    );
  if (!m) return undefined;
  const [, d, monthName, yearText, h, mi, s, frac, zone] = m;
  const month = months[(monthName ?? '').toLowerCase()];
  if (!month) return undefined;
  let year = Number(yearText);
  if ((yearText ?? '').length === 2) year += year < 50 ? 2000 : 1900;
  else if ((yearText ?? '').length === 3) year += 1900;
  const offset = zone ? parseOffset(zone) : 0;
  if (offset === null) return null;
  return build(year, month, Number(d), Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0), frac, offset);
}

function parseLoose(text: string): string | null {
  if (!/\b\d{4}\b/.test(text)) return null;
  const ms = Date.parse(text);
  if (!Number.isFinite(ms)) return null;
  const date = new Date(ms);
  const year = date.getUTCFullYear();
  return year >= 1000 && year <= 9999 ? date.toISOString() : null;
}

/** Minutes east of UTC. */
function parseOffset(zone: string): number | null {
  const named = zones[zone.toUpperCase()];
  if (named !== undefined) return named;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (m) {
    const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
    if (Number(m[2]) > 23 || Number(m[3] ?? 0) > 59) return null;
    return m[1] === '-' ? -minutes : minutes;
  }
  // RFC 822 military zones: A–I, K–M east (+1…+12), N–Y west (−1…−12). RFC 1123 notes they were often
  // misused, but a single letter is still better read than dropped.
  if (/^[A-IK-Z]$/i.test(zone)) {
    const c = zone.toUpperCase().charCodeAt(0);
    if (c <= 73) return (c - 64) * 60; // A=1 … I=9
    if (c <= 77) return (c - 65) * 60; // K=10 … M=12
    if (c <= 89) return -(c - 77) * 60; // N=-1 … Y=-12
  }
  return null;
}

function build(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  fraction: string | undefined,
  offsetMinutes: number,
): string | null {
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth || hour > 24 || minute > 59 || second > 60) return null;
  if (hour === 24 && (minute > 0 || second > 0)) return null;
  const ms = fraction ? Math.round(Number(`0.${fraction}`) * 1000) : 0;
  const utc = Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59), ms) - offsetMinutes * 60_000;
  return new Date(utc).toISOString();
}
