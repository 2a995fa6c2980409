/**
 * A running bot offered a damaged index keeps serving the one it has: the
 * damaged vectors never reach hnswlib (which would crash the process), the
 * reason is logged, and questions are still answered.
 */
import { cp, open, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { Answerer } from "../../src/answer/answerer.js";
import { reloadOnRebuild, runBot, type RunningBot } from "../../src/bot/main.js";
import { loadBotConfig } from "../../src/config.js";
import { HashedEmbedder } from "../../src/embed/hashed.js";
import { buildIndex } from "../../src/index/build.js";
import { FakeTelegram } from "../helpers/fake-telegram.js";
import { tempWorkspace } from "../helpers/corpus.js";

let ws: Awaited<ReturnType<typeof tempWorkspace>>;
let telegram: FakeTelegram;
let running: RunningBot;
let live: ReturnType<typeof reloadOnRebuild>;
const errors: string[] = [];

beforeAll(async () => {
  ws = await tempWorkspace();
  await buildIndex({ corpusDir: ws.corpusDir, indexDir: ws.indexDir, embedder: new HashedEmbedder() });
  telegram = await FakeTelegram.start();
  const config = loadBotConfig({
    BOT_TOKEN: "123456789:AAH-test-token-for-the-fake-server_x",
    TELEGRAM_API_ROOT: telegram.apiRoot,
    CORPUS_DIR: ws.corpusDir,
    INDEX_DIR: ws.indexDir,
    EMBEDDER: "hashed",
    BOT_DB: `${ws.indexDir}/../bot.sqlite`,
  });
  const log = { info: () => {}, warn: () => {}, error: (m: string) => errors.push(m) };
  const embedder = new HashedEmbedder();
  live = reloadOnRebuild(config, await Answerer.open({ indexDir: ws.indexDir, embedder }), log, 100);
  running = await runBot(config, { answerer: live.current, log });
});

afterAll(async () => {
  live?.stop();
  await running?.stop();
  await telegram?.close();
  await ws?.cleanup();
});

it("keeps answering from the old index when the reloaded one has a damaged vectors.hnsw", async () => {
  // What a rebuild that wrote a damaged vector file looks like: a new generation, swapped in by rename.
  const manifestFile = path.join(ws.indexDir, "manifest.json");
  const manifest = JSON.parse(await readFile(manifestFile, "utf8"));
  const damaged = "gen-damaged-x1";
  await cp(path.join(ws.indexDir, manifest.generation), path.join(ws.indexDir, damaged), { recursive: true });
  const vectors = await open(path.join(ws.indexDir, damaged, "vectors.hnsw"), "r+");
  await vectors.write(Buffer.alloc(4096, 0xa5), 0, undefined, 4096);
  await vectors.close();
  await writeFile(`${manifestFile}.tmp`, JSON.stringify({ ...manifest, generation: damaged }));
  await rename(`${manifestFile}.tmp`, manifestFile);

  await expect.poll(() => errors.join("\n"), { timeout: 10_000 }).toMatch(/Keeping the previous index.*vectors\.hnsw does not match its checksum/);
  telegram.say(301, "南岸区九价HPV疫苗累计接种了多少剂次？");
  const [reply] = await telegram.waitForSent(301, 1);
  expect(reply!.text).toContain("剂次");
});
