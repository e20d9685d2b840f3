/**
 * The newsroom's nouns as the rest of Newsdesk sees them. Times are ISO 8601 strings in UTC
 * (`2015-09-11T13:03:00.000Z`): they sort as text and mean the same on every database engine.
 */
export type IsoTime = string;

export const articleStatuses = ['draft', 'review', 'scheduled', 'published', 'unpublished'] as const;
export type ArticleStatus = (typeof articleStatuses)[number];

export interface Section {
  id: string;
  slug: string;
  name: string;
  position: number;
}

export interface Source {
  id: string;
  slug: string;
  name: string;
  /** What the page prints after the Updated time, e.g. "(Xinhua)". */
  creditLine: string;
}

export interface Topic {
  id: string;
  slug: string;
  name: string;
}

export interface Author {
  id: string;
  slug: string;
  name: string;
}

export interface Image {
  id: string;
  url: string;
  width: number | null;
  height: number | null;
  alt: string;
  caption: string | null;
  credit: string | null;
}

/** What lists show: enough to link to a story and say when it ran. */
export interface ArticleSummary {
  id: string;
  slug: string;
  headline: string;
  standfirst: string | null;
  section: Section;
  source: Source | null;
  priority: number;
  publishedAt: IsoTime;
  updatedAt: IsoTime;
  image: Image | null;
}

export interface Article extends ArticleSummary {
  bodyHtml: string;
  dateline: string | null;
  byline: string | null;
  authors: Author[];
  topics: Topic[];
  language: string;
  status: ArticleStatus;
  firstPublishedAt: IsoTime | null;
  revision: number;
}

/** A story as it arrives from an importer, the demo or (later) the newsroom, before it has ids and slugs. */
export interface ArticleInput {
  /** The caller's stable id (an agency GUID, a corpus id); re-importing the same id updates, never duplicates. */
  id?: string;
  headline: string;
  standfirst?: string | null;
  /** Already sanitized body HTML (see `sanitizeBodyHtml`). */
  bodyHtml: string;
  dateline?: string | null;
  byline?: string | null;
  authors?: string[];
  source?: string | null;
  section: string;
  topics?: string[];
  language?: string;
  status?: ArticleStatus;
  /** Editorial priority, higher first: 0 normal, up to 10 for the lead story. */
  priority?: number;
  publishedAt?: IsoTime | null;
  updatedAt?: IsoTime | null;
  image?: Omit<Image, 'id'> | null;
  /** For status `scheduled`: when to publish. */
  scheduledAt?: IsoTime | null;
  /** Never visible before this time. */
  embargoUntil?: IsoTime | null;
}

/** The path of an article's page: `/2015/09/11/china-urges-us-to-stop` in the edition's calendar. */
export function articlePath(article: Pick<ArticleSummary, 'slug' | 'publishedAt'>, timeZone: string): string {
  const parts = calendarParts(new Date(article.publishedAt), timeZone);
  return `/${parts.year}/${parts.month}/${parts.day}/${encodeURIComponent(article.slug)}`;
}

export function sectionPath(section: Pick<Section, 'slug'>): string {
  return `/section/${encodeURIComponent(section.slug)}`;
}

export function topicPath(topic: Pick<Topic, 'slug'>): string {
  return `/topic/${encodeURIComponent(topic.slug)}`;
}

export function sourcePath(source: Pick<Source, 'slug'>): string {
  return `/source/${encodeURIComponent(source.slug)}`;
}

const calendarFormatters = new Map<string, Intl.DateTimeFormat>();

/** Year, month, day, hour and minute of an instant on the wall clock of `timeZone`, zero-padded. */
export function calendarParts(instant: Date, timeZone: string) {
  let formatter = calendarFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    calendarFormatters.set(timeZone, formatter);
  }
  const parts: Record<string, string> = {};
  for (const part of formatter.formatToParts(instant)) parts[part.type] = part.value;
  return {
    year: parts.year ?? '',
    month: parts.month ?? '',
    day: parts.day ?? '',
    hour: parts.hour ?? '',
    minute: parts.minute ?? '',
  };
}
