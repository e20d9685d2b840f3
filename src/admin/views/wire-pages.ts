/**
 * The wire desk's pages: the queue (filters, search, pick up, dismiss), one queued item as it would read, the
 * sources with their health, and one source's settings, auto-publish rules and log.
 */
import { type SafeHtml, html, trusted } from '../../domain/html.js';
import { formatStamp } from '../../domain/edition.js';
import type { SourceHealth, SourceLogEntry, WireSource } from '../../domain/wire-source.js';
import type { SourceOverview } from '../../ingest/sources.js';
import type { QueueState, QueuedItem } from '../../store/index.js';

const stateLabel: Record<QueueState, string> = { new: 'Waiting', 'picked-up': 'Picked up', dismissed: 'Dismissed' };
const kindLabel: Record<WireSource['kind'], string> = { push: 'Pushes to Newsdesk', url: 'Feed URL', directory: 'Drop folder' };

export interface QueueFilterView {
  state: QueueState;
  source: string;
  minPriority: string;
  q: string;
}

export interface WireQueueView {
  items: QueuedItem[];
  filter: QueueFilterView;
  sources: Pick<WireSource, 'id' | 'name'>[];
  nextCursor: string | null;
  mayPickUp: boolean;
  mayDismiss: boolean;
  timeZone: string;
}

function priorityBadge(priority: number): SafeHtml | '' {
  if (priority >= 8) return html`<span class="badge badge--flash">Flash</span>`;
  if (priority >= 6) return html`<span class="badge badge--urgent">Urgent</span>`;
  return '';
}

function itemActions(item: QueuedItem, view: { mayPickUp: boolean; mayDismiss: boolean }): SafeHtml | '' {
  if (item.state === 'picked-up') return item.articleId ? html`<a href="/admin/stories/${item.articleId}">Open draft</a>` : '';
  const buttons: SafeHtml[] = [];
  if (item.state === 'new' && view.mayPickUp) {
    buttons.push(
      html`<button type="button" class="small" data-api-action="/api/v1/admin/wire/${item.id}/pick-up" data-method="POST" data-redirect="/admin/stories/{articleId}" aria-label="Pick up ${item.headline}">Pick up</button>`,
    );
  }
  if (item.state === 'new' && view.mayDismiss) {
    buttons.push(
      html`<button type="button" class="secondary small" data-api-action="/api/v1/admin/wire/${item.id}/dismiss" data-method="POST" aria-label="Dismiss ${item.headline}">Dismiss</button>`,
    );
  }
  if (item.state === 'dismissed' && view.mayDismiss) {
    buttons.push(
      html`<button type="button" class="secondary small" data-api-action="/api/v1/admin/wire/${item.id}/restore" data-method="POST" aria-label="Restore ${item.headline}">Restore</button>`,
    );
  }
  return buttons.length ? html`<span class="board-actions">${buttons}</span>` : '';
}

function alsoFrom(item: QueuedItem): SafeHtml | '' {
  if (!item.alsoFrom.length) return '';
  return html`<span class="hint-inline">also from ${item.alsoFrom.map((c, i) => html`${i ? ', ' : ''}<span title="${c.headline}">${c.source ?? c.guid}</span>`)}</span>`;
}

export function wireQueuePage(view: WireQueueView): SafeHtml {
  const { filter } = view;
  const query = (changes: Partial<QueueFilterView & { cursor: string }>) => {
    const merged: Record<string, string> = { ...filter, ...changes };
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(merged)) if (value && !(key === 'state' && value === 'new')) params.set(key, value);
    const text = params.toString();
    return `/admin/wire${text ? `?${text}` : ''}`;
  };
  return html`<h1>Wire queue</h1>
<nav class="filters" aria-label="Queue state"><ul>${(Object.keys(stateLabel) as QueueState[]).map(
    (state) => html`<li><a href="${query({ state })}"${filter.state === state ? html` aria-current="page"` : ''}>${stateLabel[state]}</a></li>`,
  )}</ul></nav>
<form class="queue-search" method="get" action="/admin/wire" role="search">
  ${filter.state !== 'new' ? html`<input type="hidden" name="state" value="${filter.state}">` : ''}
  <label>Search <input type="search" name="q" value="${filter.q}" placeholder="Words in the headline or text"></label>
  <label>Source <select name="source"><option value="">All sources</option>${view.sources.map(
    (s) => html`<option value="${s.id}"${s.id === filter.source ? html` selected` : ''}>${s.name}</option>`,
  )}</select></label>
  <label>Priority <select name="minPriority">${[
    ['', 'Any'],
    ['6', 'Urgent and flash'],
    ['8', 'Flash only'],
  ].map(([value, label]) => html`<option value="${value}"${value === filter.minPriority ? html` selected` : ''}>${label}</option>`)}</select></label>
  <button type="submit">Filter</button>
</form>
${view.items.length
  ? html`<table class="stories wire-queue">
  <thead><tr><th scope="col">Headline</th><th scope="col">Source</th><th scope="col">Received</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
  <tbody>${view.items.map(
    (item) => html`<tr>
    <td>${priorityBadge(item.priority)} <a href="/admin/wire/${item.id}">${item.headline}</a> ${alsoFrom(item)}</td>
    <td>${item.sourceName}</td>
    <td><time datetime="${item.receivedAt}">${formatStamp(item.receivedAt, view.timeZone)}</time></td>
    <td>${itemActions(item, view)}</td>
  </tr>`,
  )}</tbody></table>
  ${view.nextCursor ? html`<p><a rel="next" href="${query({ cursor: view.nextCursor })}">Older items</a></p>` : ''}`
  : html`<p class="empty">${emptyQueueText(filter)}</p>`}`;
}

function emptyQueueText(filter: QueueFilterView): string {
  if (filter.q || filter.source || filter.minPriority) return 'Nothing matches these filters.';
  if (filter.state === 'new') return 'Nothing waiting. Items from sources set to queue for editors arrive here.';
  return `Nothing ${stateLabel[filter.state].toLowerCase()}.`;
}

export function wireItemPage(view: { item: QueuedItem; mayPickUp: boolean; mayDismiss: boolean; timeZone: string }): SafeHtml {
  const { item } = view;
  const story = item.item;
  return html`<p><a href="/admin/wire">← Wire queue</a></p>
<article class="card wire-item">
  <p>${priorityBadge(item.priority)} <span class="badge">${stateLabel[item.state]}</span> · ${item.sourceName}
    · received <time datetime="${item.receivedAt}">${formatStamp(item.receivedAt, view.timeZone)}</time>
    ${item.version !== null ? html` · version ${item.version}` : ''}</p>
  <h1>${item.headline}</h1>
  ${story.standfirst ? html`<p class="standfirst">${story.standfirst}</p>` : ''}
  ${story.dateline || story.byline ? html`<p class="hint-inline">${[story.dateline, story.byline].filter(Boolean).join(' · ')}</p>` : ''}
  <div class="wire-body">${trusted(story.bodyHtml)}</div>
  ${story.topics?.length ? html`<p class="hint-inline">Subjects: ${story.topics.join(', ')}</p>` : ''}
  ${item.alsoFrom.length
    ? html`<p class="also-from">Also from: ${item.alsoFrom.map((c, i) => html`${i ? ', ' : ''}<span title="${c.headline}">${c.source ?? c.guid}</span>`)}</p>`
    : ''}
  <p class="hint-inline">Wire id <code>${item.guid}</code> · ${item.format}</p>
  <p>${itemActions(item, view)}</p>
</article>`;
}

function healthBadge(source: WireSource, health: SourceHealth): SafeHtml {
  if (source.kind === 'push') return html`<span class="badge">Push</span>`;
  if (health.failures > 0) return html`<span class="badge badge--unpublished">Failing ×${health.failures}</span>`;
  if (!health.checkedAt) return html`<span class="badge">Not checked yet</span>`;
  return html`<span class="badge badge--published">OK</span>`;
}

const stamp = (at: string | null, timeZone: string) => (at ? html`<time datetime="${at}">${formatStamp(at, timeZone)}</time>` : html`<span class="hint-inline">never</span>`);

export function sourcesPage(view: { sources: SourceOverview[]; mayManage: boolean; timeZone: string }): SafeHtml {
  return html`<h1>Wire sources</h1>
${view.sources.length
  ? html`<table class="stories sources">
  <thead><tr><th scope="col">Source</th><th scope="col">Health</th><th scope="col">Last good</th><th scope="col">Next check</th><th scope="col">Queue</th></tr></thead>
  <tbody>${view.sources.map(
    (s) => html`<tr>
    <td><a href="/admin/sources/${s.id}">${s.name}</a><span class="hint">${kindLabel[s.kind]} · ${s.trust === 'publish' ? 'publishes at once' : `queues for editors${s.rules.length ? `, ${s.rules.length} auto-publish rule${s.rules.length === 1 ? '' : 's'}` : ''}`} · ${s.section}</span></td>
    <td>${healthBadge(s, s.health)}${s.health.lastError ? html`<span class="hint">${s.health.lastError}</span>` : ''}</td>
    <td>${s.kind === 'push' ? '' : stamp(s.health.succeededAt, view.timeZone)}</td>
    <td>${s.kind === 'push' ? '' : stamp(s.health.nextPollAt, view.timeZone)}</td>
    <td>${s.queue.new ? html`<a href="/admin/wire?source=${s.id}">${s.queue.new} waiting</a>` : html`<span class="hint-inline">none waiting</span>`}</td>
  </tr>`,
  )}</tbody></table>`
  : html`<p class="empty">No sources yet.</p>`}
${view.mayManage ? addSourceForm() : ''}`;
}

function addSourceForm(): SafeHtml {
  return html`<section class="card narrow" aria-labelledby="add-source-title">
  <h2 id="add-source-title">Add a source</h2>
  <form data-api="/api/v1/admin/sources" data-method="POST">
    <label>Name <input name="name" required placeholder="Xinhua"></label>
    <label>How it arrives <select name="kind">
      <option value="url">Feed URL, polled</option>
      <option value="directory">Drop folder, polled</option>
      <option value="push">Pushed to Newsdesk (ninjs or NewsML-G2)</option>
    </select></label>
    <label>Feed URL or folder <input name="location" placeholder="https://example.com/feed.xml"><span class="hint">Empty for a pushing source.</span></label>
    <div class="row">
      <label>Section <input name="section" required value="World"></label>
      <label>Check every (seconds) <input name="pollSeconds" type="number" min="10" data-json-number value="300"></label>
    </div>
    <label>Credit line <input name="credit" placeholder="Xinhua"><span class="hint">Shown as “(Xinhua)” on stories that name no agency of their own; the name when empty.</span></label>
    <label>Items <select name="trust"><option value="queue">wait in the wire queue for editors</option><option value="publish">are published at once</option></select></label>
    <button type="submit">Add source</button>
  </form>
</section>`;
}

export function sourcePage(view: { source: WireSource; health: SourceHealth; log: SourceLogEntry[]; mayManage: boolean; timeZone: string }): SafeHtml {
  const { source, health } = view;
  const rules = [...source.rules, { section: null, minPriority: null, keywords: [] }];
  const disabled = view.mayManage ? '' : trusted('disabled');
  return html`<p><a href="/admin/sources">← Wire sources</a></p>
<h1>${source.name}</h1>
<p>${healthBadge(source, health)} ${kindLabel[source.kind]}${source.location ? html` · <code>${source.location}</code>` : ''}
  ${source.kind === 'push' ? html` · <code>POST /api/v1/ingest/${source.id}</code>` : ''}</p>
${source.kind !== 'push'
  ? html`<p>Last checked ${stamp(health.checkedAt, view.timeZone)} · last good ${stamp(health.succeededAt, view.timeZone)} · next ${stamp(health.nextPollAt, view.timeZone)}
    · ${health.itemsReceived} items taken in
    ${view.mayManage ? html` <button type="button" class="secondary small" data-api-action="/api/v1/admin/sources/${source.id}/poll" data-method="POST">Check now</button>` : ''}</p>
    ${health.lastError ? html`<p class="form-error">Last error: ${health.lastError}</p>` : ''}`
  : ''}
<div class="grid">
<section class="card" aria-labelledby="settings-title">
  <h2 id="settings-title">Settings</h2>
  <form data-api="/api/v1/admin/sources/${source.id}" data-method="PUT"><fieldset ${disabled}>
    <legend class="visually-hidden">Settings of ${source.name}</legend>
    ${source.kind !== 'push' ? html`<label>${source.kind === 'url' ? 'Feed URL' : 'Folder'} <input name="location" required value="${source.location ?? ''}"></label>` : ''}
    <div class="row">
      <label>Section <input name="section" required value="${source.section}"></label>
      ${source.kind !== 'push' ? html`<label>Check every (seconds) <input name="pollSeconds" type="number" min="10" data-json-number value="${source.pollSeconds ?? ''}"></label>` : ''}
    </div>
    <label>Credit line <input name="credit" value="${source.credit ?? ''}" placeholder="${source.name}"></label>
    <label>Items <select name="trust">
      <option value="queue"${source.trust === 'queue' ? html` selected` : ''}>wait in the wire queue for editors</option>
      <option value="publish"${source.trust === 'publish' ? html` selected` : ''}>are published at once</option>
    </select></label>
    <fieldset class="rules">
      <legend>Auto-publish rules <span class="hint">For a queued source: an item that meets every condition of a rule is published at once, in the rule's section. Clear a row to remove it.</span></legend>
      ${rules.map(
        (rule, i) => html`<p class="rule-title">${i < source.rules.length ? `Rule ${i + 1}` : 'New rule'}</p><div class="row rule">
        <label>Priority at least <select name="rules.${i}.minPriority" data-json-number>${[
          ['', 'any'],
          ['3', '3'],
          ['6', '6 (urgent)'],
          ['8', '8 (flash)'],
        ].map(([value, label]) => html`<option value="${value}"${String(rule.minPriority ?? '') === value ? html` selected` : ''}>${label}</option>`)}</select></label>
        <label>Keywords <input name="rules.${i}.keywords" value="${rule.keywords.join(', ')}" placeholder="earthquake, tsunami"></label>
        <label>Into section <input name="rules.${i}.section" value="${rule.section ?? ''}" placeholder="${source.section}"></label>
      </div>`,
      )}
    </fieldset>
    ${view.mayManage ? html`<button type="submit">Save settings</button>` : ''}
  </fieldset></form>
</section>
<section class="card" aria-labelledby="log-title">
  <h2 id="log-title">Log</h2>
  ${view.log.length
    ? html`<ol class="source-log">${view.log.map(
        (entry) => html`<li class="source-log__${entry.level}"><time datetime="${entry.at}">${formatStamp(entry.at, view.timeZone)}</time> ${entry.message}</li>`,
      )}</ol>`
    : html`<p class="empty">Nothing logged yet.</p>`}
</section>
</div>`;
}
