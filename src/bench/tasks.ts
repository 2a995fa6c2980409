/**
 * This project's benchmark tasks. Each runs in its own child process (see
 * worker.ts) so build time, load time, latency and memory are not mixed up:
 * one process builds the index, a fresh one loads it and answers, as the bot does.
 */
import { spawn } from "node:child_process";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { Answerer } from "../answer/answerer.js";
import { HashedEmbedder } from "../embed/hashed.js";
import { evaluate, normalizeForMatch, readGoldSet, type GoldQuestion } from "../eval.js";
import { buildIndex, type BuildProgress } from "../index/build.js";
import type { HnswOptions } from "../index/vectors.js";
import { latencies, mean, peakRssMiB, percentile, rssMiB, timed } from "./measure.js";

export interface TaskOptions {
  corpusDir: string;
  indexDir: string;
  goldFile: string;
  /** Times the gold questions are asked for latency figures. */
  repeats: number;
  /** Embedder dimension and HNSW parameters; the project's defaults when absent. */
  dimension?: number;
  hnsw?: HnswOptions;
}

/** Build time, index size and the build's own peak memory. */
export interface BuildResult {
  passages: number;
  buildMs: number;
  diskMiB: number;
  peakMiB: number;
}

/** Latency of answers (or searches, for peers), memory, and retrieval quality on the gold set. */
export interface ServeResult {
  system: string;
  passages: number;
  /** Load from disk to ready (this project only). */
  loadMs?: number;
  /** Resident memory once ready to answer. */
  readyMiB: number;
  peakMiB: number;
  p50Ms: number;
  p95Ms: number;
  meanMs: number;
  /** This project: the lexical channel alone (top 20), beside the peers' searches. */
  lexicalP50Ms?: number;
  lexicalP95Ms?: number;
  /** Share of the question terms' postings the lexical channel scored (the rest was pruned). */
  lexicalScoredShare?: number;
  /** Share of answerable gold questions with an expected string in the top-3 passages. */
  recallAt3: number;
  /** Share with the gold report among the top-3 passages (look-alikes must lose). */
  rightDocAt3: number;
  /** Share whose first answer sentence holds an expected string (this project only: peers do not answer). */
  answerAt1?: number;
}

/** `npm run ask` answering questions piped to its stdin: the gaps between answers as they come out. */
export interface AskCliResult {
  questions: number;
  /** From start to the first answer: loading the index, then one answer. */
  firstAnswerMs: number;
  p50Ms: number;
  p95Ms: number;
  meanMs: number;
}

interface Ranked {
  docId: string;
  text: string;
}

export function retrievalQuality(gold: GoldQuestion[], top3: Ranked[][]): Pick<ServeResult, "recallAt3" | "rightDocAt3"> {
  const answerable = gold.map((g, i) => ({ g, top: top3[i]! })).filter(({ g }) => g.answerable !== false);
  const share = (f: (x: (typeof answerable)[number]) => boolean) => answerable.filter(f).length / answerable.length;
  return {
    recallAt3: share(({ g, top }) => top.some((p) => g.expect.some((e) => normalizeForMatch(p.text).includes(normalizeForMatch(e))))),
    rightDocAt3: share(({ g, top }) => g.doc === undefined || top.some((p) => p.docId === g.doc)),
  };
}

export async function diskMiB(dir: string): Promise<number> {
  let bytes = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) bytes += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return bytes / 2 ** 20;
}

/** The gold questions, `repeats` times over: the latency workload. */
export function workload(gold: GoldQuestion[], repeats: number): string[] {
  return Array.from({ length: repeats }, () => gold.map((g) => g.q)).flat();
}

const embedderFor = (options: TaskOptions) => new HashedEmbedder(options.dimension ? { dimension: options.dimension } : {});

/** Builds (or rebuilds) this project's index of `corpusDir`. */
export async function benchBuild(options: TaskOptions): Promise<BuildResult> {
  const onProgress = (p: BuildProgress) => {
    if (p.phase === "embed" && p.done % 20_000 < 32) process.stderr.write(`  embedded ${p.done}/${p.total}\n`);
    else if (p.phase !== "embed") process.stderr.write(`  ${p.phase}\n`);
  };
  const [summary, buildMs] = await timed(() =>
    buildIndex({ corpusDir: options.corpusDir, indexDir: options.indexDir, embedder: embedderFor(options), hnsw: options.hnsw, onProgress }),
  );
  return { passages: summary.chunks, buildMs, diskMiB: await diskMiB(options.indexDir), peakMiB: peakRssMiB() };
}

/** Loads the built index as the bot does, then answers the gold questions through the answering core. */
export async function benchServe(options: TaskOptions): Promise<ServeResult> {
  const embedder = embedderFor(options);
  const gold = await readGoldSet(options.goldFile);
  const [answerer, loadMs] = await timed(() => Answerer.open({ indexDir: options.indexDir, embedder }));
  const readyMiB = rssMiB();
  const times = await latencies(workload(gold, options.repeats), (q) => answerer.ask(q));
  const { lexical } = answerer.index;
  let scored = 0;
  let postings = 0;
  const lexicalTimes = await latencies(workload(gold, options.repeats), (q) => {
    lexical.query(q, 20);
    scored += lexical.lastQueryCost.scored;
    postings += lexical.lastQueryCost.postings;
  });
  const { metrics } = await evaluate((q, context) => answerer.ask(q, context), gold);
  const top3 = await Promise.all(
    gold.map(async (g) =>
      (await answerer.search(g.q, g.previous === undefined ? {} : { previous: g.previous })).ranked
        .slice(0, 3)
        .map((p) => ({ docId: p.chunk.docId, text: p.chunk.text })),
    ),
  );
  return {
    system: "this project (hybrid HNSW + BM25, cited answer)",
    passages: answerer.index.chunks.length,
    loadMs,
    readyMiB,
    peakMiB: peakRssMiB(),
    p50Ms: percentile(times, 50),
    p95Ms: percentile(times, 95),
    meanMs: mean(times),
    lexicalP50Ms: percentile(lexicalTimes, 50),
    lexicalP95Ms: percentile(lexicalTimes, 95),
    lexicalScoredShare: scored / postings,
    answerAt1: metrics.answerAt1,
    ...retrievalQuality(gold, top3),
  };
}

/**
 * Runs `npm run ask` (scripts/ask.ts) on the built index with `count` gold
 * questions on stdin, all written at once, and times each JSON line as it
 * arrives: the gap between two lines is one answer, as a user of the CLI sees it.
 */
export async function benchAskCli(options: TaskOptions & { count: number }): Promise<AskCliResult> {
  const gold = await readGoldSet(options.goldFile);
  const questions = Array.from({ length: options.count }, (_, i) => gold[i % gold.length]!.q);
  const started = performance.now();
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/ask.ts", "--index", options.indexDir], {
    stdio: ["pipe", "pipe", "inherit"],
    env: { ...process.env, EMBEDDER: "hashed" },
  });
  const arrivals: number[] = [];
  let pending = "";
  child.stdout.on("data", (chunk: Buffer) => {
    const now = performance.now();
    pending += chunk.toString();
    const lines = pending.split("\n");
    pending = lines.pop()!;
    for (const _line of lines) arrivals.push(now);
  });
  child.stdin.end(`${questions.join("\n")}\n`);
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  if (code !== 0 || arrivals.length !== questions.length) throw new Error(`npm run ask exited with ${code} after ${arrivals.length} of ${questions.length} answers`);
  const gaps = arrivals.slice(1).map((t, i) => t - arrivals[i]!);
  return { questions: questions.length, firstAnswerMs: arrivals[0]! - started, p50Ms: percentile(gaps, 50), p95Ms: percentile(gaps, 95), meanMs: mean(gaps) };
}
