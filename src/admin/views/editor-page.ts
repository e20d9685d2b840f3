/** The story editor and the revision history. The client script turns the body field into a rich-text editor. */
import { type SafeHtml, html, trusted } from '../../domain/html.js';
import { formatStamp } from '../../domain/edition.js';
import type { Actor } from '../../newsroom/accounts.js';
import { can } from '../../newsroom/roles.js';
import { mayEdit } from '../../newsroom/workflow.js';
import type { ArticleSummary } from '../../domain/article.js';
import type { ArticleChange, DuplicateCopy, EditableArticle } from '../../store/index.js';

/** The lead image as the save request carries it back (the client sends this hidden field as JSON). */
function leadImage(story: EditableArticle) {
  const { url, width, height, alt, caption, credit } = story.image!;
  return { url, width, height, alt, caption, credit };
}

export function editorPage(view: {
  actor: Actor;
  story: EditableArticle;
  changes: ArticleChange[];
  copies: DuplicateCopy[];
  related: { list: ArticleSummary[]; pinned: ArticleSummary[]; excluded: ArticleSummary[] };
  timeZone: string;
}): SafeHtml {
  const { actor, story } = view;
  const editable = mayEdit(actor, story);
  const editor = can(actor.role, 'story.publish');
  const transitions: [string, string][] = [];
  if (story.status === 'draft' && editable) transitions.push(['submit', 'Submit for review']);
  if (editor && (story.status === 'review' || story.status === 'scheduled')) transitions.push(['return', 'Return to draft']);
  if (editor && story.status !== 'published') transitions.push(['publish', story.status === 'unpublished' ? 'Republish' : 'Publish now']);
  if (editor && (story.status === 'published' || story.status === 'scheduled')) transitions.push(['unpublish', 'Unpublish']);
  return html`<div class="editor-head">
  <h1>${story.headline}</h1>
  <p><span class="badge badge--${story.status}">${story.status}</span> · revision ${story.revision}
    ${story.scheduledAt ? html` · due <time datetime="${story.scheduledAt}">${formatStamp(story.scheduledAt, view.timeZone)}</time>` : ''}
    · <a href="/admin/stories/${story.id}/revisions">Revisions</a>
    · <a href="/admin/stories/${story.id}/preview" target="_blank" rel="noopener">Preview</a></p>
</div>
${view.copies.length
  ? html`<p class="also-from">Also from: ${view.copies.map(
      (c, i) => html`${i ? ', ' : ''}<span title="${c.headline}">${c.source ?? c.guid}</span>`,
    )}</p>`
  : ''}
<p id="editor-status" role="status" class="status-line"></p>
<div id="conflict" class="conflict" hidden></div>
<form id="story-form" class="story-form" data-story-id="${story.id}" data-revision="${story.revision}" data-status="${story.status}">
  <fieldset ${editable ? '' : trusted('disabled')}>
    <legend class="visually-hidden">Story</legend>
    <label>Headline <input name="headline" required maxlength="300" value="${story.headline}"></label>
    <label>Standfirst <textarea name="standfirst" rows="2">${story.standfirst ?? ''}</textarea></label>
    <div class="row">
      <label>Dateline <input name="dateline" value="${story.dateline ?? ''}" placeholder="BEIJING"></label>
      <label>Byline <input name="byline" value="${story.byline ?? ''}" placeholder="By …"></label>
      <label>Source <input name="source" value="${story.source?.name ?? ''}" placeholder="Xinhua"></label>
    </div>
    <div class="row">
      <label>Section <input name="section" required value="${story.section.name}"></label>
      <label>Topics <input name="topics" value="${story.topics.map((t) => t.name).join(', ')}" placeholder="Comma, separated"></label>
      <label>Priority <input name="priority" type="number" min="0" max="10" data-json-number value="${story.priority}"></label>
      <label>Embargo until <input name="embargoUntil" type="datetime-local" data-iso="${story.embargoUntil ?? ''}"></label>
      <label>Language <input name="language" value="${story.language}" maxlength="35" placeholder="en"></label>
    </div>
    <label for="body-editor" class="body-label">Body</label>
    <textarea name="bodyHtml" hidden>${story.bodyHtml}</textarea>
    <input type="hidden" name="image" value="${story.image ? JSON.stringify(leadImage(story)) : ''}">
    <div id="body-editor" class="body-editor"></div>
    ${story.status === 'published'
      ? html`<fieldset id="change-kind" class="change-kind">
      <legend>This story is published. What kind of change is this?</legend>
      <label><input type="radio" name="changeKind" value="minor" checked> Minor fix (typo; the Updated time stays)</label>
      <label><input type="radio" name="changeKind" value="update"> Update (new information; the Updated time moves)</label>
      <label><input type="radio" name="changeKind" value="correction"> Correction (shown to readers with a note)</label>
      <label>Note for readers <textarea name="note" rows="2" maxlength="1000"></textarea></label>
    </fieldset>`
      : ''}
    <div class="actions">
      <button type="submit" data-action="save">Save</button>
      ${transitions.map(([action, label]) => html`<button type="button" data-transition="${action}" class="secondary">${label}</button>`)}
      ${editor && story.status !== 'published'
        ? html`<span class="schedule"><label>Publish at <input name="scheduleAt" type="datetime-local"></label>
        <button type="button" data-transition="schedule" class="secondary">Schedule</button></span>`
        : ''}
    </div>
  </fieldset>
</form>
${relatedPanel(story.id, view.related, can(actor.role, 'curation.manage'))}
${view.changes.length
  ? html`<section class="card"><h2>Public change log</h2><ul>${view.changes.map(
      (c) => html`<li>${c.kind} · revision ${c.revision} · ${formatStamp(c.at, view.timeZone)}${c.note ? html`: ${c.note}` : ''}</li>`,
    )}</ul></section>`
  : ''}`;
}

export function revisionsPage(view: {
  story: EditableArticle;
  revisions: { revision: number; createdAt: string; author: string }[];
  from: number;
  to: number;
  diffHtml: string;
  mayRestore: boolean;
  timeZone: string;
}): SafeHtml {
  const { story } = view;
  return html`<h1>Revisions of “${story.headline}”</h1>
<form class="compare" method="get" action="/admin/stories/${story.id}/revisions">
  <label>From <select name="from">${view.revisions.map((r) => html`<option value="${r.revision}"${r.revision === view.from ? html` selected` : ''}>${r.revision}</option>`)}</select></label>
  <label>To <select name="to">${view.revisions.map((r) => html`<option value="${r.revision}"${r.revision === view.to ? html` selected` : ''}>${r.revision}</option>`)}</select></label>
  <button type="submit">Compare</button>
</form>
<section class="card diff" aria-labelledby="diff-title">
  <h2 id="diff-title">Changes from revision ${view.from} to ${view.to}</h2>
  ${view.diffHtml ? trusted(view.diffHtml) : html`<p class="empty">No differences.</p>`}
</section>
<table class="stories"><thead><tr><th scope="col">Revision</th><th scope="col">When</th><th scope="col">Who</th><th scope="col"></th></tr></thead>
<tbody>${view.revisions.map(
  (r) => html`<tr><td>${r.revision}</td><td>${formatStamp(r.createdAt, view.timeZone)}</td><td>${r.author}</td>
  <td>${view.mayRestore && r.revision !== story.revision
    ? html`<button type="button" class="secondary" data-api-action="/api/v1/admin/articles/${story.id}/revisions/${r.revision}/restore" data-method="POST" data-body='{"baseRevision": ${story.revision}}' data-redirect="/admin/stories/${story.id}">Restore</button>`
    : ''}</td></tr>`,
)}</tbody></table>`;
}

/** The story's Related Stories as readers get them, with the editors' pins and exclusions to change them. */
function relatedPanel(id: string, related: { list: ArticleSummary[]; pinned: ArticleSummary[]; excluded: ArticleSummary[] }, mayCurate: boolean): SafeHtml {
  const url = `/api/v1/admin/articles/${id}/related`;
  const pinned = related.pinned.map((s) => s.id);
  const excluded = related.excluded.map((s) => s.id);
  const action = (body: { pinned: string[]; excluded: string[] }, label: string, description: string) =>
    html`<button type="button" class="secondary small" data-api-action="${url}" data-method="PUT" data-body="${JSON.stringify(body)}" aria-label="${description}">${label}</button>`;
  return html`<section class="card related-panel" aria-labelledby="related-title">
  <h2 id="related-title">Related Stories</h2>
  <p class="hint">Computed from the story's words, names and time; pinned stories come first, excluded ones never.</p>
  ${related.list.length
    ? html`<ol class="board">${related.list.map(
        (s) => html`<li>${pinned.includes(s.id) ? html`<span class="badge">Pinned</span> ` : ''}<a href="/admin/stories/${s.id}">${s.headline}</a>${
          mayCurate
            ? html` <span class="board-actions">${
                pinned.includes(s.id)
                  ? action({ pinned: pinned.filter((p) => p !== s.id), excluded }, 'Unpin', `Unpin ${s.headline}`)
                  : action({ pinned: [...pinned, s.id], excluded }, 'Pin', `Pin ${s.headline}`)
              }${action({ pinned: pinned.filter((p) => p !== s.id), excluded: [...excluded, s.id] }, 'Exclude', `Exclude ${s.headline}`)}</span>`
            : ''
        }</li>`,
      )}</ol>`
    : html`<p class="empty">None yet: related stories are found when the story is published.</p>`}
  ${related.excluded.length
    ? html`<h3>Excluded</h3><ul class="board">${related.excluded.map(
        (s) => html`<li>${s.headline} ${mayCurate ? action({ pinned, excluded: excluded.filter((e) => e !== s.id) }, 'Allow', `Allow ${s.headline} again`) : ''}</li>`,
      )}</ul>`
    : ''}
  ${mayCurate
    ? html`<form data-api="${url}/pin" data-method="POST" class="inline-form">
    <label>Pin a story <input name="story" placeholder="Its address on the site, or its id"></label>
    <button type="submit" class="small">Pin</button>
  </form>`
    : ''}
</section>`;
}
