/**
 * The vector side's parameters from a measured sweep: for each embedder
 * dimension, embed every passage once, then build HNSW graphs of several
 * degrees (M) and build effort (efConstruction) and compare each graph's
 * top 10 with exact brute force at several efSearch. The dense channel's own
 * quality (an expected string in its exact top 3) shows what a smaller
 * dimension costs, independently of the graph.
 */
import { rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { chunkDoc } from "../chunk.js";
import { cleanReport } from "../corpus/clean.js";
import { readCorpus } from "../corpus/load.js";
import { HashedEmbedder } from "../embed/hashed.js";
import { normalizeForMatch, readGoldSet } from "../eval.js";
import { ExactStore, HnswStore, type VectorHit } from "../index/vectors.js";
import { embeddingText } from "../text/passage.js";
import { timed } from "./measure.js";

export interface SweepOptions {
  corpusDir: string;
  goldFile: string;
  dimensions: number[];
  graphs: { m: number; efConstruction: number }[];
  efSearch: number[];
  /** Queries for recall: the gold questions, then passage openings. */
  queries: number;
}

export interface SweepRow {
  dimension: number;
  m: number;
  efConstruction: number;
  passages: number;
  embedMs: number;
  graphMs: number;
  fileMiB: number;
  /** Dense channel alone, exact search: share of answerable gold questions with an expected string in the top 3. */
  denseRecallAt3: number;
  /** Per efSearch: recall@10 against exact search (ties with the true 10th count), and time per query. */
  recall: { efSearch: number; recallAt10: number; msPerQuery: number }[];
}

/** Share of the true top-10 (by score, ties included) found by the approximate search. */
export function recallAt10(truth: VectorHit[][], approx: VectorHit[][]): number {
  let found = 0;
  truth.forEach((hits, i) => {
    const tenth = hits[hits.length - 1]!.score - 1e-6;
    found += approx[i]!.filter((h) => h.score >= tenth).length;
  });
  return found / (10 * truth.length);
}

export async function sweepVectors(options: SweepOptions, log: (line: string) => void): Promise<SweepRow[]> {
  const docs = (await readCorpus(options.corpusDir)).map((r) => cleanReport(r));
  const passages = docs.flatMap((doc) => chunkDoc(doc).map((c) => ({ docId: doc.id, text: c.text, embed: embeddingText(doc, c) })));
  const gold = (await readGoldSet(options.goldFile)).filter((g) => g.answerable !== false);
  const texts = gold.map((g) => g.q);
  for (let i = 0; texts.length < options.queries; i++) texts.push(passages[(i * 7919) % passages.length]!.text.slice(0, 40));
  const file = path.join(os.tmpdir(), `sweep-${process.pid}.hnsw`);
  const rows: SweepRow[] = [];
  for (const dimension of options.dimensions) {
    const embedder = new HashedEmbedder({ dimension });
    const [vectors, embedMs] = await timed(() => passages.map((p) => embedder.embed(p.embed)));
    const exact = ExactStore.create(dimension, vectors.length);
    vectors.forEach((v, id) => exact.add(id, v));
    const queries = texts.map((t) => embedder.embed(t));
    const truth = queries.map((q) => exact.search(q, 10));
    const denseRecallAt3 =
      gold.filter((g, i) => truth[i]!.slice(0, 3).some((h) => g.expect.some((e) => normalizeForMatch(passages[h.id]!.text).includes(normalizeForMatch(e))))).length /
      gold.length;
    for (const graph of options.graphs) {
      const [store, graphMs] = await timed(() => {
        const s = HnswStore.create(dimension, vectors.length, { ...graph, efSearch: 64 });
        vectors.forEach((v, id) => s.add(id, v));
        return s;
      });
      store.save(file);
      const recall = options.efSearch.map((efSearch) => {
        store.setEfSearch(efSearch);
        const t0 = performance.now();
        const approx = queries.map((q) => store.search(q, 10));
        return { efSearch, recallAt10: recallAt10(truth, approx), msPerQuery: (performance.now() - t0) / queries.length };
      });
      const row = { dimension, ...graph, passages: vectors.length, embedMs, graphMs, fileMiB: (await stat(file)).size / 2 ** 20, denseRecallAt3, recall };
      log(`  dim ${dimension} M ${graph.m} efC ${graph.efConstruction}: graph ${(graphMs / 1000).toFixed(1)} s, recall@10 ${recall.map((r) => r.recallAt10.toFixed(2)).join("/")}`);
      rows.push(row);
    }
  }
  await rm(file, { force: true });
  return rows;
}
