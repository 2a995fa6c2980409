/**
 * npm run eval [-- --gold FILE --verbose]: answer quality on a gold set, overall and per kind.
 * Default gold set: ../shared/eval/dev.jsonl when present, else eval/questions.jsonl.
 */
import { existsSync } from "node:fs";
import { openAnswerer, parseCli, runMain } from "../src/cli.js";
import { evaluate, formatEvalReport, readGoldSet } from "../src/eval.js";

const DEFAULT_GOLD = ["../shared/eval/dev.jsonl", "eval/questions.jsonl"];

runMain(async () => {
  const { config, values } = parseCli(process.argv.slice(2), { gold: { type: "string" }, verbose: { type: "boolean" } });
  const goldFile = typeof values.gold === "string" ? values.gold : DEFAULT_GOLD.find((f) => existsSync(f))!;
  const gold = await readGoldSet(goldFile);
  const answerer = await openAnswerer(config);
  const { results, metrics } = await evaluate((q, context) => answerer.ask(q, context), gold);
  console.log(`Gold set: ${goldFile} (${metrics.answerable} answerable, ${metrics.unanswerable} unanswerable)`);
  console.log(`Index: ${answerer.manifest.chunkCount} passages, embedder ${answerer.manifest.embedder.kind}:${answerer.manifest.embedder.model}`);
  console.log(formatEvalReport(results, metrics, values.verbose === true));
});
