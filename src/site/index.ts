/**
 * The reader site: server-rendered pages (home, article, section, topic, source, 404) behind an in-memory page
 * cache. It reads through the store and the curation seam and knows nothing of the newsroom or the API.
 */
import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { type ArticleSummary, articlePath, sectionPath, sourcePath, topicPath } from '../domain/article.js';
import { type Readership, isReader } from '../curation/index.js';
import { surrogateKeys } from '../domain/surrogate-keys.js';
import type { CachedPage, PageCache, RenderedPage } from './page-cache.js';
import { type SitePages, type SitePagesOptions, parseRailFragmentKey, railFragmentKey, railSlot } from './site-pages.js';
import { homeBody } from './views/home-page.js';
import { listBody, notFoundBody, pageHref, threadBody } from './views/list-page.js';
import { threadPath } from './views/parts.js';


/** What a section, topic or source page lists. */
interface ListTarget {
  id: string;
  name: string;
  path: string;
  key: string;
  stories(now: string, limit: number, offset: number): Promise<ArticleSummary[]>;
}

export { PageCache } from './page-cache.js';
export { SitePages } from './site-pages.js';

export interface SiteOptions extends Omit<SitePagesOptions, 'publicUrl'> {
  /** The page renderer, shared with the newsroom's preview so assets are read once. */
  pages: SitePages;
  /** Rendered pages, by URL. */
  cache: PageCache;
  /** Rendered rails, by the stories they leave out; all tagged `rail`. */
  fragments: PageCache;
  readership: Readership;
}

const PAGE_SIZE = 20;
/** A thread page lists every report of a developing story, up to this many. */
const THREAD_PAGE_SIZE = 200;
const MAX_PAGE = 500;
const SECTION_BLOCK_SIZE = 4;
/**
 * Pages carry surrogate keys (domain/surrogate-keys.ts) for what they show: the home page, an article and the
 * related stories it lists, a section, topic or source list; the rail fragments (Top News, Hot Topics, Editor's
 * Picks) that fill every page's slot carry `rail`. A change drops what carries its keys at once, and nothing else.
 */
export const readerSite: FastifyPluginAsync<SiteOptions> = async (app: FastifyInstance, options) => {
  const { store, curation, clock, edition, cache, fragments, readership, pages } = options;
  const tz = edition.timeZone;
  const { assets } = pages;
  const page = pages.page.bind(pages);

  /** The rail a page's fragment key names (see `railFragmentKey`). */
  function railFragment(fragment: string) {
    return fragments.get(`rail:${fragment}`, async () => {
      const { shownElsewhere, sectionId } = parseRailFragmentKey(fragment);
      const html = await pages.rail(clock.now(), shownElsewhere, sectionId);
      return { status: 200, body: html, keys: [surrogateKeys.rail] };
    });
  }

  async function notFound(): Promise<RenderedPage> {
    return { status: 404, body: await page('Page not found', '/404', notFoundBody()), keys: [] };
  }

  async function send(request: FastifyRequest, reply: FastifyReply, cacheKey: string, render: () => Promise<RenderedPage>) {
    return sendCached(request, reply, await cache.get(cacheKey, render));
  }

  async function sendCached(request: FastifyRequest, reply: FastifyReply, entry: CachedPage) {
    if (entry.status === 200 && entry.read && request.method === 'GET' && isReader(request.headers['user-agent'])) {
      readership.count(entry.read);
    }
    const maxAge = entry.status === 200 ? 60 : 30;
    let body = entry.parts;
    let etag = `"${entry.etag}"`;
    const keys = [...entry.keys];
    if (entry.fragment !== null) {
      const fragment = await railFragment(entry.fragment);
      body = [entry.parts[0]!, ...fragment.parts, entry.parts[1]!];
      etag = `"${entry.etag}.${fragment.etag}"`;
      keys.push(surrogateKeys.rail);
    }
    reply
      .code(entry.status)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', `public, max-age=${maxAge}, stale-while-revalidate=300`)
      .header('etag', etag)
      .header('surrogate-key', keys.join(' '));
    if (entry.status === 200 && request.headers['if-none-match'] === etag) return reply.code(304).send();
    return reply.send(body.length === 1 ? body[0] : Buffer.concat(body));
  }

  /** `?page=N` as a page number; anything else that is not a plain positive integer is a missing page. */
  function pageNumber(request: FastifyRequest): number | null {
    const raw = (request.query as Record<string, unknown>).page;
    if (raw === undefined) return 1;
    if (typeof raw !== 'string' || !/^[1-9]\d{0,3}$/.test(raw) || Number(raw) > MAX_PAGE) return null;
    return Number(raw);
  }

  app.get('/', (request, reply) =>
    send(request, reply, '/', async () => {
      const now = clock.now();
      const [lead] = await curation.topNews(now, tz, 1);
      const shown = lead ? [lead.id] : [];
      const sections = await store.taxonomy.sections();
      const sectionBlocks = await Promise.all(
        sections.map(async (section) => {
          const stories = await store.articles.list({ now: now.toISOString(), sectionId: section.id, limit: SECTION_BLOCK_SIZE + 1 });
          return { section, stories: stories.filter((s) => !shown.includes(s.id)).slice(0, SECTION_BLOCK_SIZE) };
        }),
      );
      const body = homeBody({
        lead: lead ?? null,
        rail: railSlot,
        sectionBlocks: sectionBlocks.filter((b) => b.stories.length),
        edition,
      });
      const html = await page(edition.siteName, '/', body, { description: edition.tagline });
      return { status: 200, body: html, keys: [surrogateKeys.home], fragment: railFragmentKey(shown) };
    }),
  );

  app.get<{ Params: { year: string; month: string; day: string; slug: string } }>(
    '/:year/:month/:day/:slug',
    async (request, reply) => {
      // A cached page is served before any lookup: the cache only ever holds canonical article URLs.
      const cached = cache.peek(request.url);
      if (cached) return sendCached(request, reply, cached);
      const { year, month, day, slug } = request.params;
      if (!/^\d{4}$/.test(year) || !/^\d{2}$/.test(month) || !/^\d{2}$/.test(day)) {
        return send(request, reply, '/404', notFound);
      }
      const now = clock.now();
      const article = await store.articles.findBySlug(slug, now.toISOString());
      if (!article) return send(request, reply, '/404', notFound);
      const canonical = articlePath(article, tz);
      if (canonical !== request.url.split('?')[0]) return reply.redirect(canonical, 301);
      return send(request, reply, canonical, () => pages.article(article, now));
    },
  );

  const listRoute = (
    prefix: string,
    kind: string,
    find: (slug: string) => Promise<ListTarget | null>,
  ) =>
    app.get<{ Params: { slug: string } }>(`${prefix}/:slug`, async (request, reply) => {
      const pageNo = pageNumber(request);
      const target = pageNo === null ? null : await find(request.params.slug);
      if (!target || pageNo === null) return send(request, reply, '/404', notFound);
      return send(request, reply, pageHref(target.path, pageNo), async () => {
        const now = clock.now();
        const stories = await target.stories(now.toISOString(), PAGE_SIZE + 1, (pageNo - 1) * PAGE_SIZE);
        if (pageNo > 1 && !stories.length) return notFound();
        const body = listBody({
          kind,
          title: target.name,
          path: target.path,
          page: pageNo,
          hasNext: stories.length > PAGE_SIZE,
          stories: stories.slice(0, PAGE_SIZE),
          rail: railSlot,
          edition,
        });
        const html = await page(target.name, pageHref(target.path, pageNo), body, {
          activeSectionId: kind === 'Section' ? target.id : '',
        });
        return { status: 200, body: html, keys: [target.key], fragment: railFragmentKey([], kind === 'Section' ? target.id : undefined) };
      });
    });

  listRoute('/section', 'Section', async (slug) => {
    const section = await store.taxonomy.sectionBySlug(slug);
    return (
      section && {
        id: section.id,
        name: section.name,
        path: sectionPath(section),
        key: surrogateKeys.section(section.id),
        stories: (now, limit, offset) => store.articles.list({ now, sectionId: section.id, limit, offset }),
      }
    );
  });
  // A topic is an editors' topic (taxonomy), else a name or phrase the news mentions (what Hot Topics links to).
  listRoute('/topic', 'Topic', async (slug) => {
    const topic = await store.taxonomy.topicBySlug(slug);
    if (topic) {
      return {
        id: topic.id,
        name: topic.name,
        path: topicPath(topic),
        key: surrogateKeys.topic(topic.id),
        stories: (now, limit, offset) => store.articles.list({ now, topicId: topic.id, limit, offset }),
      };
    }
    const label = await store.mentions.labelOf(slug);
    if (label === null) return null;
    return {
      id: slug,
      name: label,
      path: topicPath({ slug }),
      key: surrogateKeys.topic(slug),
      stories: (now, limit, offset) => store.mentions.stories([slug], now, limit, offset),
    };
  });
  listRoute('/source', 'Source', async (slug) => {
    const source = await store.taxonomy.sourceBySlug(slug);
    return (
      source && {
        id: source.id,
        name: source.name,
        path: sourcePath(source),
        key: surrogateKeys.source(source.id),
        stories: (now, limit, offset) => store.articles.list({ now, sourceId: source.id, limit, offset }),
      }
    );
  });

  app.get<{ Params: { id: string } }>('/thread/:id', async (request, reply) => {
    const now = clock.now();
    const thread = await curation.thread(request.params.id, now, THREAD_PAGE_SIZE);
    if (!thread) return send(request, reply, '/404', notFound);
    const path = threadPath(thread.id);
    return send(request, reply, path, async () => {
      const html = await page(thread.timeline.at(-1)!.headline, path, threadBody({ stories: thread.timeline, rail: railSlot, edition }));
      return { status: 200, body: html, keys: thread.timeline.map((s) => surrogateKeys.article(s.id)), fragment: railFragmentKey([]) };
    });
  });

  app.get('/assets/*', async (request, reply) => {
    const asset = assets.get(request.url.split('?')[0]!);
    if (!asset) return send(request, reply, '/404', notFound);
    return reply
      .header('content-type', asset.contentType)
      .header('cache-control', 'public, max-age=31536000, immutable')
      .send(asset.body);
  });

  app.setNotFoundHandler((request, reply) => send(request, reply, '/404', notFound));
};
