/** npm run bench:large [-- --mb 20]: times reading, cleaning and indexing one report of that many megabytes (offline hashed embedder). */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { timeLargeReport } from "../src/bench/large-report.js";
import { parseCli, runMain } from "../src/cli.js";
import { HashedEmbedder } from "../src/embed/hashed.js";

runMain(async () => {
  const { config, values } = parseCli(process.argv.slice(2), { mb: { type: "string" } });
  const mb = typeof values.mb === "string" ? Number(values.mb) : 20;
  const workDir = await mkdtemp(path.join(os.tmpdir(), "large-report-"));
  try {
    const t = await timeLargeReport({ corpusDir: config.CORPUS_DIR, workDir, bytes: mb * 1024 * 1024, embedder: new HashedEmbedder() });
    const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    process.stdout.write(
      `One report of ${(t.bytes / 1024 / 1024).toFixed(1)} MB → ${t.chunks} passages, indexed in ${s(t.buildMs)} (hashed embedder): ` +
        `read, cleaned and chunked in ${s(t.readAndCleanMs)}, embedded into the HNSW graph in ${s(t.embedMs)}, lexical index and files written in ${s(t.writeMs)}.\n`,
    );
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
});
