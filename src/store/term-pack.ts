/**
 * A story's indexed terms as one row of `article_term_pack` holds them: each term's id with its weight, as JSON
 * pairs. What relating reads of a story comes from this one row rather than a row per term.
 */
export interface PackedTerm {
  termId: number;
  weight: number;
}

export function packTerms(terms: readonly PackedTerm[]): string {
  return JSON.stringify(terms.map((t) => [t.termId, t.weight]));
}

export function unpackTerms(packed: string): PackedTerm[] {
  const pairs = JSON.parse(packed) as [number, number][];
  return pairs.map(([termId, weight]) => ({ termId, weight }));
}
