import { describe, expect, it } from 'vitest';
import {
  bodyToText,
  type DiffPart,
  diffRevisions,
  type FieldDiff,
  hasChanges,
  type RevisionContent,
  renderDiffHtml,
} from './revision-diff.js';

const base: RevisionContent = {
  headline: 'Council approves new bridge',
  standfirst: 'The vote ends a decade of argument',
  bodyHtml: '<p>The council voted on Tuesday.</p>\n<p>The bridge will cost £40m.</p>\n<p>Work starts in May.</p>',
  dateline: 'LONDON',
  byline: 'By Ann Lee',
  section: 'UK',
  source: 'Newsdesk',
  topics: ['Transport', 'Local government'],
  priority: 2,
};

const revise = (changes: Partial<RevisionContent>): RevisionContent => ({ ...base, ...changes });
const field = (diffs: FieldDiff[], name: string): FieldDiff => {
  const found = diffs.find((d) => d.field === name);
  if (!found) throw new Error(`no field ${name}`);
  return found;
};
const edits = (parts: DiffPart[]) => parts.filter((p) => p.kind !== 'same');
/** The two texts a diff stands for: same + removed parts, and same + added parts. */
const sides = (parts: DiffPart[]) => ({
  before: parts.filter((p) => p.kind !== 'added').map((p) => p.text).join(''),
  after: parts.filter((p) => p.kind !== 'removed').map((p) => p.text).join(''),
});

describe('bodyToText', () => {
  it('turns block elements into lines, drops markup and decodes text', () => {
    const html =
      '<h2>Key points</h2><ul><li>One <strong>big</strong> thing</li><li>Fish &amp; chips &lt;3</li></ul>' +
      '<blockquote><p>“We will build it,”   she said.</p></blockquote>' +
      '<figure><img src="/media/a.jpg" alt="A bridge"><figcaption>The site, 2015</figcaption></figure>' +
      '<p class="x>y">Tail<script>alert(1)</script></p>';
    expect(bodyToText(html)).toBe(
      ['Key points', 'One big thing', 'Fish & chips <3', '“We will build it,” she said.', 'The site, 2015', 'Tail'].join(
        '\n',
      ),
    );
  });

  it('gives an empty text for an empty body', () => {
    expect(bodyToText('')).toBe('');
    expect(bodyToText('<p> </p>')).toBe('');
  });
});

describe('diffRevisions', () => {
  it('finds no changes between identical revisions', () => {
    const diffs = diffRevisions(base, structuredClone(base));
    expect(hasChanges(diffs)).toBe(false);
    expect(diffs.map((d) => d.field)).toEqual([
      'headline', 'standfirst', 'bodyHtml', 'dateline', 'byline', 'section', 'source', 'topics', 'priority',
    ]);
    for (const d of diffs) expect(edits(d.parts)).toEqual([]);
    expect(renderDiffHtml(diffs)).toBe('');
  });

  it('ignores fields outside the compared content (a revision snapshot carries more)', () => {
    const snapshot = { ...base, language: 'en', status: 'published', updatedAt: '2015-09-11T13:03:00.000Z' };
    const later = { ...snapshot, updatedAt: '2015-09-12T08:00:00.000Z' };
    expect(hasChanges(diffRevisions(snapshot, later))).toBe(false);
  });

  it('shows a one-word correction in the body as one removed and one added word', () => {
    const after = revise({ bodyHtml: base.bodyHtml.replace('Tuesday', 'Wednesday') });
    const diffs = diffRevisions(base, after);
    const body = field(diffs, 'bodyHtml');
    expect(body.changed).toBe(true);
    expect(edits(body.parts)).toEqual([
      { kind: 'removed', text: 'Tuesday' },
      { kind: 'added', text: 'Wednesday' },
    ]);
    expect(sides(body.parts)).toEqual({ before: bodyToText(base.bodyHtml), after: bodyToText(after.bodyHtml) });
    expect(diffs.filter((d) => d.changed).map((d) => d.field)).toEqual(['bodyHtml']);
  });

  it('shows an added paragraph as added, the others unchanged', () => {
    const after = revise({ bodyHtml: base.bodyHtml.replace('</p>\n', '</p>\n<p>Residents had objected.</p>\n') });
    const body = field(diffRevisions(base, after), 'bodyHtml');
    const changed = edits(body.parts);
    expect(changed).toHaveLength(1);
    expect(changed[0]?.kind).toBe('added');
    expect(changed[0]?.text.trim()).toBe('Residents had objected.');
    expect(sides(body.parts)).toEqual({ before: bodyToText(base.bodyHtml), after: bodyToText(after.bodyHtml) });
  });

  it('shows a paragraph added at the end and one removed from the start', () => {
    const after = revise({ bodyHtml: '<p>The bridge will cost £40m.</p><p>Work starts in May.</p><p>More soon.</p>' });
    const body = field(diffRevisions(base, after), 'bodyHtml');
    expect(edits(body.parts).map((p) => [p.kind, p.text.trim()])).toEqual([
      ['removed', 'The council voted on Tuesday.'],
      ['added', 'More soon.'],
    ]);
    expect(sides(body.parts)).toEqual({ before: bodyToText(base.bodyHtml), after: bodyToText(after.bodyHtml) });
  });

  it('reports a markup-only body change as changed, with the text all the same', () => {
    const after = revise({ bodyHtml: base.bodyHtml.replace('Tuesday', '<strong>Tuesday</strong>') });
    const diffs = diffRevisions(base, after);
    const body = field(diffs, 'bodyHtml');
    expect(body.changed).toBe(true);
    expect(edits(body.parts)).toEqual([]);
    expect(renderDiffHtml(diffs)).toContain('Only the markup changed');
  });

  it('diffs the headline by words', () => {
    const diffs = diffRevisions(base, revise({ headline: 'Council rejects new bridge' }));
    const headline = field(diffs, 'headline');
    expect(headline.changed).toBe(true);
    expect(headline.parts).toEqual([
      { kind: 'same', text: 'Council ' },
      { kind: 'removed', text: 'approves' },
      { kind: 'added', text: 'rejects' },
      { kind: 'same', text: ' new bridge' },
    ]);
    expect(hasChanges(diffs)).toBe(true);
  });

  it('lists added and removed topics as parts', () => {
    const topics = field(
      diffRevisions(base, revise({ topics: ['Transport', 'Infrastructure', 'London'] })),
      'topics',
    );
    expect(topics.changed).toBe(true);
    expect(topics.parts).toEqual(
      expect.arrayContaining([
        { kind: 'same', text: 'Transport' },
        { kind: 'removed', text: 'Local government' },
        { kind: 'added', text: 'Infrastructure' },
        { kind: 'added', text: 'London' },
      ]),
    );
    expect(topics.parts).toHaveLength(4);
  });

  it('compares priority as numbers', () => {
    expect(field(diffRevisions(base, revise({ priority: 7 })), 'priority')).toMatchObject({
      changed: true,
      parts: [
        { kind: 'removed', text: '2' },
        { kind: 'added', text: '7' },
      ],
    });
    expect(field(diffRevisions(base, revise({})), 'priority').changed).toBe(false);
  });

  it('shows null to text as added and text to null as removed', () => {
    const withoutStandfirst = revise({ standfirst: null, source: null });
    const added = diffRevisions(withoutStandfirst, base);
    expect(field(added, 'standfirst')).toMatchObject({ changed: true, parts: [{ kind: 'added', text: base.standfirst }] });
    expect(field(added, 'source').parts).toEqual([{ kind: 'added', text: 'Newsdesk' }]);

    const removed = diffRevisions(base, withoutStandfirst);
    expect(field(removed, 'standfirst').parts).toEqual([{ kind: 'removed', text: base.standfirst }]);

    const bothNull = diffRevisions(withoutStandfirst, withoutStandfirst);
    expect(field(bothNull, 'standfirst')).toMatchObject({ changed: false, parts: [] });
  });

  it('keeps the before and after texts of every diff intact (random edits)', () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const vocabulary = ['storm', 'council', 'river', 'vote', 'bridge', 'May', '£40m', 'said', 'the', '—'];
    const paragraph = () => Array.from({ length: 1 + random(6) }, () => vocabulary[random(vocabulary.length)]).join(' ');
    const body = (paragraphs: string[]) => paragraphs.map((p) => `<p>${p}</p>`).join('');
    for (let round = 0; round < 200; round++) {
      const before = Array.from({ length: random(6) }, paragraph);
      const after = before.filter(() => random(4) > 0).map((p) => (random(3) ? p : paragraph()));
      for (let i = random(3); i > 0; i--) after.splice(random(after.length + 1), 0, paragraph());
      const diff = field(diffRevisions(revise({ bodyHtml: body(before) }), revise({ bodyHtml: body(after) })), 'bodyHtml');
      expect(sides(diff.parts)).toEqual({ before: before.join('\n'), after: after.join('\n') });
    }
  });

  it('diffs a 2,000-paragraph body: a corrected word and an added paragraph', () => {
    const paragraphs = Array.from(
      { length: 2000 },
      (_, i) => `Paragraph ${i}: the council said on Tuesday that it would review plans for the bridge.`,
    );
    const before = revise({ bodyHtml: paragraphs.map((p) => `<p>${p}</p>`).join('\n') });
    const edited = paragraphs.map((p, i) => (i === 1200 ? p.replace('review', 'revisit') : p));
    edited.splice(500, 0, 'A new paragraph.');
    const after = revise({ bodyHtml: edited.map((p) => `<p>${p}</p>`).join('\n') });

    const body = field(diffRevisions(before, after), 'bodyHtml');
    expect(edits(body.parts).map((p) => [p.kind, p.text.trim()])).toEqual([
      ['added', 'A new paragraph.'],
      ['removed', 'review'],
      ['added', 'revisit'],
    ]);
    expect(sides(body.parts)).toEqual({ before: paragraphs.join('\n'), after: edited.join('\n') });
  });

  it('diffs a 2,000-paragraph body rewritten throughout', () => {
    const paragraphs = Array.from({ length: 2000 }, (_, i) => `Paragraph ${i} says the vote was close.`);
    const rewritten = paragraphs.map((p, i) => (i % 2 ? p.replace('close', 'tight') : `Rewritten ${i}.`));
    rewritten.push('A closing line.');
    const body = field(
      diffRevisions(
        revise({ bodyHtml: paragraphs.map((p) => `<p>${p}</p>`).join('') }),
        revise({ bodyHtml: rewritten.map((p) => `<p>${p}</p>`).join('') }),
      ),
      'bodyHtml',
    );
    expect(body.changed).toBe(true);
    expect(sides(body.parts)).toEqual({ before: paragraphs.join('\n'), after: rewritten.join('\n') });
  });
});

describe('renderDiffHtml', () => {
  it('renders only changed fields, each in a section with a label and <ins>/<del>', () => {
    const html = renderDiffHtml(
      diffRevisions(base, revise({ headline: 'Council rejects new bridge', topics: ['Transport'] })),
    );
    expect(html.match(/<section class="diff-field"/g)).toHaveLength(2);
    expect(html).toContain(
      '<section class="diff-field" data-field="headline"><h3>Headline</h3><div class="diff-text">Council <del>approves</del><ins>rejects</ins> new bridge</div></section>',
    );
    expect(html).toContain('<h3>Topics</h3><div class="diff-text">Transport, <del>Local government</del></div>');
    expect(html).not.toContain('Body');
  });

  it('escapes every piece of text: a <script> in a headline comes out as text', () => {
    const html = renderDiffHtml(
      diffRevisions(base, revise({ headline: '<script>alert("x")</script> & Co', topics: ['<b>'] })),
    );
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('&quot;x&quot;');
    expect(html).toContain('&amp; Co');
    expect(html).toContain('<ins>&lt;b&gt;</ins>');
  });

  it('escapes body text and marks paragraph breaks with <br>', () => {
    const html = renderDiffHtml(
      diffRevisions(base, revise({ bodyHtml: `${base.bodyHtml}<p>Tom &amp; Jerry &lt;img src=x onerror=alert(1)&gt;</p>` })),
    );
    expect(html).toContain('<ins><br>Tom &amp; Jerry &lt;img src=x onerror=alert(1)&gt;</ins>');
    expect(html).not.toContain('<img');
  });
});
