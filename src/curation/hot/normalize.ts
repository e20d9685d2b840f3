/** Text and key normalisation for topics: entities, width, accents, possessives, case. Pure. */

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/** Decodes the HTML entities that leak into headlines (`Beyonc&#233;`, `&amp;`). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole;
    }
    return NAMED[name.toLowerCase()] ?? whole;
  });
}

/**
 * Cleans a headline or lead for extraction: entities decoded, full-width folded, odd commas and quotes plain, and
 * control characters spaced out (ranking packs keys and labels with one between them).
 */
export function cleanText(text: string): string {
  return decodeEntities(text)
    .normalize('NFKC')
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .replace(/[\u2018\u2019\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u2033]/g, '"')
    .replace(/\u201A/g, ',')
    .replace(/\s*(?:\.\.\.|\u2026)\s*$/u, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The identity of a name: lower case, accents folded, possessive dropped, spacing and hyphens unified. */
export function topicKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['\u2019]s\b/g, '')
    .replace(/[\s\u00A0_-]+/g, ' ')
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')
    .trim();
}

/** Whether the text is mostly Han script (then it is segmented with `Intl.Segmenter`, not the English model). */
export function isMostlyHan(text: string): boolean {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  if (!letters) return false;
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  return han / letters >= 0.3;
}
