/**
 * Compares two revisions of a story, field by field, for the newsroom's diff view and for optimistic-locking
 * conflicts. Pure: no I/O, no clock.
 *
 * Text fields are diffed by words (whitespace and newlines are tokens of their own, so a one-word correction is one
 * removed and one added word). The body is compared as text: its block elements become lines and markup is dropped;
 * paragraphs are matched first, then the changed ones are diffed by words. Topics are diffed as a list, priority as
 * a number.
 */
import { type Change, diffArrays, diffWordsWithSpace } from 'diff';
import sanitizeHtml from 'sanitize-html';
import { escapeHtml } from '../domain/text.js';

/** The diffable part of a revision snapshot (`ArticleWrite` without `terms`); other fields are ignored. */
export interface RevisionContent {
  headline: string;
  standfirst: string | null;
  bodyHtml: string;
  dateline: string | null;
  byline: string | null;
  section: string;
  source: string | null;
  topics: string[];
  priority: number;
}

export type DiffPart = { kind: 'same' | 'added' | 'removed'; text: string };

export interface FieldDiff {
  field: string;
  label: string;
  /** The stored values differ. For the body this includes markup-only changes, whose parts are then all `same`. */
  changed: boolean;
  parts: DiffPart[];
}

type TextField = 'headline' | 'standfirst' | 'dateline' | 'byline' | 'section' | 'source';

/** Field order of the diff view. */
const fields: ReadonlyArray<
  | { field: TextField; label: string; kind: 'text' }
  | { field: 'bodyHtml'; label: string; kind: 'body' }
  | { field: 'topics'; label: string; kind: 'list' }
  | { field: 'priority'; label: string; kind: 'number' }
> = [
  { field: 'headline', label: 'Headline', kind: 'text' },
  { field: 'standfirst', label: 'Standfirst', kind: 'text' },
  { field: 'bodyHtml', label: 'Body', kind: 'body' },
  { field: 'dateline', label: 'Dateline', kind: 'text' },
  { field: 'byline', label: 'Byline', kind: 'text' },
  { field: 'section', label: 'Section', kind: 'text' },
  { field: 'source', label: 'Source', kind: 'text' },
  { field: 'topics', label: 'Topics', kind: 'list' },
  { field: 'priority', label: 'Priority', kind: 'number' },
];

/**
 * Diff cost grows with the square of the edits (jsdiff's Myers), so every diff has a ceiling and gives up beyond it:
 * the run is then shown as removed and added whole. The body is matched paragraph by paragraph first and diffed by
 * words only within each run of changed paragraphs; the word diffs of one body share a budget (in edits²), so a
 * heavily rewritten 2,000-paragraph story stays well under a second.
 */
const MAX_WORD_EDITS = 1_000;
const MAX_PARAGRAPH_EDITS = 1_000;
const BODY_WORD_COST_BUDGET = 2_000_000;

export function diffRevisions(before: RevisionContent, after: RevisionContent): FieldDiff[] {
  return fields.map(({ field, label, kind }): FieldDiff => {
    switch (kind) {
      case 'text': {
        const a = before[field] ?? '';
        const b = after[field] ?? '';
        return { field, label, changed: a !== b, parts: diffText(a, b) };
      }
      case 'body': {
        const a = before.bodyHtml ?? '';
        const b = after.bodyHtml ?? '';
        const parts = a === b ? sameParts(bodyToText(a)) : diffBody(bodyToText(a), bodyToText(b));
        return { field, label, changed: a !== b, parts };
      }
      case 'list': {
        const parts = diffList(before.topics ?? [], after.topics ?? []);
        return { field, label, changed: parts.some((p) => p.kind !== 'same'), parts };
      }
      case 'number': {
        const a = before.priority;
        const b = after.priority;
        const parts: DiffPart[] =
          a === b
            ? [{ kind: 'same', text: String(a) }]
            : [
                { kind: 'removed', text: String(a) },
                { kind: 'added', text: String(b) },
              ];
        return { field, label, changed: a !== b, parts };
      }
    }
  });
}

export function hasChanges(diffs: FieldDiff[]): boolean {
  return diffs.some((d) => d.changed);
}

/**
 * The changed fields as HTML: one `<section class="diff-field">` each, with an `<h3>` label and the text in
 * `<ins>`/`<del>`. Every piece of text is escaped; newlines in the body become `<br>`. No changes: an empty string.
 */
export function renderDiffHtml(diffs: FieldDiff[]): string {
  return diffs
    .filter((d) => d.changed)
    .map((d) => {
      const separator = listSeparators[d.field] ?? '';
      const edited = d.parts.some((p) => p.kind !== 'same');
      const content = edited
        ? `<div class="diff-text">${d.parts.map(renderPart).join(separator)}</div>`
        : '<p class="diff-note">Only the markup changed (formatting, links or layout); the text is the same.</p>';
      return `<section class="diff-field" data-field="${escapeHtml(d.field)}"><h3>${escapeHtml(d.label)}</h3>${content}</section>`;
    })
    .join('\n');
}

/** Fields whose parts are whole values, printed with a separator rather than run together. */
const listSeparators: Record<string, string> = { topics: ', ', priority: ' → ' };

function renderPart(part: DiffPart): string {
  const text = escapeHtml(part.text).replace(/\n/g, '<br>');
  if (part.kind === 'added') return `<ins>${text}</ins>`;
  if (part.kind === 'removed') return `<del>${text}</del>`;
  return text;
}

/** Elements that end a line of the body's text. */
const blockTags = [
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'blockquote', 'figcaption', 'figure', 'pre', 'br',
  'ul', 'ol', 'table', 'tr', 'th', 'td', 'div', 'section', 'article', 'header', 'footer', 'aside',
];

const textEntities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"' };

/**
 * The body as plain text, one line per block (paragraph, heading, list item, quote, caption), whitespace collapsed.
 * sanitize-html parses the markup and keeps only the block elements, without attributes; in its output every `<`
 * starts a tag and text carries only the entities it escaped (`&amp; &lt; &gt; &quot;`), so tags can be turned into
 * line breaks and those entities decoded without parsing HTML here.
 */
export function bodyToText(bodyHtml: string): string {
  const blocks = sanitizeHtml(bodyHtml, { allowedTags: blockTags, allowedAttributes: {} });
  return blocks
    .replace(/<[^>]*>/g, '\n')
    .replace(/&(amp|lt|gt|quot);/g, (_, name: string) => textEntities[name] ?? '')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

function diffText(a: string, b: string): DiffPart[] {
  if (a === b) return sameParts(a);
  return foldWhitespace(toParts(diffWordsWithSpace(a, b, { maxEditLength: MAX_WORD_EDITS }) ?? replaced(a, b)));
}

/**
 * The body's text (one paragraph a line) diffed by words: paragraphs are matched first, then each run of changed
 * paragraphs is diffed by words, so a corrected word is one removed and one added word, an added paragraph is added,
 * and a split or merged paragraph shows only the changed break. A run with as many paragraphs removed as added is
 * diffed pair by pair (paragraphs edited in place).
 */
function diffBody(a: string, b: string): DiffPart[] {
  if (a === b) return sameParts(a);
  // Every line ends in '\n' while diffing, so equal paragraphs compare equal wherever they sit; one trailing '\n'
  // per side is taken off at the end.
  const lines = (text: string) => (text ? text.split('\n').map((line) => `${line}\n`) : []);
  const before = lines(a);
  const after = lines(b);
  const changes = diffArrays(before, after, { maxEditLength: MAX_PARAGRAPH_EDITS }) ?? [
    { value: before, added: false, removed: true, count: before.length },
    { value: after, added: true, removed: false, count: after.length },
  ];

  const words = new WordDiffer(BODY_WORD_COST_BUDGET);
  const out: Change[] = [];
  let removed: string[] = [];
  let added: string[] = [];
  const flushHunk = () => {
    if (removed.length === added.length) {
      removed.forEach((line, i) => out.push(...words.diff(line, added[i] ?? '')));
    } else {
      out.push(...words.diff(removed.join(''), added.join('')));
    }
    removed = [];
    added = [];
  };
  for (const change of changes) {
    if (change.removed) removed.push(...change.value);
    else if (change.added) added.push(...change.value);
    else {
      flushHunk();
      out.push({ value: change.value.join(''), added: false, removed: false, count: change.count });
    }
  }
  flushHunk();
  return dropFinalNewline(foldWhitespace(toParts(out)));
}

/** Word diffs that share a cost budget; once it is spent, changes are shown as removed and added whole. */
class WordDiffer {
  constructor(private budget: number) {}

  diff(a: string, b: string): Change[] {
    if (!a || !b || this.budget <= 0) return replaced(a, b);
    const limit = Math.min(MAX_WORD_EDITS, Math.floor(Math.sqrt(this.budget)));
    const changes = diffWordsWithSpace(a, b, { maxEditLength: limit });
    const edits = changes ? changes.reduce((n, c) => n + (c.added || c.removed ? c.count : 0), 0) : limit;
    this.budget -= Math.max(edits, 1) ** 2;
    return changes ?? replaced(a, b);
  }
}

/**
 * Takes the final '\n' off each side (before: same + removed parts, after: same + added parts). When one side ends
 * inside a `same` part that the other side continues past, that newline belongs to the other side only: it moves to
 * the front of the other side's last part.
 */
function dropFinalNewline(parts: DiffPart[]): DiffPart[] {
  const lastBefore = parts.findLast((p) => p.kind !== 'added');
  const lastAfter = parts.findLast((p) => p.kind !== 'removed');
  const chop = (part: DiffPart | undefined) => {
    if (part?.text.endsWith('\n')) part.text = part.text.slice(0, -1);
  };
  if (lastBefore && lastAfter && lastBefore !== lastAfter && (lastBefore.kind === 'same' || lastAfter.kind === 'same')) {
    const [shared, continued] = lastBefore.kind === 'same' ? [lastBefore, lastAfter] : [lastAfter, lastBefore];
    chop(shared);
    chop(continued);
    continued.text = `\n${continued.text}`;
  } else {
    chop(lastBefore);
    if (lastAfter !== lastBefore) chop(lastAfter);
  }
  return merge(parts);
}

/** A change shown as a whole: the old text removed, the new text added. */
function replaced(a: string, b: string): Change[] {
  const changes: Change[] = [];
  if (a) changes.push({ value: a, added: false, removed: true, count: 1 });
  if (b) changes.push({ value: b, added: true, removed: false, count: 1 });
  return changes;
}

function diffList(a: string[], b: string[]): DiffPart[] {
  const parts: DiffPart[] = [];
  for (const change of diffArrays(a, b)) {
    for (const item of change.value) parts.push({ kind: kindOf(change), text: item });
  }
  return parts;
}

function toParts(changes: Change[]): DiffPart[] {
  return merge(changes.map((change) => ({ kind: kindOf(change), text: change.value })));
}

/** Drops empty parts and joins neighbours of the same kind. */
function merge(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  for (const part of parts) {
    if (!part.text) continue;
    const last = out[out.length - 1];
    if (last && last.kind === part.kind) last.text += part.text;
    else out.push({ ...part });
  }
  return out;
}

/**
 * A word diff keeps the spaces between replaced words as unchanged, which reads as noise
 * (`<del>a</del><ins>x</ins> <del>b</del><ins>y</ins>`). Whitespace-only `same` parts between edits are folded into
 * the edits, so a rewritten phrase reads as one removed and one added run.
 */
function foldWhitespace(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  let removed = '';
  let added = '';
  const flush = () => {
    if (removed) out.push({ kind: 'removed', text: removed });
    if (added) out.push({ kind: 'added', text: added });
    removed = '';
    added = '';
  };
  parts.forEach((part, i) => {
    if (part.kind === 'removed') removed += part.text;
    else if (part.kind === 'added') added += part.text;
    else if ((removed || added) && /^\s+$/.test(part.text) && parts[i + 1] && parts[i + 1]?.kind !== 'same') {
      removed += part.text;
      added += part.text;
    } else {
      flush();
      out.push(part);
    }
  });
  flush();
  return out;
}

function sameParts(text: string): DiffPart[] {
  return text ? [{ kind: 'same', text }] : [];
}

function kindOf(change: { added: boolean; removed: boolean }): DiffPart['kind'] {
  return change.added ? 'added' : change.removed ? 'removed' : 'same';
}
