/**
 * npm run eval [-- --gold FILE --verbose]: answer quality on a gold set.
 * Default gold set: ../shared/eval/dev.jsonl when present, else eval/questions.jsonl.
 */
import { existsSync } from "node:fs";
import { openAnswerer, parseCli, runMain } from "../src/cli.js";
import { evaluate, readGoldSet } from "../src/eval.js";

const DEFAULT_GOLD = ["../shared/eval/dev.jsonl", "eval/questions.jsonl"];

runMain(async () => {
  const { config, values } = parseCli(process.argv.slice(2), { gold: { type: "string" }, verbose: { type: "boolean" } });
  const goldFile = typeof values.gold === "string" ? values.gold : DEFAULT_GOLD.find((f) => existsSync(f))!;
  const gold = await readGoldSet(goldFile);
  const answerer = await openAnswerer(config);
  const { results, metrics } = await evaluate((q) => answerer.ask(q), gold);
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  console.log(`Gold set: ${goldFile} (${metrics.answerable} answerable, ${metrics.unanswerable} unanswerable)`);
  console.log(`Index: ${answerer.manifest.chunkCount} passages, embedder ${answerer.manifest.embedder.kind}:${answerer.manifest.embedder.model}`);
  console.log(`Recall@1 ${pct(metrics.recallAt1)}  Recall@3 ${pct(metrics.recallAt3)}  Recall@5 ${pct(metrics.recallAt5)}  MRR ${metrics.mrr.toFixed(3)}`);
  console.log(`Answer@1 ${pct(metrics.answerAt1)}  No-answer accuracy ${pct(metrics.noAnswerAccuracy)}  Answerable refused: ${metrics.refusedAnswerable}`);
  for (const r of results) {
    const ok = r.answerable ? r.answerAt1 && r.hitRank !== null : !r.found;
    if (values.verbose || !ok) {
      const what = r.answerable ? `hit@${r.hitRank ?? "-"} answer@1=${r.answerAt1}` : `found=${r.found}`;
      console.log(`${ok ? "  ok " : "  MISS"} ${r.q}  (${what})${r.firstSentence ? `\n        → ${r.firstSentence}` : ""}`);
    }
  }
});
