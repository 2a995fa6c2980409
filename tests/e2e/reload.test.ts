/**
 * A running bot offered a damaged index keeps serving the one it has: the
 * damaged vectors never reach hnswlib (which would crash the process), the
 * reason is logged, and questions are still answered.
 */
import { open, readFile, utimes } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { runBot, type RunningBot } from "../../src/bot/main.js";
import { loadBotConfig } from "../../src/config.js";
import { HashedEmbedder } from "../../src/embed/hashed.js";
import { buildIndex } from "../../src/index/build.js";
import { FakeTelegram } from "../helpers/fake-telegram.js";
import { tempWorkspace } from "../helpers/corpus.js";

let ws: Awaited<ReturnType<typeof tempWorkspace>>;
let telegram: FakeTelegram;
let running: RunningBot;
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
  });
  const log = { info: () => {}, warn: () => {}, error: (m: string) => errors.push(m) };
  running = await runBot(config, { log, reloadIntervalMs: 100 });
});

afterAll(async () => {
  await running?.stop();
  await telegram?.close();
  await ws?.cleanup();
});

it("keeps answering from the old index when the reloaded one has a damaged vectors.hnsw", async () => {
  const manifestFile = path.join(ws.indexDir, "manifest.json");
  const { generation } = JSON.parse(await readFile(manifestFile, "utf8"));
  const vectors = await open(path.join(ws.indexDir, generation, "vectors.hnsw"), "r+");
  await vectors.write(Buffer.alloc(4096, 0xa5), 0, undefined, 4096);
  await vectors.close();
  const later = new Date(Date.now() + 5_000);
  await utimes(manifestFile, later, later); // what a rebuild's manifest swap looks like to the watcher

  await expect.poll(() => errors.join("\n"), { timeout: 10_000 }).toMatch(/Keeping the previous index.*vectors\.hnsw does not match its checksum/);
  telegram.say(301, "南岸区九价HPV疫苗累计接种了多少剂次？");
  const [reply] = await telegram.waitForSent(301, 1);
  expect(reply!.text).toContain("剂次");
});
