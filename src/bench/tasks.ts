/**
 * One benchmark task per system. Each runs in its own child process (see
 * worker.ts) so build time, latency and peak memory are not mixed up.
 */
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { create, insertMultiple, search } from "@orama/orama";
import { createTokenizer } from "@orama/tokenizers/mandarin";
import { Answerer } from "../answer/answerer.js";
import { chunkDoc } from "../chunk.js";
import { cleanReport } from "../corpus/clean.js";
import { readCorpus } from "../corpus/load.js";
import { HashedEmbedder } from "../embed/hashed.js";
import { evaluate, normalizeForMatch, readGoldSet, type GoldQuestion } from "../eval.js";
import { buildIndex, type BuildProgress } from "../index/build.js";
import { embeddingText } from "../text/passage.js";
import { ExactStore, type HnswOptions } from "../index/vectors.js";
import { latencies, peakRssMiB, percentile, timed } from "./measure.js";

export interface TaskResult {
  system: string;
  passages: number;
  buildMs: number;
  p50Ms: number;
  p95Ms: number;
  peakMiB: number;
  /** Share of answerable gold questions with an expected string in the top-3 passages. */
  recallAt3: number;
  /** Share with the gold report among the top-3 passages (look-alikes must lose). */
  rightDocAt3?: number;
  /** Share whose first answer sentence holds an expected string. */
  answerAt1?: number;
  diskMiB?: number;
  /** HNSW against brute force, for each efSearch tried. */
  hnsw?: { efSearch: number; recallAt10: number; recallAt10Within1pct: number; queries: number; hnswMs: number; exactMs: number }[];
}

export interface TaskOptions {
  corpusDir: string;
  indexDir: string;
  goldFile: string;
  /** Times the gold questions are asked for latency figures. */
  repeats: number;
  hnsw?: HnswOptions;
  /** Measure HNSW recall@10 against brute force on this many queries. */
  hnswRecallQueries?: number;
}

interface Ranked {
  docId: string;
  text: string;
}

function retrievalQuality(gold: GoldQuestion[], top3: Ranked[][]): { recallAt3: number; rightDocAt3: number } {
  const answerable = gold.map((g, i) => ({ g, top: top3[i]! })).filter(({ g }) => g.answerable !== false);
  const share = (f: (x: (typeof answerable)[number]) => boolean) => answerable.filter(f).length / answerable.length;
  return {
    recallAt3: share(({ g, top }) => top.some((p) => g.expect.some((e) => normalizeForMatch(p.text).includes(normalizeForMatch(e))))),
    rightDocAt3: share(({ g, top }) => g.doc === undefined || top.some((p) => p.docId === g.doc)),
  };
}

async function diskMiB(dir: string): Promise<number> {
  let bytes = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) bytes += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return bytes / 2 ** 20;
}

/** This project: build the index, then answer the gold questions through the answering core. */
export async function benchThisProject(options: TaskOptions): Promise<TaskResult> {
  const embedder = new HashedEmbedder();
  const onProgress = (p: BuildProgress) => {
    if (p.phase === "embed" && p.done % 10_000 < 32) process.stderr.write(`  embedded ${p.done}/${p.total}\n`);
    else if (p.phase !== "embed") process.stderr.write(`  ${p.phase}\n`);
  };
  const [summary, buildMs] = await timed(() => buildIndex({ corpusDir: options.corpusDir, indexDir: options.indexDir, embedder, hnsw: options.hnsw, onProgress }));
  const answerer = await Answerer.open({ indexDir: options.indexDir, embedder });
  const gold = await readGoldSet(options.goldFile);
  const questions = Array.from({ length: options.repeats }, () => gold.map((g) => g.q)).flat();
  const times = await latencies(questions, (q) => answerer.ask(q));
  const { metrics } = await evaluate((q, context) => answerer.ask(q, context), gold);
  const top3 = await Promise.all(
    gold.map(async (g) =>
      (await answerer.search(g.q, g.previous === undefined ? {} : { previous: g.previous })).ranked
        .slice(0, 3)
        .map((p) => ({ docId: p.chunk.docId, text: p.chunk.text })),
    ),
  );
  const result: TaskResult = {
    system: "this project (hybrid HNSW + BM25, extractive)",
    passages: summary.chunks,
    buildMs,
    p50Ms: percentile(times, 50),
    p95Ms: percentile(times, 95),
    peakMiB: 0,
    answerAt1: metrics.answerAt1,
    ...retrievalQuality(gold, top3),
    diskMiB: await diskMiB(options.indexDir),
  };
  if (options.hnswRecallQueries) result.hnsw = await hnswRecall(answerer, gold, options.hnswRecallQueries);
  result.peakMiB = peakRssMiB();
  return result;
}

/** HNSW's top-10 against exact brute force over the same vectors, and the time each takes. */
async function hnswRecall(answerer: Answerer, gold: GoldQuestion[], count: number, efs = [64, 128, 256]): Promise<NonNullable<TaskResult["hnsw"]>> {
  const { vectors, chunks } = answerer.index;
  const exact = ExactStore.create(vectors.dimension, vectors.size);
  for (let id = 0; id < vectors.size; id++) exact.add(id, vectors.vector(id));
  // Questions, then passages (perturbed by their own title-less text) as further realistic queries.
  const texts = gold.map((g) => g.q);
  for (let i = 0; texts.length < count; i++) texts.push(chunks[(i * 7919) % chunks.length]!.text.slice(0, 40));
  const queries = await Promise.all(texts.map((t) => answerer.embedder.embedQuery(t)));
  const [truth, exactMs] = await timed(() => queries.map((q) => exact.search(q, 10)));
  const results = [];
  for (const efSearch of efs) {
    vectors.setEfSearch(efSearch);
    const [approx, hnswMs] = await timed(() => queries.map((q) => vectors.search(q, 10)));
    // As in ann-benchmarks, a neighbour counts when it is as close as the true 10th (ties count),
    // or, in the looser measure, within 0.01 cosine of it: look-alike copies differ by less.
    const recall = (slack: number) => {
      let found = 0;
      truth.forEach((hits, i) => {
        const tenth = hits[hits.length - 1]!.score - slack;
        found += approx[i]!.filter((h) => h.score >= tenth).length;
      });
      return found / (10 * queries.length);
    };
    results.push({ efSearch, recallAt10: recall(1e-6), recallAt10Within1pct: recall(0.01), queries: queries.length, hnswMs, exactMs });
  }
  return results;
}

/** A peer: Orama full-text search with its Mandarin tokenizer, over the same cleaned passages. */
export async function benchOrama(options: TaskOptions): Promise<TaskResult> {
  const gold = await readGoldSet(options.goldFile);
  const [db, buildMs] = await timed(async () => {
    const docs = (await readCorpus(options.corpusDir)).map((r) => cleanReport(r));
    const records = docs.flatMap((doc) => chunkDoc(doc).map((c) => ({ docId: doc.id, text: c.text, content: embeddingText(doc, c) })));
    const orama = create({ schema: { docId: "string", text: "string", content: "string" } as const, components: { tokenizer: createTokenizer() } });
    await insertMultiple(orama, records, 1000);
    return { orama, size: records.length };
  });
  const query = (q: string) => search(db.orama, { term: q, properties: ["content"], limit: 3 });
  const questions = Array.from({ length: options.repeats }, () => gold.map((g) => g.q)).flat();
  const times = await latencies(questions, query);
  const top3 = await Promise.all(gold.map(async (g) => (await query(g.q)).hits.map((h) => ({ docId: h.document.docId, text: h.document.text }))));
  return {
    system: "Orama 3 (BM25, Mandarin tokenizer)",
    passages: db.size,
    buildMs,
    p50Ms: percentile(times, 50),
    p95Ms: percentile(times, 95),
    peakMiB: peakRssMiB(),
    ...retrievalQuality(gold, top3),
  };
}
