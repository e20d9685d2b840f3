/**
 * The one way stories enter the store: prepare (validate, sanitize, index), write in a transaction, then refresh the
 * curated read model for what changed. Importers and the demo call this; the editor will too.
 */
import { randomUUID } from 'node:crypto';
import type { ArticleInput } from '../domain/article.js';
import type { Clock } from '../domain/clock.js';
import type { Curation } from '../curation/index.js';
import type { Transaction } from 'kysely';
import type { ArticleWrite, Database, SaveOutcome, Store } from '../store/index.js';
import { prepareArticle } from './prepare-article.js';

export interface WriteOptions {
  authorId?: string | null;
  /**
   * Writes what belongs with the stories (an importer's record of where each came from) in the batch's
   * transaction, once, after all of them are written: one multi-row statement rather than one per story.
   */
  alongside?: (trx: Transaction<Database>) => Promise<void>;
}

export interface BatchResult {
  outcomes: SaveOutcome[];
  changedIds: string[];
}

export class Publisher {
  constructor(
    private readonly store: Store,
    private readonly curation: Curation,
    private readonly clock: Clock,
    private readonly newId: () => string = () => randomUUID(),
  ) {}

  /** Validates one input; throws `InvalidRecordError` naming the field at fault. */
  prepare(input: ArticleInput): ArticleWrite {
    return prepareArticle(input, { now: this.clock.now(), newId: this.newId });
  }

  /**
   * Writes prepared stories in one transaction: all land or none do. `alongside` writes what belongs with them in
   * the same transaction. Does not refresh curation.
   */
  async writeBatch(writes: ArticleWrite[], options: WriteOptions = {}): Promise<BatchResult> {
    const context = { now: this.clock.now().toISOString(), authorId: options.authorId ?? null };
    const outcomes = await this.store.transaction(async (trx) => {
      const results = await this.store.articles.saveAll(trx, writes, context);
      await options.alongside?.(trx);
      return results;
    });
    const changedIds = writes.filter((_, i) => outcomes[i] !== 'unchanged').map((w) => w.id);
    return { outcomes, changedIds };
  }

  /** Prepares, writes and relates stories: what a single publish from the newsroom does. */
  async publish(inputs: ArticleInput[]): Promise<BatchResult> {
    const result = await this.writeBatch(inputs.map((input) => this.prepare(input)));
    await this.curation.refreshRelated(result.changedIds);
    return result;
  }
}
