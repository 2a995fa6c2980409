/** npm run bench [-- --scale N --gold FILE --out FILE]: speed, memory and quality, side by side with a peer. */
import { existsSync } from "node:fs";
import { runBench } from "../src/bench/run.js";
import { parseCli, runMain } from "../src/cli.js";

runMain(async () => {
  const { config, values } = parseCli(process.argv.slice(2), { scale: { type: "string" }, gold: { type: "string" }, out: { type: "string" } });
  const report = await runBench({
    corpusDir: config.CORPUS_DIR,
    goldFile: typeof values.gold === "string" ? values.gold : ["../shared/eval/dev.jsonl", "eval/questions.jsonl"].find((f) => existsSync(f))!,
    scaleChunks: typeof values.scale === "string" ? Number(values.scale) : 100_000,
    reportFile: typeof values.out === "string" ? values.out : "docs/bench.md",
  });
  process.stdout.write(report);
});
