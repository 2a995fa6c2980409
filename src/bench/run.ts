/**
 * `npm run bench`: this project and a peer side by side on the real reports,
 * then this project on a hard synthetic corpus of look-alike reports at
 * 100,000 passages, with HNSW's recall against brute force.
 */
import { spawn } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chunkDoc } from "../chunk.js";
import { cleanReport } from "../corpus/clean.js";
import { readCorpus } from "../corpus/load.js";
import { DEFAULT_HNSW_OPTIONS } from "../index/vectors.js";
import { machine } from "./measure.js";
import { writeSyntheticCorpus } from "./synthetic.js";
import type { TaskOptions, TaskResult } from "./tasks.js";

export interface BenchOptions {
  corpusDir: string;
  goldFile: string;
  /** Passages in the synthetic scale corpus. Default 100,000. */
  scaleChunks: number;
  /** Where the markdown report is written. */
  reportFile: string;
}

const WORKER = fileURLToPath(new URL("./worker.ts", import.meta.url));

async function runTask(system: "this" | "orama", options: TaskOptions): Promise<TaskResult> {
  process.stderr.write(`… ${system} on ${options.corpusDir}\n`);
  // The worker's stderr (build progress) goes straight to ours; its stdout ends with the result.
  const child = spawn(process.execPath, ["--import", "tsx", WORKER, JSON.stringify({ system, ...options })], { stdio: ["ignore", "pipe", "inherit"] });
  let stdout = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  if (code !== 0) throw new Error(`Benchmark task '${system}' on ${options.corpusDir} failed (exit code ${code})`);
  return JSON.parse(stdout.trim().split("\n").at(-1)!) as TaskResult;
}

const ms = (x: number) => (x >= 1000 ? `${(x / 1000).toFixed(1)} s` : `${x.toFixed(x < 10 ? 2 : 0)} ms`);
const pct = (x: number | undefined) => (x === undefined ? "n/a" : `${(100 * x).toFixed(0)}%`);
const ratio = (a: number, b: number) => `${(a / b).toFixed(1)}×`;

function row(r: TaskResult): string {
  return `| ${r.system} | ${r.passages.toLocaleString("en")} | ${ms(r.buildMs)} | ${ms(r.p50Ms)} | ${ms(r.p95Ms)} | ${r.peakMiB.toFixed(0)} MiB | ${pct(r.recallAt3)} | ${pct(r.rightDocAt3)} | ${pct(r.answerAt1)} |`;
}

export async function runBench(options: BenchOptions): Promise<string> {
  const started = Date.now();
  const work = await mkdtemp(path.join(os.tmpdir(), "dangjian-bench-"));
  try {
    const small: TaskOptions = { corpusDir: options.corpusDir, indexDir: path.join(work, "index-small"), goldFile: options.goldFile, repeats: 20 };
    const ours = await runTask("this", small);
    const orama = await runTask("orama", small);

    const chunksPerReport = new Map((await readCorpus(options.corpusDir)).map((r) => [r.id, chunkDoc(cleanReport(r)).length]));
    const scaleCorpus = path.join(work, "corpus-scale");
    const files = await writeSyntheticCorpus(options.corpusDir, scaleCorpus, options.scaleChunks, chunksPerReport);
    const hnsw = DEFAULT_HNSW_OPTIONS;
    const scale = await runTask("this", {
      corpusDir: scaleCorpus,
      indexDir: path.join(work, "index-scale"),
      goldFile: options.goldFile,
      repeats: 3,
      hnsw,
      hnswRecallQueries: 200,
    });

    const header = "| system | passages | build | query p50 | query p95 | peak memory | Recall@3 (passages) | right report in top 3 | Answer@1 |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |";
    const report = [
      `# Benchmark`,
      "",
      `Measured ${new Date().toISOString().slice(0, 10)} on ${machine()}, with the offline hashed embedder; gold questions from \`${options.goldFile}\`. Each system runs in its own process.`,
      "",
      "## The five reports: this project and a peer",
      "",
      header,
      row(ours),
      row(orama),
      "",
      `Orama / this project: build ${ratio(orama.buildMs, ours.buildMs)}, query p50 ${ratio(orama.p50Ms, ours.p50Ms)}, p95 ${ratio(orama.p95Ms, ours.p95Ms)}, peak memory ${ratio(orama.peakMiB, ours.peakMiB)}.`,
      "This project's latency includes embedding the question, both searches and composing the cited answer; Orama's is a search returning passages (it has no answer step, hence no Answer@1).",
      "",
      `## Scale: ${files.toLocaleString("en")} reports (5 real + look-alikes with other places, people and figures)`,
      "",
      header,
      row(scale),
      "",
      `Index on disk: ${scale.diskMiB!.toFixed(0)} MiB. Scale / five reports: query p50 ${ratio(scale.p50Ms, ours.p50Ms)}, peak memory ${ratio(scale.peakMiB, ours.peakMiB)}, for ${ratio(scale.passages, ours.passages)} the passages.`,
      "",
      `HNSW (M ${hnsw.m}, efConstruction ${hnsw.efConstruction}) against exact brute force over the same ${scale.passages.toLocaleString("en")} vectors, ${scale.hnsw![0]!.queries} queries (the gold questions, then passage openings):`,
      "",
      "| efSearch | recall@10 | recall@10 within 0.01 cosine | HNSW per query | exact per query | speed-up |",
      "| ---: | ---: | ---: | ---: | ---: | ---: |",
      ...scale.hnsw!.map(
        (h) => `| ${h.efSearch} | ${pct(h.recallAt10)} | ${pct(h.recallAt10Within1pct)} | ${ms(h.hnswMs / h.queries)} | ${ms(h.exactMs / h.queries)} | ${ratio(h.exactMs, h.hnswMs)} |`,
      ),
      "",
      `Whole benchmark: ${ms(Date.now() - started)}.`,
      "",
    ].join("\n");
    await mkdir(path.dirname(options.reportFile), { recursive: true });
    await writeFile(options.reportFile, report);
    return report;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
