/**
 * npm run eval [-- --gold FILE --verbose]: answer quality on a gold set, overall and per kind.
 * Default gold set: ../shared/eval/dev.jsonl when present, else eval/questions.jsonl.
 *
 * npm run eval -- --lookalikes 1000: the same among 1,000 look-alike reports (built in a
 * temp folder with the offline embedder), on both gold sets, with the share of fact
 * questions whose report is among the first three passages.
 */
import { existsSync } from "node:fs";
import { evaluateAmongLookAlikes } from "../src/bench/lookalikes.js";
import { openAnswerer, parseCli, runMain } from "../src/cli.js";
import { evaluate, formatEvalReport, readGoldSet } from "../src/eval.js";
import { AppError } from "../src/errors.js";

const DEFAULT_GOLD = ["../shared/eval/dev.jsonl", "eval/questions.jsonl"];

runMain(async () => {
  const { config, values } = parseCli(process.argv.slice(2), { gold: { type: "string" }, verbose: { type: "boolean" }, lookalikes: { type: "string" } });
  const verbose = values.verbose === true;
  if (typeof values.lookalikes === "string") {
    const lookAlikes = Number(values.lookalikes);
    if (!Number.isInteger(lookAlikes) || lookAlikes < 1) throw new AppError(`--lookalikes takes a number of reports, such as 1000 (got '${values.lookalikes}').`);
    const goldFiles = typeof values.gold === "string" ? [values.gold] : DEFAULT_GOLD.filter((f) => existsSync(f));
    const result = await evaluateAmongLookAlikes({ corpusDir: config.CORPUS_DIR, goldFiles, lookAlikes }, (line) => console.error(line));
    console.log(`${result.reports} reports, ${result.passages} passages, built in ${(result.buildMs / 1000).toFixed(1)} s (hashed embedder)`);
    for (const set of result.sets) {
      console.log(`\nGold set: ${set.goldFile}`);
      console.log(`Right report among the first 3 passages: ${(100 * set.rightReportAt3).toFixed(1)}% of ${set.factQuestions} fact questions`);
      console.log(formatEvalReport(set.results, set.metrics, verbose));
    }
    return;
  }
  const goldFile = typeof values.gold === "string" ? values.gold : DEFAULT_GOLD.find((f) => existsSync(f))!;
  const gold = await readGoldSet(goldFile);
  const answerer = await openAnswerer(config);
  const { results, metrics } = await evaluate((q, context) => answerer.ask(q, context), gold);
  console.log(`Gold set: ${goldFile} (${metrics.answerable} answerable, ${metrics.unanswerable} unanswerable)`);
  console.log(`Index: ${answerer.manifest.chunkCount} passages, embedder ${answerer.manifest.embedder.kind}:${answerer.manifest.embedder.model}`);
  console.log(formatEvalReport(results, metrics, verbose));
});
