/** npm run bench [-- --quick --scale N[,N] --gold FILE --out FILE]: speed, memory and quality, side by side with peers. */
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { runBench } from "../src/bench/run.js";
import { parseCli, runMain } from "../src/cli.js";

runMain(async () => {
  const { config, values } = parseCli(process.argv.slice(2), {
    quick: { type: "boolean" },
    scale: { type: "string" },
    gold: { type: "string" },
    out: { type: "string" },
  });
  const report = await runBench({
    corpusDir: config.CORPUS_DIR,
    goldFile: typeof values.gold === "string" ? values.gold : ["../shared/eval/dev.jsonl", "eval/questions.jsonl"].find((f) => existsSync(f))!,
    scales: typeof values.scale === "string" ? values.scale.split(",").map(Number) : [20_000, 100_000],
    quick: values.quick === true,
    // A quick run is for development: it does not overwrite the published figures.
    reportFile: typeof values.out === "string" ? values.out : values.quick ? path.join(os.tmpdir(), "bench-quick.md") : "docs/bench.md",
  });
  process.stdout.write(report);
});
