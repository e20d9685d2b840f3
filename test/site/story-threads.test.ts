/** A developing story on the site: "The story so far" on each report's page, and the thread's own page. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleInput } from '../../src/domain/article.js';
import { fixedClock } from '../../src/domain/clock.js';
import { type TestApp, startTestApp } from '../support/app.js';

const at = (day: number, hour: number) => new Date(Date.UTC(2015, 7, day, hour)).toISOString();
const report = (id: string, headline: string, body: string, when: string): ArticleInput => ({
  id,
  headline,
  bodyHtml: `<p>${body}</p>`,
  section: 'World',
  topics: ['Typhoon Soudelor'],
  publishedAt: when,
  updatedAt: when,
});
const TYPHOON =
  'Typhoon Soudelor, the strongest storm of the year in the western Pacific, was moving towards Taiwan and the Chinese province of Fujian with winds of 160 kilometres an hour, the Central Weather Bureau in Taipei said.';

/** Other news of those days: a young newsroom's few dozen stories. */
const DISTRACTORS = [
  'Harvest festival', 'Stock exchange', 'Football final', 'Opera premiere', 'Bridge repairs', 'School reform', 'Hospital strike',
  'Wine auction', 'Marathon record', 'Library opening', 'Airport expansion', 'Fishing quota', 'Chess championship', 'Film festival',
  'Tax reform', 'Railway timetable', 'Museum theft', 'Election debate', 'Coffee prices', 'Space launch', 'Cycling race',
  'Jazz concert', 'Housing market', 'Forest fire', 'Tennis open', 'Mining accident', 'Fashion week', 'Water shortage',
  'Robot factory', 'Ferry service',
];

describe('story threads on the site', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ clock: fixedClock(new Date('2015-08-10T12:00:00Z')) });
    await t.services.publisher.publish([
      report('soudelor-1', 'Typhoon Soudelor heads for Taiwan', `${TYPHOON} Schools were told to prepare.`, at(6, 8)),
      report('soudelor-2', 'Taiwan braces as Typhoon Soudelor nears', `${TYPHOON} Flights were cancelled in Taipei.`, at(7, 6)),
      report('soudelor-3', 'Typhoon Soudelor makes landfall in Taiwan, millions without power', `${TYPHOON} It made landfall before dawn, cutting power to millions of homes in Taiwan.`, at(8, 2)),
      report('soudelor-4', 'Typhoon Soudelor hits Fujian after leaving Taiwan', `${TYPHOON} After crossing Taiwan it came ashore in Fujian, where 160,000 people were moved.`, at(8, 20)),
      ...DISTRACTORS.map((subject, i) =>
        report(`news-${i}`, `${subject} makes the news`, `A report on ${subject.toLowerCase()} and what it means for readers this week.`, at(1 + (i % 9), i % 24)),
      ).map((r) => ({ ...r, topics: [] })),
      { id: 'other', headline: 'Central bank keeps rates on hold', bodyHtml: '<p>The central bank kept its main interest rate unchanged on Thursday, citing steady inflation and a firm labour market.</p>', section: 'Business', publishedAt: at(7, 9), updatedAt: at(7, 9) },
    ]);
  });
  afterAll(() => t.close());

  const page = async (id: string) => {
    const { url } = (await t.app.inject(`/api/v1/articles/${id}`)).json() as { url: string };
    return (await t.app.inject(new URL(url, 'http://localhost:3000').pathname)).body;
  };

  it('shows "The story so far" as a timeline, oldest first, with the report being read marked', async () => {
    const body = await page('soudelor-3');
    const section = body.slice(body.indexOf('id="story-so-far-title"'), body.indexOf('</section>', body.indexOf('id="story-so-far-title"')));
    const order = ['Typhoon Soudelor heads for Taiwan', 'Taiwan braces as Typhoon Soudelor nears', 'Typhoon Soudelor makes landfall in Taiwan', 'Typhoon Soudelor hits Fujian after leaving Taiwan'];
    const positions = order.map((headline) => section.indexOf(headline));
    expect(positions.every((p) => p > 0), section).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(section).toMatch(/aria-current="page"><time[^>]*>[^<]*<\/time> <span>Typhoon Soudelor makes landfall/);
    expect(section).not.toContain('Central bank');
  });

  it('gives the thread its own page, and leaves a story that stands alone without one', async () => {
    const body = await page('soudelor-1');
    const href = /href="(\/thread\/[^"]+)"/.exec(body)![1]!;
    const thread = await t.app.inject(href);
    expect(thread.statusCode).toBe(200);
    expect(thread.body).toContain('The story so far, in 4 reports.');
    expect(thread.body).toMatch(/<h1 class="listing__title">Typhoon Soudelor hits Fujian after leaving Taiwan<\/h1>/);
    expect(await page('other')).not.toContain('The story so far');
    expect((await t.app.inject('/thread/no-such-thread')).statusCode).toBe(404);
  });
});
