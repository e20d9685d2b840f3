/**
 * The related-stories term index as stored (migration 018): terms known by integer ids with their document
 * frequencies (`term_stat`), stories known by integer keys (`article_key`), each story's terms in one packed row
 * filed by its key (`article_term_pack`, migration 020), and the postings by term id, keyed by those integers
 * (`term_posting`). Articles write it with a story (`indexTerms`, `unindexTerms`); the related repository reads it.
 */
import { type Kysely, type Transaction, sql } from 'kysely';
import { articleKeys } from './article-keys.js';
import { chunks } from './chunks.js';
import { insertColumns, upsertColumns } from './dialects/column-insert.js';
import { insertRecords } from './insert-records.js';
import type { Database } from './schema.js';
import { type PackedTerm, packTerms, unpackTerms } from './term-pack.js';

export interface WeightedTerm {
  term: string;
  weight: number;
}

export interface IndexedTerm {
  term: string;
  weight: number;
  df: number;
}

export interface TermPosting {
  articleId: string;
  term: string;
  weight: number;
}

const TERM_STAT_COLUMNS = [
  { name: 'term', pgType: 'text' },
  { name: 'df', pgType: 'integer' },
] as const;

const POSTING_COLUMNS = [
  { name: 'term_id', pgType: 'integer' },
  { name: 'article_key', pgType: 'integer' },
  { name: 'weight', pgType: 'double precision' },
] as const;

/** Ids per `IN (…)` list: well under every engine's parameter limit. */
const ID_CHUNK = 1_000;
/** Stories whose postings one statement deletes: their keys and all their term ids go in one statement. */
const STORIES_PER_DELETE = 100;

/** Indexes each story's terms (stories not indexed, or unindexed first) and counts them in the frequencies. */
export async function indexTerms(trx: Transaction<Database>, stories: readonly { id: string; terms: readonly WeightedTerm[] }[]): Promise<void> {
  if (!stories.length) return;
  const counted = await countTerms(trx, stories);
  const keys = await articleKeys(trx, stories.map((s) => s.id));
  // The postings in key order (term id, then story key; new stories get their keys in the order they come), so each
  // page of the index is visited once per batch: each term's postings fill a run as long as its count of stories.
  let at = 0;
  for (const entry of [...counted.values()].sort((x, y) => x.id - y.id)) {
    entry.next = at;
    at += entry.stories;
  }
  // Slots are filled out of order, so into typed arrays: filling a plain array of that length so, one row array a
  // slot, took 0.36 s of a Reuters import's profile.
  const termIds = new Float64Array(at);
  const storyKeys = new Float64Array(at);
  const weights = new Float64Array(at);
  const packs: { article_key: number; terms: string }[] = [];
  for (const story of stories) {
    const key = keys.get(story.id)!;
    const terms = story.terms.map(({ term, weight }) => {
      const entry = counted.get(term)!;
      const slot = entry.next++;
      termIds[slot] = entry.id;
      storyKeys[slot] = key;
      weights[slot] = weight;
      return { termId: entry.id, weight };
    });
    packs.push({ article_key: key, terms: packTerms(terms) });
  }
  const postings: [number, number, number][] = [];
  for (let i = 0; i < at; i++) postings.push([termIds[i]!, storyKeys[i]!, weights[i]!]);
  await insertRecords(trx, 'article_term_pack', packs);
  await insertColumns(trx, 'term_posting', POSTING_COLUMNS, postings);
}

/** A term of a batch being indexed: its id, how many of the batch's stories carry it, where its next posting goes. */
interface CountedTerm {
  id: number;
  stories: number;
  next: number;
}

/** Adds one to each term's frequency per story that carries it (a story lists a term once; new terms get an id). */
async function countTerms(trx: Transaction<Database>, stories: readonly { terms: readonly WeightedTerm[] }[]): Promise<Map<string, CountedTerm>> {
  const df = new Map<string, number>();
  for (const story of stories) for (const { term } of story.terms) df.set(term, (df.get(term) ?? 0) + 1);
  const rows = await upsertColumns<{ id: number; term: string }>(
    trx,
    'term_stat',
    TERM_STAT_COLUMNS,
    [...df],
    'on conflict (term) do update set df = term_stat.df + excluded.df',
    ['id', 'term'],
  );
  return new Map(rows.map((r) => [r.term, { id: Number(r.id), stories: df.get(r.term)!, next: 0 }]));
}

/** Takes the stories' terms out of the index and the frequencies (before they are indexed anew). */
export async function unindexTerms(trx: Transaction<Database>, ids: readonly string[]): Promise<void> {
  for (const chunk of chunks(ids, ID_CHUNK)) {
    const packs = await packsOf(trx, chunk);
    if (!packs.length) continue;
    await uncountTerms(trx, packs.flatMap((p) => p.terms));
    // A story's postings are (each of its term ids, its key): the rows whose key is one of these stories' and whose
    // term is one of theirs are exactly theirs. The key stays the story's.
    for (const group of chunks(packs, STORIES_PER_DELETE)) {
      const termIds = [...new Set(group.flatMap((p) => p.terms.map((t) => t.termId)))];
      const groupKeys = group.map((p) => p.key);
      for (const termChunk of chunks(termIds, ID_CHUNK)) {
        await trx.deleteFrom('term_posting').where('term_id', 'in', termChunk).where('article_key', 'in', groupKeys).execute();
      }
    }
    await trx.deleteFrom('article_term_pack').where('article_key', 'in', packs.map((p) => p.key)).execute();
  }
}

interface StoryPack {
  articleId: string;
  key: number;
  terms: PackedTerm[];
}

/** The packed terms of those of `ids` (at most `ID_CHUNK`) that are indexed, found through their keys. */
async function packsOf(db: Kysely<Database>, ids: readonly string[]): Promise<StoryPack[]> {
  const rows = await db
    .selectFrom('article_key as k')
    .innerJoin('article_term_pack as p', 'p.article_key', 'k.key')
    .select(['k.article_id', 'k.key', 'p.terms'])
    .where('k.article_id', 'in', ids)
    .execute();
  return rows.map((r) => ({ articleId: r.article_id, key: Number(r.key), terms: unpackTerms(r.terms) }));
}

async function uncountTerms(trx: Transaction<Database>, terms: readonly PackedTerm[]): Promise<void> {
  const df = new Map<number, number>();
  for (const { termId } of terms) df.set(termId, (df.get(termId) ?? 0) + 1);
  // One statement per distinct decrement (nearly always 1).
  const byDecrement = new Map<number, number[]>();
  for (const [termId, n] of df) byDecrement.set(n, [...(byDecrement.get(n) ?? []), termId]);
  for (const [n, termIds] of byDecrement) {
    for (const termChunk of chunks(termIds, ID_CHUNK)) {
      await trx.updateTable('term_stat').set({ df: sql`df - ${n}` }).where('id', 'in', termChunk).execute();
    }
  }
}

/** The indexed terms (with frequencies) of each of `ids` that is indexed, each story's in term order. */
export async function termsOfStories(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, IndexedTerm[]>> {
  const packs: StoryPack[] = [];
  for (const chunk of chunks(ids, ID_CHUNK)) packs.push(...(await packsOf(db, chunk)));
  const stats = new Map<number, { term: string; df: number }>();
  const termIds = [...new Set(packs.flatMap((p) => p.terms.map((t) => t.termId)))];
  for (const chunk of chunks(termIds, ID_CHUNK)) {
    const rows = await db.selectFrom('term_stat').select(['id', 'term', 'df']).where('id', 'in', chunk).execute();
    for (const r of rows) stats.set(Number(r.id), { term: r.term, df: Number(r.df) });
  }
  const out = new Map<string, IndexedTerm[]>();
  for (const { articleId, terms } of packs) {
    const indexed = terms.map(({ termId, weight }) => ({ ...stats.get(termId)!, weight }));
    out.set(articleId, indexed.sort(byTerm));
  }
  return out;
}

/** Every story other than `excludeId` that carries one of `terms`, with that term's weight in it. */
export async function postingsOf(db: Kysely<Database>, terms: readonly string[], excludeId: string): Promise<TermPosting[]> {
  if (!terms.length) return [];
  const rows = await db
    .selectFrom('term_stat as s')
    .innerJoin('term_posting as p', 'p.term_id', 's.id')
    .innerJoin('article_key as k', 'k.key', 'p.article_key')
    .select(['k.article_id', 's.term', 'p.weight'])
    .where('s.term', 'in', terms)
    .where('k.article_id', '!=', excludeId)
    .execute();
  return rows.map((r) => ({ articleId: r.article_id, term: r.term, weight: r.weight }));
}

/** Every posting of the index, story by story in id order, a page of stories at a time. */
export async function* allPostings(db: Kysely<Database>, storiesPerPage: number): AsyncGenerator<TermPosting[]> {
  const termOf = new Map<number, string>();
  for (const r of await db.selectFrom('term_stat').select(['id', 'term']).execute()) termOf.set(Number(r.id), r.term);
  for (let after = ''; ; ) {
    const rows = await db
      .selectFrom('article_key as k')
      .innerJoin('article_term_pack as p', 'p.article_key', 'k.key')
      .select(['k.article_id', 'p.terms'])
      .where('k.article_id', '>', after)
      .orderBy('k.article_id')
      .limit(storiesPerPage)
      .execute();
    if (!rows.length) return;
    yield rows.flatMap((r) =>
      unpackTerms(r.terms)
        .map(({ termId, weight }) => ({ articleId: r.article_id, term: termOf.get(termId)!, weight }))
        .sort(byTerm),
    );
    after = rows[rows.length - 1]!.article_id;
  }
}

/** A story's terms in the order relating reads them: by term. */
function byTerm(a: { term: string }, b: { term: string }): number {
  return a.term < b.term ? -1 : a.term > b.term ? 1 : 0;
}
