/** The benchmark's markdown report: tables per corpus size, ratios to the peers, growth with size, the vector sweep. */
import type { HnswOptions } from "../index/vectors.js";
import { machine } from "./measure.js";
import type { SweepRow } from "./sweep.js";
import type { AskCliResult, BuildResult, ServeResult } from "./tasks.js";

export interface ScaleResults {
  /** Report files in the corpus (synthetic corpora only). */
  files?: number;
  build: BuildResult;
  serve: ServeResult;
  /** `npm run ask` with questions on stdin (synthetic corpora only). */
  ask?: AskCliResult;
  peers: (ServeResult & { buildMs: number })[];
}

export interface ReportInput {
  goldFile: string;
  results: ScaleResults[];
  /** Rebuild of the largest index after adding one report. */
  added: { buildMs: number; passages: number } | null;
  sweep: SweepRow[];
  hnsw: HnswOptions;
  totalMs: number;
  /** One-minute load average at the start and end: other jobs on the machine inflate the timings. */
  load: [number, number];
}

const ms = (x: number | undefined) => (x === undefined ? "–" : x >= 1000 ? `${(x / 1000).toFixed(1)} s` : `${x.toFixed(x < 10 ? 2 : 0)} ms`);
const mib = (x: number | undefined) => (x === undefined ? "–" : `${x.toFixed(0)} MiB`);
const pct = (x: number | undefined) => (x === undefined ? "n/a" : `${(100 * x).toFixed(0)}%`);
const ratio = (a: number, b: number) => `${(a / b).toFixed(1)}×`;
const count = (n: number) => n.toLocaleString("en");

const HEADER = [
  "| system | passages | build | load | answer/search p50 | p95 | mean | lexical p50 / p95 | RSS ready | peak RSS (serve / build) | on disk | Recall@3 | right report in top 3 | Answer@1 |",
  "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
].join("\n");

function ours({ build, serve }: ScaleResults): string {
  return `| this project | ${count(serve.passages)} | ${ms(build.buildMs)} | ${ms(serve.loadMs)} | ${ms(serve.p50Ms)} | ${ms(serve.p95Ms)} | ${ms(serve.meanMs)} | ${ms(serve.lexicalP50Ms)} / ${ms(serve.lexicalP95Ms)} | ${mib(serve.readyMiB)} | ${mib(serve.peakMiB)} / ${mib(build.peakMiB)} | ${mib(build.diskMiB)} | ${pct(serve.recallAt3)} | ${pct(serve.rightDocAt3)} | ${pct(serve.answerAt1)} |`;
}

function peer(p: ServeResult & { buildMs: number }): string {
  return `| ${p.system} | ${count(p.passages)} | ${ms(p.buildMs)} | – | ${ms(p.p50Ms)} | ${ms(p.p95Ms)} | ${ms(p.meanMs)} | – | ${mib(p.readyMiB)} | ${mib(p.peakMiB)} | – | ${pct(p.recallAt3)} | ${pct(p.rightDocAt3)} | n/a |`;
}

function section(r: ScaleResults): string[] {
  const title = r.files === undefined ? "The five reports" : `${count(r.serve.passages)} passages: ${count(r.files)} reports (5 real + look-alikes with other places, people and figures)`;
  const lines = [`## ${title}`, "", HEADER, ours(r), ...r.peers.map(peer), ""];
  for (const p of r.peers) {
    lines.push(
      `- ${p.system.split(" (")[0]} / this project's lexical channel: search p50 ${ratio(p.p50Ms, r.serve.lexicalP50Ms!)}, p95 ${ratio(p.p95Ms, r.serve.lexicalP95Ms!)}; ` +
        `its search p50 / this project's whole answer p50: ${ratio(p.p50Ms, r.serve.p50Ms)}; memory when ready ${ratio(p.readyMiB, r.serve.readyMiB)}.`,
    );
  }
  if (r.ask) {
    lines.push(
      `- \`npm run ask\` with ${r.ask.questions} questions on stdin: per answer p50 ${ms(r.ask.p50Ms)}, p95 ${ms(r.ask.p95Ms)}, mean ${ms(r.ask.meanMs)}; first answer (including loading the index) after ${ms(r.ask.firstAnswerMs)}.`,
    );
  }
  lines.push(`- The lexical channel scored ${pct(r.serve.lexicalScoredShare)} of the postings of the questions' terms; pruning skipped the rest.`, "");
  return lines;
}

function sweepTable(rows: SweepRow[], hnsw: HnswOptions): string[] {
  if (rows.length === 0) return [];
  const efs = rows[0]!.recall.map((r) => r.efSearch);
  return [
    `## Vector side: dimension and HNSW parameters at ${count(rows[0]!.passages)} passages`,
    "",
    "Each dimension's vectors are embedded once; each graph is built from them and its top 10 compared with exact search over the same vectors (200 queries: the gold questions, then passage openings). Dense Recall@3: the dense channel alone, exact search, an expected string in its top 3 (what the dimension costs in quality).",
    "",
    `| dimension | M | efConstruction | embed | graph build | graph file | dense Recall@3 | ${efs.map((e) => `recall@10 (ef ${e})`).join(" | ")} | ${efs.map((e) => `ms/query (ef ${e})`).join(" | ")} |`,
    `| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ${efs.map(() => "---:").join(" | ")} | ${efs.map(() => "---:").join(" | ")} |`,
    ...rows.map(
      (r) =>
        `| ${r.dimension} | ${r.m} | ${r.efConstruction} | ${ms(r.embedMs)} | ${ms(r.graphMs)} | ${mib(r.fileMiB)} | ${pct(r.denseRecallAt3)} | ${r.recall.map((x) => pct(x.recallAt10)).join(" | ")} | ${r.recall.map((x) => x.msPerQuery.toFixed(2)).join(" | ")} |`,
    ),
    "",
    `The project's defaults: M ${hnsw.m}, efConstruction ${hnsw.efConstruction}, efSearch ${hnsw.efSearch}.`,
    "",
  ];
}

export function formatReport(input: ReportInput): string {
  const { results } = input;
  const lines = [
    "# Benchmark",
    "",
    `Measured ${new Date().toISOString().slice(0, 10)} on ${machine()}, with the offline hashed embedder; gold questions from \`${input.goldFile}\`. ` +
      "Each system runs in its own process; this project builds in one and loads and answers in a fresh one, as the bot does. " +
      "Its latency is a whole cited answer (embedding the question, both searches, fusion, composition); the peers' is a search for the top 20 passages, so it compares with the lexical channel's column. " +
      `Load average ${input.load[0].toFixed(1)} at the start and ${input.load[1].toFixed(1)} at the end (above the core count, other jobs were competing for the CPU).`,
    "",
  ];
  for (const r of results) lines.push(...section(r));
  const synthetic = results.filter((r) => r.files !== undefined);
  if (synthetic.length > 1) {
    const [a, b] = [synthetic[0]!.serve, synthetic.at(-1)!.serve];
    lines.push(
      `## Growth from ${count(a.passages)} to ${count(b.passages)} passages (${ratio(b.passages, a.passages)})`,
      "",
      `Answer p50 ${ratio(b.p50Ms, a.p50Ms)}, p95 ${ratio(b.p95Ms, a.p95Ms)}, mean ${ratio(b.meanMs, a.meanMs)}; lexical channel p50 ${ratio(b.lexicalP50Ms!, a.lexicalP50Ms!)}; load ${ratio(b.loadMs!, a.loadMs!)}; memory when ready ${ratio(b.readyMiB, a.readyMiB)}.` +
        (synthetic[0]!.ask && synthetic.at(-1)!.ask ? ` Through \`npm run ask\`: mean per answer ${ratio(synthetic.at(-1)!.ask!.meanMs, synthetic[0]!.ask!.meanMs)}, p95 ${ratio(synthetic.at(-1)!.ask!.p95Ms, synthetic[0]!.ask!.p95Ms)}.` : ""),
      "",
    );
  }
  if (input.added) {
    lines.push(`Adding one report (${input.added.passages} passages) to the ${count(synthetic.at(-1)!.serve.passages)}-passage index and rebuilding: ${ms(input.added.buildMs)}.`, "");
  }
  lines.push(...sweepTable(input.sweep, input.hnsw), `Whole benchmark: ${ms(input.totalMs)}.`, "");
  return lines.join("\n");
}
