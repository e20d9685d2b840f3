/** The desk: the dashboard, the story list, people. */
import { type SafeHtml, html } from '../../domain/html.js';
import { countOf } from '../../domain/text.js';
import { formatStamp } from '../../domain/edition.js';
import type { ArticleSummary } from '../../domain/article.js';
import type { Actor } from '../../newsroom/accounts.js';
import { readsChart } from './reads-chart.js';
import { can, roles } from '../../newsroom/roles.js';

export interface DeskStory {
  id: string;
  headline: string;
  status: string;
  updated_at: string;
  published_at: string | null;
  scheduled_at: string | null;
  embargo_until: string | null;
}

const statusLabel: Record<string, string> = {
  draft: 'Draft',
  review: 'In review',
  scheduled: 'Scheduled',
  published: 'Published',
  unpublished: 'Unpublished',
};

function storyTable(stories: DeskStory[], timeZone: string, empty: string): SafeHtml {
  if (!stories.length) return html`<p class="empty">${empty}</p>`;
  return html`<table class="stories">
  <thead><tr><th scope="col">Headline</th><th scope="col">Status</th><th scope="col">When</th></tr></thead>
  <tbody>${stories.map(
    (s) => html`<tr>
    <td><a href="/admin/stories/${s.id}">${s.headline}</a></td>
    <td><span class="badge badge--${s.status}">${statusLabel[s.status] ?? s.status}</span>${
      s.embargo_until ? html` <span class="badge badge--embargo">Embargo ${formatStamp(s.embargo_until, timeZone)}</span>` : ''
    }</td>
    <td><time datetime="${s.scheduled_at ?? s.updated_at}">${formatStamp(s.scheduled_at ?? s.updated_at, timeZone)}</time></td>
  </tr>`,
  )}</tbody>
</table>`;
}

export interface DashboardView {
  actor: Actor;
  review: DeskStory[];
  scheduled: DeskStory[];
  embargoed: DeskStory[];
  recent: DeskStory[];
  wire: (DeskStory & { source: string | null; received_at: string })[];
  /** Items waiting in the wire queue. */
  waiting: number;
  mostRead: { story: ArticleSummary; reads: number }[];
  readsPerHour: { label: string; reads: number }[];
  timeZone: string;
}

export function dashboardPage(view: DashboardView): SafeHtml {
  return html`<h1>Dashboard</h1>
<div class="grid">
  <section class="card" aria-labelledby="most-read-title">
    <h2 id="most-read-title">Most read, last 24 hours</h2>
    ${readsChart(view.readsPerHour)}
    ${view.mostRead.length
      ? html`<ol class="most-read">${view.mostRead.map(
          (r) => html`<li><a href="/admin/stories/${r.story.id}">${r.story.headline}</a> <span class="hint-inline">${countOf(r.reads, 'read')}</span></li>`,
        )}</ol>`
      : html`<p class="empty">No reads counted yet.</p>`}
  </section>
  <section class="card" aria-labelledby="review-title"><h2 id="review-title">In review</h2>${storyTable(view.review, view.timeZone, 'Nothing waiting for review.')}</section>
  <section class="card" aria-labelledby="scheduled-title"><h2 id="scheduled-title">Scheduled</h2>${storyTable(view.scheduled, view.timeZone, 'Nothing scheduled.')}</section>
  <section class="card" aria-labelledby="embargoed-title"><h2 id="embargoed-title">Under embargo</h2>${storyTable(view.embargoed, view.timeZone, 'No embargoed stories.')}</section>
  <section class="card" aria-labelledby="wire-title"><h2 id="wire-title">Newest from the wires</h2>
  <p><a href="/admin/wire">${view.waiting ? `${countOf(view.waiting, 'item')} waiting in the wire queue` : 'Wire queue: nothing waiting'}</a> · <a href="/admin/sources">Sources</a></p>${
    view.wire.length
      ? html`<table class="stories"><thead><tr><th scope="col">Headline</th><th scope="col">Source</th><th scope="col">Received</th></tr></thead>
      <tbody>${view.wire.map(
        (w) => html`<tr><td><a href="/admin/stories/${w.id}">${w.headline}</a></td><td>${w.source ?? ''}</td>
        <td><time datetime="${w.received_at}">${formatStamp(w.received_at, view.timeZone)}</time></td></tr>`,
      )}</tbody></table>`
      : html`<p class="empty">No wire items yet: <code>newsdesk import</code> takes RSS, Atom, JSON Feed, ninjs, NewsML-G2 and NITF.</p>`
  }</section>
  <section class="card" aria-labelledby="recent-title"><h2 id="recent-title">Recently changed</h2>${storyTable(view.recent, view.timeZone, 'No stories yet.')}</section>
</div>`;
}

export function storiesPage(stories: DeskStory[], status: string | undefined, timeZone: string): SafeHtml {
  return html`<h1>Stories</h1>
<nav class="filters" aria-label="Filter by status"><ul>
  <li><a href="/admin/stories"${!status ? html` aria-current="page"` : ''}>All</a></li>
  ${Object.entries(statusLabel).map(
    ([key, label]) => html`<li><a href="/admin/stories?status=${key}"${status === key ? html` aria-current="page"` : ''}>${label}</a></li>`,
  )}
</ul></nav>
${storyTable(stories, timeZone, 'No stories.')}`;
}

export function peoplePage(actor: Actor, people: Actor[]): SafeHtml {
  return html`<h1>People</h1>
<table class="stories"><thead><tr><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Role</th></tr></thead>
<tbody>${people.map((p) => html`<tr><td>${p.name}</td><td>${p.email}</td><td>${p.role}</td></tr>`)}</tbody></table>
${can(actor.role, 'users.manage')
  ? html`<section class="card narrow"><h2>Invite someone</h2>
  <form data-api="/api/v1/admin/invitations" data-method="POST">
    <label>Email <input name="email" type="email" required></label>
    <label>Role <select name="role">${roles
      .filter((r) => r !== 'owner' && (r !== 'admin' || actor.role === 'owner'))
      .map((r) => html`<option value="${r}"${r === 'reporter' ? html` selected` : ''}>${r}</option>`)}</select></label>
    <button type="submit">Create invitation link</button>
  </form></section>`
  : ''}`;
}
