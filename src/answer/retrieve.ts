/**
 * Hybrid retrieval: the dense channel (HNSW over embeddings) and the lexical
 * channel (BM25 over Chinese tokens), fused by reciprocal rank fusion. RRF
 * uses ranks, not scores, so two channels with incomparable scores combine
 * without calibration; either channel alone still yields a ranking.
 */
import type { Chunk } from "../types.js";
import type { LexicalIndex } from "../index/lexical.js";
import type { VectorStore } from "../index/vectors.js";

export interface RetrieveOptions {
  /** Passages taken from each channel before fusion. Default 20. */
  candidates: number;
  /** RRF's damping constant: higher flattens the advantage of top ranks. Default 60. */
  rrfK: number;
}

export const DEFAULT_RETRIEVE_OPTIONS: RetrieveOptions = { candidates: 20, rrfK: 60 };

export interface ChannelHit {
  id: number;
  score: number;
}

export interface RankedPassage {
  id: number;
  chunk: Chunk;
  /** Fused RRF score. */
  score: number;
  /** 1-based rank and raw score in each channel that found the passage. */
  dense?: { rank: number; score: number };
  lexical?: { rank: number; score: number };
}

/** Reciprocal rank fusion: score(d) = Σ over rankings of 1 / (k + rank of d). */
export function fuseRankings(rankings: ChannelHit[][], k: number): { id: number; score: number }[] {
  const scores = new Map<number, number>();
  for (const ranking of rankings) {
    ranking.forEach((hit, i) => scores.set(hit.id, (scores.get(hit.id) ?? 0) + 1 / (k + i + 1)));
  }
  // Ties break by id so results are deterministic.
  return [...scores].map(([id, score]) => ({ id, score })).sort((a, b) => b.score - a.score || a.id - b.id);
}

/** What retrieval searches; either channel may be missing. */
export interface SearchChannels {
  chunks: Chunk[];
  vectors: VectorStore;
  lexical: LexicalIndex | null;
}

/**
 * The best passages for a question. `queryVector` is null when the embedder
 * is unavailable, `index.lexical` null without a lexical index; the other
 * channel then ranks alone.
 */
export function retrieve(
  index: SearchChannels,
  question: string,
  queryVector: Float32Array | null,
  options: RetrieveOptions = DEFAULT_RETRIEVE_OPTIONS,
): RankedPassage[] {
  const dense = queryVector ? index.vectors.search(queryVector, options.candidates) : [];
  const lexical = index.lexical?.query(question, options.candidates) ?? [];
  const denseById = new Map(dense.map((h, i) => [h.id, { rank: i + 1, score: h.score }]));
  const lexicalById = new Map(lexical.map((h, i) => [h.id, { rank: i + 1, score: h.score }]));
  return fuseRankings([dense, lexical], options.rrfK).map(({ id, score }) => {
    const passage: RankedPassage = { id, chunk: index.chunks[id]!, score };
    const d = denseById.get(id);
    const l = lexicalById.get(id);
    if (d) passage.dense = d;
    if (l) passage.lexical = l;
    return passage;
  });
}
