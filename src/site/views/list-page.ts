/**
 * Section, topic and source pages: a paginated list of stories, newest first, with the rail beside it; and a story
 * thread's page, its reports as a timeline.
 */
import type { ArticleSummary } from '../../domain/article.js';
import type { Edition } from '../../domain/edition.js';
import { type SafeHtml, html } from '../../domain/html.js';
import { storyCards, storyTimeline } from './parts.js';

export interface ListView {
  /** "Section", "Topic" or "Source": what kind of list this is. */
  kind: string;
  title: string;
  path: string;
  page: number;
  hasNext: boolean;
  stories: ArticleSummary[];
  /** The rail (Top News, Hot Topics, Editor's Picks), or the slot the page cache fills with it. */
  rail: SafeHtml;
  edition: Edition;
}

export function pageHref(path: string, page: number): string {
  return page <= 1 ? path : `${path}?page=${page}`;
}

export function listBody(view: ListView): SafeHtml {
  const tz = view.edition.timeZone;
  return html`<nav class="breadcrumb" aria-label="Breadcrumb"><ol><li><a href="/">Home</a></li><li>${view.kind}</li></ol></nav>
<div class="with-rail">
  <div class="listing">
    <h1 class="listing__title">${view.title}${view.page > 1 ? html` <span class="listing__page">page ${view.page}</span>` : ''}</h1>
    ${view.stories.length ? storyCards(view.stories, tz) : html`<p class="empty">No stories here yet.</p>`}
    ${view.page > 1 || view.hasNext
      ? html`<nav class="pagination" aria-label="Pages">
      ${view.page > 1 ? html`<a rel="prev" href="${pageHref(view.path, view.page - 1)}">← Newer</a>` : ''}
      ${view.hasNext ? html`<a rel="next" href="${pageHref(view.path, view.page + 1)}">Older →</a>` : ''}
    </nav>`
      : ''}
  </div>
  ${view.rail}
</div>`;
}

/** A developing story: every report, oldest first, under the latest headline. */
export function threadBody(view: { stories: ArticleSummary[]; rail: SafeHtml; edition: Edition }): SafeHtml {
  const latest = view.stories.at(-1)!;
  return html`<nav class="breadcrumb" aria-label="Breadcrumb"><ol><li><a href="/">Home</a></li><li>The story so far</li></ol></nav>
<div class="with-rail">
  <div class="listing">
    <h1 class="listing__title">${latest.headline}</h1>
    <p class="listing__lede">The story so far, in ${view.stories.length} reports.</p>
    ${storyTimeline(view.stories, view.edition.timeZone)}
  </div>
  ${view.rail}
</div>`;
}

export function notFoundBody(): SafeHtml {
  return html`<div class="not-found">
  <h1>Page not found</h1>
  <p>There is no page at this address. It may have moved, or the link may be mistyped.</p>
  <p><a href="/">Go to the front page</a></p>
</div>`;
}
