/**
 * `npm run bench`: this project beside MiniSearch and Orama on the five real
 * reports and on a hard synthetic corpus of look-alike reports at 20,000
 * passages, then this project and MiniSearch at 100,000 passages, adding one
 * report to the 100,000-passage index, and a sweep of the vector side's
 * parameters. `--quick` stops after 20,000 passages (for development).
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
import { formatReport, type ScaleResults } from "./report.js";
import type { SweepRow } from "./sweep.js";
import { addLookAlike, writeSyntheticCorpus } from "./synthetic.js";
import type { AskCliResult, BuildResult, ServeResult, TaskOptions } from "./tasks.js";
import type { Task } from "./worker.js";

export interface BenchOptions {
  corpusDir: string;
  goldFile: string;
  /** Passages of the synthetic corpora. Default 20,000 and 100,000. */
  scales: number[];
  /** Only the five reports and the smallest synthetic corpus, without the sweep. */
  quick: boolean;
  /** Where the markdown report is written. */
  reportFile: string;
}

const WORKER = fileURLToPath(new URL("./worker.ts", import.meta.url));
/** Questions piped into `npm run ask` at each synthetic scale. */
const ASK_QUESTIONS = 200;

async function run<T>(spec: Task): Promise<T> {
  process.stderr.write(`… ${spec.task} on ${spec.corpusDir}\n`);
  // The worker's stderr (progress) goes straight to ours; its stdout ends with the result.
  const child = spawn(process.execPath, ["--import", "tsx", WORKER, JSON.stringify(spec)], { stdio: ["ignore", "pipe", "inherit"] });
  let stdout = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  if (code !== 0) throw new Error(`Benchmark task '${spec.task}' on ${spec.corpusDir} failed (exit code ${code})`);
  return JSON.parse(stdout.trim().split("\n").at(-1)!) as T;
}

/** This project (built in one process, served from a fresh one) and the peers, on one corpus. */
async function benchCorpus(options: TaskOptions, peers: ("minisearch" | "orama")[]): Promise<ScaleResults> {
  const build = await run<BuildResult>({ task: "build", ...options });
  const serve = await run<ServeResult>({ task: "serve", ...options });
  const others: (ServeResult & { buildMs: number })[] = [];
  for (const peer of peers) others.push(await run({ task: peer, ...options }));
  return { build, serve, peers: others };
}

export async function runBench(options: BenchOptions): Promise<string> {
  const started = Date.now();
  const loadAtStart = os.loadavg()[0]!;
  const work = await mkdtemp(path.join(os.tmpdir(), "dangjian-bench-"));
  try {
    const task = (corpusDir: string, name: string, repeats: number): TaskOptions => ({ corpusDir, indexDir: path.join(work, `index-${name}`), goldFile: options.goldFile, repeats });
    const results: ScaleResults[] = [await benchCorpus(task(options.corpusDir, "reports", 20), ["minisearch", "orama"])];

    const chunksPerReport = new Map((await readCorpus(options.corpusDir)).map((r) => [r.id, chunkDoc(cleanReport(r)).length]));
    const scales = options.quick ? options.scales.slice(0, 1) : options.scales;
    let added: { buildMs: number; passages: number } | null = null;
    let sweep: SweepRow[] = [];
    for (const [i, target] of scales.entries()) {
      const corpusDir = path.join(work, `corpus-${target}`);
      const files = await writeSyntheticCorpus(options.corpusDir, corpusDir, target, chunksPerReport);
      const largest = i === scales.length - 1 && i > 0;
      // Orama takes minutes to build beyond 20,000 passages; it is compared where it still fits in a quick run.
      const scaleTask = task(corpusDir, String(target), 5);
      const result = await benchCorpus(scaleTask, i === 0 ? ["minisearch", "orama"] : ["minisearch"]);
      const ask = await run<AskCliResult>({ task: "ask", ...scaleTask, count: ASK_QUESTIONS });
      results.push({ ...result, files, ask });
      if (largest) {
        await addLookAlike(options.corpusDir, corpusDir, 99_999);
        const rebuilt = await run<BuildResult>({ task: "build", ...scaleTask });
        added = { buildMs: rebuilt.buildMs, passages: rebuilt.passages - result.build.passages };
        sweep = await run<SweepRow[]>({
          task: "sweep",
          corpusDir,
          goldFile: options.goldFile,
          dimensions: [512, 640, 1024],
          graphs: [{ m: 8, efConstruction: 64 }, { m: 12, efConstruction: 80 }, { m: 16, efConstruction: 100 }],
          efSearch: [64, 128, 256],
          queries: 200,
        });
      }
    }
    const report = formatReport({ goldFile: options.goldFile, results, added, sweep, hnsw: DEFAULT_HNSW_OPTIONS, totalMs: Date.now() - started, load: [loadAtStart, os.loadavg()[0]!] });
    await mkdir(path.dirname(options.reportFile), { recursive: true });
    await writeFile(options.reportFile, report);
    return report;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
