/** Pieces every page shares: times, story lists, the rail (Top News, Hot Topics, Editor's Picks, Most Read). */
import { type ArticleSummary, articlePath, sectionPath, topicPath } from '../../domain/article.js';
import { formatStamp } from '../../domain/edition.js';
import type { TopicCount } from '../../store/index.js';
import { type SafeHtml, html } from '../../domain/html.js';

export interface RailLists {
  topNews: ArticleSummary[];
  hotTopics: TopicCount[];
  editorsPicks: ArticleSummary[];
  /** The day's most read stories; empty when editors keep Most Read off the site. */
  mostRead: ArticleSummary[];
}

export function timeTag(iso: string, timeZone: string): SafeHtml {
  return html`<time datetime="${iso}">${formatStamp(iso, timeZone)}</time>`;
}

export function storyLink(story: ArticleSummary, timeZone: string): SafeHtml {
  return html`<a href="${articlePath(story, timeZone)}">${story.headline}</a>`;
}

/** Headlines with their times, as under "Related Stories". */
export function timedList(stories: ArticleSummary[], timeZone: string, className = 'timed-list'): SafeHtml {
  return html`<ul class="${className}">${stories.map(
    (s) => html`<li>${storyLink(s, timeZone)} ${timeTag(s.publishedAt, timeZone)}</li>`,
  )}</ul>`;
}

export const threadPath = (id: string) => `/thread/${encodeURIComponent(id)}`;

/** A developing story's reports, oldest first, each with its time; `currentId` is the one being read. */
export function storyTimeline(stories: ArticleSummary[], timeZone: string, currentId?: string): SafeHtml {
  return html`<ol class="timeline">${stories.map((s) =>
    s.id === currentId
      ? html`<li class="timeline__entry timeline__entry--current" aria-current="page">${timeTag(s.publishedAt, timeZone)} <span>${s.headline}</span></li>`
      : html`<li class="timeline__entry">${timeTag(s.publishedAt, timeZone)} ${storyLink(s, timeZone)}</li>`,
  )}</ol>`;
}

export function headlineList(stories: ArticleSummary[], timeZone: string): SafeHtml {
  return html`<ul class="headline-list">${stories.map((s) => html`<li>${storyLink(s, timeZone)}</li>`)}</ul>`;
}

/** A fuller list for section, topic and source pages: headline, standfirst, section and time. */
export function storyCards(stories: ArticleSummary[], timeZone: string): SafeHtml {
  return html`<ul class="story-cards">${stories.map(
    (s) => html`<li class="story-card">
      <h2 class="story-card__headline">${storyLink(s, timeZone)}</h2>
      ${s.standfirst ? html`<p class="story-card__standfirst">${s.standfirst}</p>` : ''}
      <p class="story-card__meta"><a href="${sectionPath(s.section)}">${s.section.name}</a> · ${timeTag(s.publishedAt, timeZone)}</p>
    </li>`,
  )}</ul>`;
}

export function topicLinks(topics: TopicCount[]): SafeHtml {
  return html`<ul class="topic-links">${topics.map(
    (t) => html`<li><a href="${topicPath(t.topic)}">${t.topic.name}</a></li>`,
  )}</ul>`;
}

export function rail(lists: RailLists, timeZone: string): SafeHtml {
  return html`<aside class="rail" aria-label="More news">
    <section class="rail__block" aria-labelledby="top-news-title">
      <h2 id="top-news-title">Today's Top News</h2>
      ${headlineList(lists.topNews, timeZone)}
    </section>
    <section class="rail__block" aria-labelledby="hot-topics-title">
      <h2 id="hot-topics-title">Hot Topics</h2>
      ${topicLinks(lists.hotTopics)}
    </section>
    <section class="rail__block" aria-labelledby="editors-picks-title">
      <h2 id="editors-picks-title">Editor's Picks</h2>
      ${headlineList(lists.editorsPicks, timeZone)}
    </section>
    ${lists.mostRead.length
      ? html`<section class="rail__block" aria-labelledby="most-read-title">
      <h2 id="most-read-title">Most Read</h2>
      <ol class="headline-list headline-list--ranked">${lists.mostRead.map((s) => html`<li>${storyLink(s, timeZone)}</li>`)}</ol>
    </section>`
      : ''}
  </aside>`;
}
