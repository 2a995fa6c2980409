/**
 * Answer quality among look-alike reports: the real reports plus copies with
 * other places, people and figures (see synthetic.ts), which is what a real
 * collection of county reports looks like. The gold questions are asked
 * through the answering core, and for each fact question it is checked
 * whether the right report's passage is among the top three retrieved.
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Answerer } from "../answer/answerer.js";
import { chunkDoc } from "../chunk.js";
import { cleanReport } from "../corpus/clean.js";
import { readCorpus } from "../corpus/load.js";
import { HashedEmbedder } from "../embed/hashed.js";
import { evaluate, readGoldSet, type EvalMetrics, type GoldQuestion, type QuestionResult } from "../eval.js";
import { buildIndex } from "../index/build.js";
import { writeSyntheticCorpus } from "./synthetic.js";

export interface LookAlikeOptions {
  corpusDir: string;
  goldFiles: string[];
  /** Look-alike reports written beside the real ones (rounded up to whole copies of the corpus). */
  lookAlikes: number;
}

export interface LookAlikeResult {
  reports: number;
  passages: number;
  buildMs: number;
  sets: {
    goldFile: string;
    /** Fact questions whose report's passage is among the first three retrieved. */
    rightReportAt3: number;
    factQuestions: number;
    metrics: EvalMetrics;
    results: QuestionResult[];
  }[];
}

/** Fact questions: a figure or a name from one named report (a gold set without kinds counts every answerable one). */
function isFactQuestion(g: GoldQuestion): boolean {
  return g.answerable !== false && g.doc !== undefined && (g.kind === undefined || g.kind.startsWith("fact"));
}

export async function evaluateAmongLookAlikes(options: LookAlikeOptions, onProgress: (line: string) => void = () => {}): Promise<LookAlikeResult> {
  const work = await mkdtemp(path.join(os.tmpdir(), "lookalikes-"));
  try {
    const real = await readCorpus(options.corpusDir);
    const chunksPerReport = new Map(real.map((r) => [r.id, chunkDoc(cleanReport(r)).length]));
    const realChunks = [...chunksPerReport.values()].reduce((a, b) => a + b, 0);
    const copies = Math.ceil(options.lookAlikes / real.length);
    const corpusDir = path.join(work, "corpus");
    const indexDir = path.join(work, "index");
    const reports = await writeSyntheticCorpus(options.corpusDir, corpusDir, realChunks * (copies + 1), chunksPerReport);
    onProgress(`Wrote ${reports} reports (${reports - real.length} look-alikes); building the index…`);
    const embedder = new HashedEmbedder();
    const started = Date.now();
    const summary = await buildIndex({ corpusDir, indexDir, embedder });
    const buildMs = Date.now() - started;
    const answerer = await Answerer.open({ indexDir, embedder });
    const sets: LookAlikeResult["sets"] = [];
    for (const goldFile of options.goldFiles) {
      const gold = await readGoldSet(goldFile);
      const facts = gold.filter(isFactQuestion);
      let right = 0;
      for (const g of facts) {
        const { ranked } = await answerer.search(g.q, g.previous === undefined ? {} : { previous: g.previous });
        if (ranked.slice(0, 3).some((p) => p.chunk.docId === g.doc)) right++;
      }
      const { results, metrics } = await evaluate((q, context) => answerer.ask(q, context), gold);
      sets.push({ goldFile, rightReportAt3: facts.length === 0 ? 0 : right / facts.length, factQuestions: facts.length, metrics, results });
    }
    return { reports, passages: summary.chunks, buildMs, sets };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
