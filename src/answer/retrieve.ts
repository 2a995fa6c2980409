/**
 * Hybrid retrieval: the dense channel (HNSW over embeddings) and the lexical
 * channel (BM25 over Chinese tokens), fused by weighted reciprocal rank
 * fusion. RRF uses ranks, not scores, so channels with incomparable scores
 * combine without calibration; each channel's weight says how far it is
 * trusted. A question about a known subject is searched only among the
 * passages of the reports about it, so a passage that never repeats its own
 * place still belongs to it and look-alikes of other places cannot crowd it out.
 */
import type { Chunk, EmbedderInfo } from "../types.js";
import type { LexicalIndex } from "../index/lexical.js";
import type { VectorStore } from "../index/vectors.js";
import { HASHED_DENSE_WEIGHT, MODEL_DENSE_WEIGHT, SECOND_PASSAGE_WEIGHT } from "./tuning.js";

export interface RetrieveOptions {
  /** Passages taken from each channel before fusion. Default 20. */
  candidates: number;
  /** RRF's damping constant: higher flattens the advantage of top ranks. Default 60. */
  rrfK: number;
  /** Weight of the dense channel's ranking against the lexical channel's 1. Default: `denseWeightFor(embedder)`. */
  denseWeight: number;
}

/** How far the dense channel is trusted, by embedder (see tuning.ts). */
export function denseWeightFor(embedder: EmbedderInfo): number {
  return embedder.kind === "hashed" ? HASHED_DENSE_WEIGHT : MODEL_DENSE_WEIGHT;
}

export const DEFAULT_RETRIEVE_OPTIONS: RetrieveOptions = { candidates: 20, rrfK: 60, denseWeight: MODEL_DENSE_WEIGHT };

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

/** Weighted reciprocal rank fusion: score(d) = Σ over rankings of weight / (k + rank of d). */
export function fuseRankings(rankings: { hits: ChannelHit[]; weight: number }[], k: number): { id: number; score: number }[] {
  const scores = new Map<number, number>();
  for (const { hits, weight } of rankings) {
    hits.forEach((hit, i) => scores.set(hit.id, (scores.get(hit.id) ?? 0) + weight / (k + i + 1)));
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
 * channel then ranks alone. `scope`, when given, lists the only passages
 * that may be returned.
 */
export function retrieve(
  index: SearchChannels,
  query: string,
  queryVector: Float32Array | null,
  options: RetrieveOptions = DEFAULT_RETRIEVE_OPTIONS,
  scope: readonly number[] | null = null,
): RankedPassage[] {
  const k = options.candidates;
  const inScope = scope === null ? undefined : ((set: Set<number>) => (id: number) => set.has(id))(new Set(scope));
  const dense = queryVector === null ? [] : scope === null ? index.vectors.search(queryVector, k) : index.vectors.searchAmong(queryVector, scope, k);
  const lexical = index.lexical?.query(query, k, inScope) ?? [];
  const denseById = new Map(dense.map((h, i) => [h.id, { rank: i + 1, score: h.score }]));
  const lexicalById = new Map(lexical.map((h, i) => [h.id, { rank: i + 1, score: h.score }]));
  const fused = fuseRankings(
    [
      { hits: dense, weight: options.denseWeight },
      { hits: lexical, weight: 1 },
    ],
    options.rrfK,
  );
  return fused.map(({ id, score }) => {
    const passage: RankedPassage = { id, chunk: index.chunks[id]!, score };
    const d = denseById.get(id);
    const l = lexicalById.get(id);
    if (d) passage.dense = d;
    if (l) passage.lexical = l;
    return passage;
  });
}

/**
 * Reports ranked by their passages in `ranked`: each scores its best passage plus half its second
 * best, except that the report of the best passage of all comes first and the keyword channel's
 * best second. Rank fusion flattens a rare word's match (四名工程) to little above reports with
 * several weaker ones.
 */
export function rankReports(ranked: RankedPassage[]): string[] {
  const best = new Map<string, number[]>();
  for (const p of ranked) {
    const scores = best.get(p.chunk.docId) ?? [];
    if (scores.length < 2) best.set(p.chunk.docId, [...scores, p.score]);
  }
  const score = (s: number[]) => s[0]! + SECOND_PASSAGE_WEIGHT * (s[1] ?? 0);
  const order = [...best].sort((a, b) => score(b[1]) - score(a[1]) || a[0].localeCompare(b[0])).map(([doc]) => doc);
  // The best passage of all leads, then the keyword channel's best: a word only one passage has
  // (贾汪) ranks it first there, though a weak dense channel may not find it at all.
  const lexicalBest = ranked.find((p) => p.lexical?.rank === 1)?.chunk.docId;
  const first = [ranked[0]?.chunk.docId, lexicalBest].filter((d): d is string => d !== undefined);
  return [...new Set([...first, ...order])];
}
