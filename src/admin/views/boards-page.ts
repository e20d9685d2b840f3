/**
 * The curation boards: Today's Top News with its pins and hidden stories, Hot Topics, Editor's Picks. Every button
 * sends the whole new board, computed here, so the page needs no logic of its own.
 */
import type { ArticleSummary, Section } from '../../domain/article.js';
import { type SafeHtml, html } from '../../domain/html.js';
import { countOf } from '../../domain/text.js';
import type { BoardEntry, TopicCount } from '../../store/index.js';
import { EDITORS_PICKS, type TopNewsSettings, type TopicNames, sectionPicksSlug, weightsToText } from '../../curation/index.js';

export interface BoardsView {
  mayEdit: boolean;
  /** The section whose Editor's Picks are shown; null for the whole site's boards. */
  section: Section | null;
  sections: Section[];
  topNews: { list: ArticleSummary[]; ranking: { id: string; why: string }[]; settings: TopNewsSettings; pinned: BoardEntry[]; hidden: BoardEntry[] };
  hotTopics: { list: TopicCount[]; why: Record<string, string>; names: TopicNames; pinned: BoardEntry[]; hidden: BoardEntry[] };
  picks: ArticleSummary[];
  mostRead: { shown: boolean; list: { story: ArticleSummary; reads: number }[] };
  hiddenStories: ArticleSummary[];
}

interface Board {
  pinned: { id: string; expiresAt?: string | null }[];
  hidden: string[];
}

function button(url: string, body: unknown, label: string, description: string, method = 'PUT'): SafeHtml {
  return html`<button type="button" class="secondary small" data-api-action="${url}" data-method="${method}" data-body="${JSON.stringify(body)}" aria-label="${description}">${label}</button>`;
}

function boardOf(entries: { pinned: BoardEntry[]; hidden: BoardEntry[] }): Board {
  return {
    pinned: entries.pinned.map((e) => ({ id: e.itemId, expiresAt: e.expiresAt })),
    hidden: entries.hidden.map((e) => e.itemId),
  };
}

/** The buttons that change one item's place on a board. */
function boardButtons(url: string, board: Board, id: string, name: string): SafeHtml[] {
  const index = board.pinned.findIndex((p) => p.id === id);
  const without = board.pinned.filter((p) => p.id !== id);
  const buttons: SafeHtml[] = [];
  if (index < 0) {
    buttons.push(button(url, { ...board, pinned: [...board.pinned, { id }] }, 'Pin', `Pin ${name}`));
  } else {
    if (index > 0) {
      const up = [...without.slice(0, index - 1), board.pinned[index]!, ...without.slice(index - 1)];
      buttons.push(button(url, { ...board, pinned: up }, '↑', `Move ${name} up`));
    }
    if (index < board.pinned.length - 1) {
      const down = [...without.slice(0, index + 1), board.pinned[index]!, ...without.slice(index + 1)];
      buttons.push(button(url, { ...board, pinned: down }, '↓', `Move ${name} down`));
    }
    buttons.push(button(url, { ...board, pinned: without }, 'Unpin', `Unpin ${name}`));
  }
  buttons.push(button(url, { pinned: without, hidden: [...board.hidden, id] }, 'Hide', `Hide ${name}`));
  return buttons;
}

export function boardsPage(view: BoardsView): SafeHtml {
  const { section } = view;
  const topUrl = '/api/v1/admin/boards/top-news';
  const hotUrl = '/api/v1/admin/boards/hot-topics';
  const picksUrl = `/api/v1/admin/collections/${encodeURIComponent(section ? sectionPicksSlug(section.id) : EDITORS_PICKS)}`;
  const top = boardOf(view.topNews);
  const hot = boardOf(view.hotTopics);
  const picks = view.picks.map((p) => ({ id: p.id }));
  const pinnedIds = new Set(top.pinned.map((p) => p.id));
  const pickIds = new Set(picks.map((p) => p.id));
  const setPicks = (items: { id: string }[]) => ({ name: "Editor's Picks", items });

  return html`<h1>Curation boards${section ? html`: ${section.name}` : ''}</h1>
<nav class="filters" aria-label="Boards of"><ul>
  <li><a href="/admin/boards"${section ? '' : html` aria-current="page"`}>Whole site</a></li>
  ${view.sections.map((s) => html`<li><a href="/admin/boards?section=${s.slug}"${section?.id === s.id ? html` aria-current="page"` : ''}>${s.name}</a></li>`)}
</ul></nav>
${section ? html`<p class="hint">${section.name}'s pages, and its stories' pages, show its Editor's Picks before the site's. Its stories of the day are listed to pick from.</p>` : ''}
<div class="grid">
<section class="card" aria-labelledby="top-title">
  <h2 id="top-title">${section ? `Today in ${section.name}` : "Today's Top News"}</h2>
  <p class="hint">${section ? "Ranked as Top News ranks the day's stories." : "Pinned stories lead, in your order; the rest of today's follow by priority × freshness × today's reads × source, and a priority-10 story takes the lead slot. Hidden stories never appear."}</p>
  <ol class="board">${view.topNews.list.map(
    (s) => html`<li>${pinnedIds.has(s.id) ? html`<span class="badge">Pinned</span> ` : ''}<a href="/admin/stories/${s.id}">${s.headline}</a>
      <span class="hint why">${view.topNews.ranking.find((r) => r.id === s.id)?.why ?? ''}</span>
      ${view.mayEdit
        ? html`<span class="board-actions">${section ? '' : boardButtons(topUrl, top, s.id, s.headline)}${
            pickIds.has(s.id) ? '' : button(picksUrl, setPicks([...picks, { id: s.id }]), '+ Picks', `Add ${s.headline} to Editor's Picks`)
          }</span>`
        : ''}</li>`,
  )}</ol>
  ${topNewsSettingsForm(view.topNews.settings, view.mayEdit)}
  ${view.hiddenStories.length
    ? html`<h3>Hidden</h3><ul class="board">${view.hiddenStories.map(
        (s) => html`<li>${s.headline} ${view.mayEdit ? button(topUrl, { ...top, hidden: top.hidden.filter((h) => h !== s.id) }, 'Unhide', `Unhide ${s.headline}`) : ''}</li>`,
      )}</ul>`
    : ''}
</section>
<section class="card" aria-labelledby="picks-title">
  <h2 id="picks-title">Editor's Picks</h2>
  ${view.picks.length
    ? html`<ol class="board">${view.picks.map((s, i) => {
        const others = picks.filter((p) => p.id !== s.id);
        return html`<li><a href="/admin/stories/${s.id}">${s.headline}</a>${view.mayEdit
          ? html`<span class="board-actions">${i > 0 ? button(picksUrl, setPicks([...others.slice(0, i - 1), { id: s.id }, ...others.slice(i - 1)]), '↑', `Move ${s.headline} up`) : ''}${
              i < picks.length - 1 ? button(picksUrl, setPicks([...others.slice(0, i + 1), { id: s.id }, ...others.slice(i + 1)]), '↓', `Move ${s.headline} down`) : ''
            }${button(picksUrl, setPicks(others), 'Remove', `Remove ${s.headline} from Editor's Picks`)}</span>`
          : ''}</li>`;
      })}</ol>`
    : html`<p class="empty">No picks: the site shows the week's highest-priority stories instead.</p>`}
</section>
${section ? '' : siteWideCards(view, hot, hotUrl)}
</div>`;
}

function topNewsSettingsForm(settings: TopNewsSettings, mayEdit: boolean): SafeHtml | '' {
  if (!mayEdit) return '';
  return html`<details class="ranking-settings">
  <summary>How the rest is ranked</summary>
  <form data-api="/api/v1/admin/boards/top-news/settings" data-method="PUT">
    <div class="row">
      <label>Freshness half-life (hours) <input name="halfLifeHours" type="number" min="0.5" max="168" step="0.5" data-json-number value="${settings.halfLifeHours}"><span class="hint">A story's weight halves every so many hours.</span></label>
      <label>Readership weight <input name="readsWeight" type="number" min="0" max="5" step="0.1" data-json-number value="${settings.readsWeight}"><span class="hint">What the day's most read story gains; 0 ignores reads.</span></label>
    </div>
    <label>Source weights <input name="sourceWeights" value="${weightsToText(settings.sourceWeights)}" placeholder="Our Reporters = 1.5, Partner Wire = 0.8"><span class="hint">Sources not named weigh 1.</span></label>
    <button type="submit">Save ranking</button>
  </form>
</details>`;
}

/** Rename a topic, or merge it into another on the list. */
function topicNameForms(topic: TopicCount, list: TopicCount[]): SafeHtml {
  const others = list.filter((t) => t.topic.id !== topic.topic.id);
  return html`<details class="topic-names"><summary>Rename or merge</summary>
    <form data-api="/api/v1/admin/boards/hot-topics/rename" data-method="POST" class="inline-form">
      <input type="hidden" name="key" value="${topic.topic.id}">
      <label>Show as <input name="label" value="${topic.topic.name}"></label>
      <button type="submit" class="small">Rename</button>
    </form>
    ${others.length
      ? html`<form data-api="/api/v1/admin/boards/hot-topics/merge" data-method="POST" class="inline-form">
      <input type="hidden" name="key" value="${topic.topic.id}">
      <label>Count as <select name="into">${others.map((t) => html`<option value="${t.topic.id}">${t.topic.name}</option>`)}</select></label>
      <button type="submit" class="small secondary">Merge</button>
    </form>`
      : ''}
  </details>`;
}

function mergedList(names: TopicNames, mayEdit: boolean): SafeHtml | '' {
  const merged = Object.entries(names.merged);
  if (!merged.length) return '';
  return html`<h3>Merged</h3><ul class="board">${merged.map(
    ([key, into]) => html`<li>${key} → ${into} ${mayEdit ? button('/api/v1/admin/boards/hot-topics/merge', { key, into: null }, 'Undo', `Stop counting ${key} as ${into}`, 'POST') : ''}</li>`,
  )}</ul>`;
}

/** Most Read and Hot Topics: the whole site's, on the site-wide boards only. */
function siteWideCards(view: BoardsView, hot: Board, hotUrl: string): SafeHtml {
  return html`<section class="card" aria-labelledby="most-read-title">
  <h2 id="most-read-title">Most Read</h2>
  <p class="hint">The most read stories of the last 24 hours, counted without cookies. ${view.mostRead.shown ? 'Shown on the site, under Editor\'s Picks.' : 'Not shown on the site.'}</p>
  ${view.mostRead.list.length
    ? html`<ol class="board">${view.mostRead.list.map((r) => html`<li><a href="/admin/stories/${r.story.id}">${r.story.headline}</a> <span class="hint-inline">${countOf(r.reads, 'read')}</span></li>`)}</ol>`
    : html`<p class="empty">No reads counted yet.</p>`}
  ${view.mayEdit
    ? html`<button type="button" class="secondary small" data-api-action="/api/v1/admin/boards/most-read" data-method="PUT" data-body="${JSON.stringify({ shown: !view.mostRead.shown })}">${view.mostRead.shown ? 'Take Most Read off the site' : 'Show Most Read on the site'}</button>`
    : ''}
</section>
<section class="card" aria-labelledby="hot-title">
  <h2 id="hot-title">Hot Topics</h2>
  <p class="hint">Names and phrases whose share of the last three hours' stories rises above their own baseline; pinned topics lead.</p>
  <ol class="board">${view.hotTopics.list.map(
    (t) => html`<li>${hot.pinned.some((p) => p.id === t.topic.id) ? html`<span class="badge">Pinned</span> ` : ''}<a href="/topic/${t.topic.slug}" target="_blank" rel="noopener">${t.topic.name}</a> <span class="hint-inline">${countOf(t.count, 'story', 'stories')}</span>
      ${view.hotTopics.why[t.topic.id] ? html`<span class="hint why">${view.hotTopics.why[t.topic.id]}</span>` : ''}
      ${view.mayEdit ? html`<span class="board-actions">${boardButtons(hotUrl, hot, t.topic.id, t.topic.name)}</span>${topicNameForms(t, view.hotTopics.list)}` : ''}</li>`,
  )}</ol>
  ${mergedList(view.hotTopics.names, view.mayEdit)}
  ${hot.hidden.length
    ? html`<h3>Hidden</h3><ul class="board">${hot.hidden.map(
        (id) => html`<li>${id} ${view.mayEdit ? button(hotUrl, { ...hot, hidden: hot.hidden.filter((h) => h !== id) }, 'Unhide', `Unhide ${id}`) : ''}</li>`,
      )}</ul>`
    : ''}
</section>`;
}
