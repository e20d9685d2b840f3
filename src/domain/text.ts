/** Plain wire text to paragraphs, and paragraphs back to plain text. Pure; no HTML library needed for either. */

const htmlEscapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => htmlEscapes[ch] ?? ch);
}

/**
 * Splits agency copy into paragraphs. Wire text marks paragraphs in one of three ways: blank lines (most feeds),
 * an indented first line with hard-wrapped lines in between (Reuters 1987), or one paragraph a line.
 */
export function splitParagraphs(text: string): string[] {
  const normalized = text.replace(/\r\n?/g, '\n').trim();
  if (!normalized) return [];
  let blocks: string[];
  if (/\n[ \t]*\n/.test(normalized)) blocks = normalized.split(/\n[ \t]*\n/);
  else if (/\n[ \t]{2,}\S/.test(normalized)) blocks = normalized.split(/\n(?=[ \t]{2,}\S)/);
  else blocks = normalized.split('\n');
  return blocks.map((block) => block.replace(/\s*\n\s*/g, ' ').replace(/[ \t]+/g, ' ').trim()).filter(Boolean);
}

export function plainTextToHtml(text: string): string {
  return splitParagraphs(text)
    .map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`)
    .join('\n');
}

/** A headline for a story that came without one: its first sentence, shortened at a word boundary. */
export function headlineFromText(text: string, maxLength = 90): string {
  const sentence = firstSentence(splitParagraphs(text)[0] ?? '');
  if (sentence.length <= maxLength) return sentence;
  const cut = sentence.slice(0, maxLength);
  const space = cut.lastIndexOf(' ');
  return `${(space > maxLength / 2 ? cut.slice(0, space) : cut).trim()}…`;
}

/**
 * A sentence ends at a full stop, question or exclamation mark before a space (so "a magnitude-5.2 quake" goes
 * on), unless the stop ends a title, an initial or an abbreviation ("Gov. Sarah Palin", "U.S. stocks") or stands
 * between figures ("before 9. 30am", as copy rebuilt from tokens writes times); or at a Chinese or Japanese full stop.
 */
const SENTENCE_END = /[.!?]+["'”’)]*(?=\s)|[。！？]/gu;
const ABBREVIATION =
  /(?:^|[\s(.])(?:mr|mrs|ms|dr|st|mt|jr|sr|gov|sen|rep|gen|lt|col|capt|sgt|prof|rev|corp|inc|co|ltd|no|vs|jan|feb|mar|apr|aug|sept?|oct|nov|dec|\p{L})\.$/iu;

function firstSentence(paragraph: string): string {
  for (const stop of paragraph.matchAll(SENTENCE_END)) {
    const sentence = paragraph.slice(0, stop.index + stop[0].length);
    const betweenFigures = /\d\.$/.test(sentence) && /^\s*\d/.test(paragraph.slice(sentence.length));
    if (!(stop[0] === '.' && (ABBREVIATION.test(sentence) || betweenFigures))) return sentence;
  }
  return paragraph;
}

/** "1 story", "3 stories": a count with its noun in the right number (English plurals given explicitly). */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}
