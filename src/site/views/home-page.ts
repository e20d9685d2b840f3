/** The front page: lead story, Today's Top News, a block per section, Hot Topics and Editor's Picks. */
import { type ArticleSummary, type Section, articlePath, sectionPath } from '../../domain/article.js';
import type { Edition } from '../../domain/edition.js';
import { type SafeHtml, html } from '../../domain/html.js';
import { timeTag, timedList } from './parts.js';

export interface HomeView {
  lead: ArticleSummary | null;
  /** The rail (Top News, Hot Topics, Editor's Picks), or the slot the page cache fills with it. */
  rail: SafeHtml;
  sectionBlocks: { section: Section; stories: ArticleSummary[] }[];
  edition: Edition;
}

export function homeBody(view: HomeView): SafeHtml {
  const tz = view.edition.timeZone;
  const lead = view.lead;
  return html`<h1 class="visually-hidden">${view.edition.siteName}</h1>
<div class="with-rail">
  <div class="front">
    ${lead
      ? html`<article class="lead-story">
      ${lead.image ? html`<img class="lead-story__image" src="${lead.image.url}" alt="${lead.image.alt}"${lead.image.width ? html` width="${lead.image.width}" height="${lead.image.height ?? ''}"` : ''}>` : ''}
      <h2 class="lead-story__headline"><a href="${articlePath(lead, tz)}">${lead.headline}</a></h2>
      ${lead.standfirst ? html`<p class="lead-story__standfirst">${lead.standfirst}</p>` : ''}
      <p class="lead-story__meta">${lead.source ? html`${lead.source.creditLine} · ` : ''}${timeTag(lead.publishedAt, tz)}</p>
    </article>`
      : html`<p class="empty">No stories have been published yet.</p>`}
    <div class="section-blocks">
      ${view.sectionBlocks.map(
        (block) => html`<section class="section-block" aria-labelledby="block-${block.section.slug}">
        <h2 id="block-${block.section.slug}"><a href="${sectionPath(block.section)}">${block.section.name}</a></h2>
        ${timedList(block.stories, tz)}
      </section>`,
      )}
    </div>
  </div>
  ${view.rail}
</div>`;
}
