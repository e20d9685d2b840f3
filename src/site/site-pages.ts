/**
 * Rendering the reader's pages from the store and curation: the page shell, the rail and the article page. The
 * site's routes cache what this renders; the newsroom's preview (wired in by the composition root) uses it too.
 */
import { type Article, articlePath } from '../domain/article.js';
import type { Clock } from '../domain/clock.js';
import type { Edition } from '../domain/edition.js';
import { type SafeHtml, trusted } from '../domain/html.js';
import { sanitizedBodyText } from '../domain/sanitize.js';
import { surrogateKeys } from '../domain/surrogate-keys.js';
import { type Curation, type Readership, defaultListSizes } from '../curation/index.js';
import type { Store } from '../store/index.js';
import { AssetStore } from './assets.js';
import { FRAGMENT_SLOT, type RenderedPage } from './page-cache.js';
import { articleBody, articleStructuredData } from './views/article-page.js';
import { layout } from './views/layout.js';
import { type RailLists, rail } from './views/parts.js';

export interface SitePagesOptions {
  store: Store;
  curation: Curation;
  readership: Readership;
  clock: Clock;
  edition: Edition;
  publicUrl: string;
}

/**
 * Which rail a page gets, as the page cache keys it: the stories to leave out (the one being read, the lead) and the
 * section whose Editor's Picks come first.
 */
export function railFragmentKey(shownElsewhere: string[], sectionId?: string): string {
  return `${shownElsewhere.join(',')}@${sectionId ?? ''}`;
}

export function parseRailFragmentKey(key: string): { shownElsewhere: string[]; sectionId: string | undefined } {
  const at = key.lastIndexOf('@');
  const [ids, section] = at < 0 ? [key, ''] : [key.slice(0, at), key.slice(at + 1)];
  return { shownElsewhere: ids ? ids.split(',') : [], sectionId: section || undefined };
}

/** Where a page's rail goes; the page cache fills it with the rail fragment at serve time. */
export const railSlot = trusted(FRAGMENT_SLOT);

export class SitePages {
  readonly assets = new AssetStore();

  constructor(private readonly options: SitePagesOptions) {}

  get edition(): Edition {
    return this.options.edition;
  }

  async page(title: string, canonicalPath: string, body: SafeHtml, extra: Partial<Parameters<typeof layout>[0]> = {}) {
    const { store, edition, publicUrl } = this.options;
    const sections = await store.taxonomy.sections();
    return layout({ title, canonicalPath, body, edition, sections, stylesheet: this.assets.stylesheetPath, publicUrl, ...extra });
  }

  /**
   * The rail's lists; `shownElsewhere` (the story being read, the lead) is left out of them, and a section's page
   * (or a story in it) gets that section's Editor's Picks first.
   */
  async railLists(now: Date, shownElsewhere: string[] = [], sectionId?: string): Promise<RailLists> {
    const { curation, edition, readership } = this.options;
    const [topNews, hotTopics, showsMostRead] = await Promise.all([
      curation.topNews(now, edition.timeZone, defaultListSizes.topNews + shownElsewhere.length),
      curation.hotTopics(now),
      curation.showsMostRead(),
    ]);
    const topNewsShown = topNews.filter((s) => !shownElsewhere.includes(s.id)).slice(0, defaultListSizes.topNews);
    const editorsPicks = await curation.editorsPicks(now, [...shownElsewhere, ...topNewsShown.map((s) => s.id)], defaultListSizes.editorsPicks, sectionId);
    const mostRead = showsMostRead
      ? (await readership.mostRead(now, 24, defaultListSizes.mostRead + shownElsewhere.length))
          .map((r) => r.story)
          .filter((s) => !shownElsewhere.includes(s.id))
          .slice(0, defaultListSizes.mostRead)
      : [];
    return { topNews: topNewsShown, hotTopics, editorsPicks, mostRead };
  }

  async rail(now: Date, shownElsewhere: string[], sectionId?: string): Promise<string> {
    return rail(await this.railLists(now, shownElsewhere, sectionId), this.options.edition.timeZone).value;
  }

  /** An article page with a slot for the rail. */
  async article(article: Article, now: Date): Promise<RenderedPage> {
    const { store, curation, edition, publicUrl } = this.options;
    const [related, changes, thread] = await Promise.all([
      curation.relatedFor(article, now),
      store.articles.changes(article.id),
      curation.threadOf(article.id, now),
    ]);
    const path = articlePath(article, edition.timeZone);
    const view = { article, changes, related, thread, rail: railSlot, edition, url: `${publicUrl}${path}` };
    const body = await this.page(article.headline, path, articleBody(view), {
      description: article.standfirst ?? sanitizedBodyText(article.bodyHtml).slice(0, 200),
      language: article.language,
      activeSectionId: article.section.id,
      head: articleStructuredData(view),
    });
    return {
      status: 200,
      body,
      keys: [
        surrogateKeys.article(article.id),
        ...related.map((r) => surrogateKeys.article(r.id)),
        ...(thread?.timeline ?? []).map((s) => surrogateKeys.article(s.id)),
      ],
      fragment: railFragmentKey([article.id], article.section.id),
      read: article.id,
    };
  }

  /** An article page exactly as a reader would see it, rail included: the newsroom's preview of a story. */
  async preview(article: Article): Promise<string> {
    const now = this.options.clock.now();
    const page = await this.article(article, now);
    return page.body.replace(FRAGMENT_SLOT, await this.rail(now, [article.id], article.section.id));
  }
}
