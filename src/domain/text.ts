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
  const first = splitParagraphs(text)[0] ?? '';
  const sentence = first.split(/(?<=[.!?。！？])\s*/u)[0] ?? first;
  if (sentence.length <= maxLength) return sentence;
  const cut = sentence.slice(0, maxLength);
  const space = cut.lastIndexOf(' ');
  return `${(space > maxLength / 2 ? cut.slice(0, space) : cut).trim()}…`;
}

/** "1 story", "3 stories": a count with its noun in the right number (English plurals given explicitly). */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}
