/** The article page: every part of the seed page, readable without JavaScript. */
import { type Article, type ArticleSummary, sectionPath, sourcePath, topicPath } from '../../domain/article.js';
import type { Edition } from '../../domain/edition.js';
import type { ArticleChange } from '../../store/index.js';
import type { StoryThread } from '../../curation/index.js';
import { type SafeHtml, html, trusted } from '../../domain/html.js';
import { storyTimeline, threadPath, timeTag, timedList } from './parts.js';

export interface ArticleView {
  article: Article;
  /** The public change log: updates and corrections, newest first. */
  changes: ArticleChange[];
  related: ArticleSummary[];
  /** The developing story this one belongs to, oldest first; null when it stands alone. */
  thread: StoryThread | null;
  /** The rail (Top News, Hot Topics, Editor's Picks), or the slot the page cache fills with it. */
  rail: SafeHtml;
  edition: Edition;
  /** Absolute URL of the page, for share links and structured data. */
  url: string;
}

export function articleBody(view: ArticleView): SafeHtml {
  const { article, edition } = view;
  const tz = edition.timeZone;
  return html`<nav class="breadcrumb" aria-label="Breadcrumb">
  <ol><li><a href="/">Home</a></li><li><a href="${sectionPath(article.section)}">${article.section.name}</a></li></ol>
</nav>
<div class="with-rail">
  <article class="story" lang="${article.language}">
    <header class="story__header">
      <h1 class="story__headline">${article.headline}</h1>
      ${article.standfirst ? html`<p class="story__standfirst">${article.standfirst}</p>` : ''}
      <p class="story__meta">
        <span class="story__updated">Updated: ${timeTag(article.updatedAt, tz)}</span>
        ${article.source ? html`<a class="story__source" href="${sourcePath(article.source)}">${article.source.creditLine}</a>` : ''}
        ${article.byline ? html`<span class="story__byline">${article.byline}</span>` : ''}
      </p>
      ${shareLinks(article.headline, view.url)}
    </header>
    ${article.image ? leadImage(article) : ''}
    <div class="story__body">${bodyWithDateline(article)}</div>
    ${view.changes.length ? changeLog(view.changes, tz) : ''}
    ${article.topics.length
      ? html`<ul class="story__topics" aria-label="Topics">${article.topics.map(
          (t) => html`<li><a href="${topicPath(t)}">${t.name}</a></li>`,
        )}</ul>`
      : ''}
    ${view.thread ? storySoFar(view.thread, article.id, tz) : ''}
    <section class="related" aria-labelledby="related-title">
      <h2 id="related-title">Related Stories</h2>
      ${timedList(view.related, tz)}
    </section>
  </article>
  ${view.rail}
</div>`;
}

/** Corrections and updates, as the reader is owed them: what changed and when, at the foot of the story. */
function changeLog(changes: ArticleChange[], timeZone: string): SafeHtml {
  return html`<section class="story__changes" aria-labelledby="changes-title">
    <h2 id="changes-title">Corrections and updates</h2>
    <ul>${changes.map(
      (c) => html`<li class="story__change story__change--${c.kind}">
        <strong>${c.kind === 'correction' ? 'Correction' : 'Updated'}</strong> ${timeTag(c.at, timeZone)}${c.note ? html`: ${c.note}` : ''}
      </li>`,
    )}</ul>
  </section>`;
}

function leadImage(article: Article): SafeHtml {
  const image = article.image!;
  return html`<figure class="story__figure">
    <img src="${image.url}" alt="${image.alt}"${image.width ? html` width="${image.width}"` : ''}${image.height ? html` height="${image.height}"` : ''}>
    ${image.caption || image.credit
      ? html`<figcaption>${image.caption ?? ''} ${image.credit ? html`<span class="credit">${image.credit}</span>` : ''}</figcaption>`
      : ''}
  </figure>`;
}

/** "BEIJING --" runs into the first paragraph, as on the seed page. */
function bodyWithDateline(article: Article): SafeHtml {
  if (!article.dateline) return trusted(article.bodyHtml);
  const dateline = html`<span class="story__dateline">${article.dateline} --</span> `;
  if (article.bodyHtml.startsWith('<p>')) return html`<p>${dateline}${trusted(article.bodyHtml.slice(3))}`;
  return html`<p>${dateline}</p>${trusted(article.bodyHtml)}`;
}

function shareLinks(headline: string, url: string): SafeHtml {
  const u = encodeURIComponent(url);
  const t = encodeURIComponent(headline);
  const targets = [
    ['Email', `mailto:?subject=${t}&body=${u}`],
    ['X', `https://twitter.com/intent/tweet?text=${t}&url=${u}`],
    ['Facebook', `https://www.facebook.com/sharer/sharer.php?u=${u}`],
    ['LinkedIn', `https://www.linkedin.com/sharing/share-offsite/?url=${u}`],
    ['Weibo', `https://service.weibo.com/share/share.php?url=${u}&title=${t}`],
  ] as const;
  return html`<nav class="share" aria-label="Share this story">
    <ul>${targets.map(([name, href]) => html`<li><a href="${href}" rel="noopener noreferrer">${name}</a></li>`)}</ul>
  </nav>`;
}

/** schema.org NewsArticle, with `<` escaped so no text can close the script element. */
export function articleStructuredData(view: ArticleView): SafeHtml {
  const { article } = view;
  const data = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.headline,
    datePublished: article.publishedAt,
    dateModified: article.updatedAt,
    articleSection: article.section.name,
    inLanguage: article.language,
    mainEntityOfPage: view.url,
    ...(article.image ? { image: [article.image.url] } : {}),
    ...(article.byline ? { author: [{ '@type': 'Person', name: article.byline.replace(/^by\s+/i, '') }] } : {}),
    ...(article.source ? { sourceOrganization: { '@type': 'Organization', name: article.source.name } } : {}),
    publisher: { '@type': 'Organization', name: view.edition.siteName },
  };
  return trusted(`<script type="application/ld+json">${JSON.stringify(data).replace(/</g, '\\u003c')}</script>`);
}

/** The stories of this one's thread as a timeline, the latest few, with this one marked. */
function storySoFar(thread: StoryThread, currentId: string, timeZone: string): SafeHtml {
  const shown = thread.timeline.slice(-STORY_SO_FAR_ENTRIES);
  return html`<section class="story-so-far" aria-labelledby="story-so-far-title">
      <h2 id="story-so-far-title">The story so far</h2>
      ${storyTimeline(shown, timeZone, currentId)}
      <p><a href="${threadPath(thread.id)}">The whole story${thread.timeline.length > shown.length ? `, ${thread.timeline.length} reports` : ''}</a></p>
    </section>`;
}

const STORY_SO_FAR_ENTRIES = 6;
