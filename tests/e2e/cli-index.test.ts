/**
 * The command-line scripts, run as separate processes, on a damaged or busy
 * index: one clear line and exit code 1 instead of a crash, and a build that
 * waits for another process's build.
 */
import { spawn } from "node:child_process";
import { open, readFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { HashedEmbedder } from "../../src/embed/hashed.js";
import { buildIndex } from "../../src/index/build.js";
import { withIndexLock } from "../../src/index/lock.js";
import { tempWorkspace } from "../helpers/corpus.js";

let ws: Awaited<ReturnType<typeof tempWorkspace>>;
beforeEach(async () => {
  ws = await tempWorkspace();
});
afterEach(async () => ws.cleanup());

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string[];
}

/** Runs `script` with the workspace's corpus and index; `onStderr` sees each stderr chunk as it comes. */
function run(script: string, args: string[], onStderr: (text: string) => void = () => {}): Promise<Run> {
  const env = { ...process.env, EMBEDDER: "hashed", CORPUS_DIR: ws.corpusDir, INDEX_DIR: ws.indexDir };
  const child = spawn(process.execPath, ["--import", "tsx", script, ...args], { env });
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => {
    stderr += d.toString();
    onStderr(stderr);
  });
  return new Promise((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal, stderr: stderr.split("\n").filter((l) => l.trim() !== "") })),
  );
}

it("ask on a damaged vectors.hnsw exits 1 with one line naming the file, not a segfault", async () => {
  await buildIndex({ corpusDir: ws.corpusDir, indexDir: ws.indexDir, embedder: new HashedEmbedder() });
  const { generation } = JSON.parse(await readFile(path.join(ws.indexDir, "manifest.json"), "utf8"));
  const vectors = await open(path.join(ws.indexDir, generation, "vectors.hnsw"), "r+");
  await vectors.write(Buffer.alloc(4096, 0xa5), 0, undefined, 4096);
  await vectors.close();

  const result = await run("scripts/ask.ts", ["南岸区九价HPV疫苗累计接种了多少剂次？"]);
  expect(result).toMatchObject({ code: 1, signal: null });
  expect(result.stderr).toEqual([expect.stringMatching(/^IndexDamagedError: The index file .*vectors\.hnsw does not match its checksum.*npm run build-index/)]);
});

it("a build started while another process builds waits for it, says so, then finishes", async () => {
  let release!: () => void;
  const otherBuild = withIndexLock(ws.indexDir, () => new Promise<void>((resolve) => (release = resolve)));
  let sawWaiting!: () => void;
  const waiting = new Promise<void>((resolve) => (sawWaiting = resolve));
  const build = run("scripts/build-index.ts", [], (stderr) => {
    if (stderr.includes("Another build is writing the index")) sawWaiting();
  });
  await waiting;
  release();
  await otherBuild;
  const result = await build;
  expect(result.code).toBe(0);
  expect(result.stderr.some((l) => l.startsWith("Index built in"))).toBe(true);
});
