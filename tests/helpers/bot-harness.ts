/**
 * Runs the real bot for end-to-end tests: a copy of the real corpus, a real
 * index built with the hashed embedder, the real answering core, and the bot
 * talking HTTP to a Bot API emulator on 127.0.0.1.
 */
import { writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { Answerer, answererOptionsFromConfig } from "../../src/answer/answerer.js";
import { reloadOnRebuild, runBot, type RunningBot } from "../../src/bot/main.js";
import { loadBotConfig } from "../../src/config.js";
import { HashedEmbedder } from "../../src/embed/hashed.js";
import { buildIndex } from "../../src/index/build.js";
import type { Logger } from "../../src/bot/api.js";
import { tempWorkspace } from "./corpus.js";
import { FakeTelegram } from "./fake-telegram.js";

export const TOKEN = "123456789:AAH-test-token-for-the-fake-server_x";

/** A logger that keeps every line, to assert what an operator would see. */
export function recordingLog(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const keep = (...args: unknown[]) => void lines.push(args.map(String).join(" "));
  return { lines, info: keep, warn: keep, error: keep };
}

export type Workspace = Awaited<ReturnType<typeof tempWorkspace>>;

/** A temp copy of the corpus, plus `extra` reports (file name → text), indexed. */
export async function indexedWorkspace(extra: Record<string, string> = {}): Promise<Workspace> {
  const ws = await tempWorkspace();
  for (const [file, text] of Object.entries(extra)) await writeFile(path.join(ws.corpusDir, file), text);
  await buildIndex({ corpusDir: ws.corpusDir, indexDir: ws.indexDir, embedder: new HashedEmbedder() });
  return ws;
}

/** Settings for a bot on `ws` talking to `apiRoot`: short retry waits so failure paths run in milliseconds. */
export function botEnv(ws: Workspace, apiRoot: string, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    BOT_TOKEN: TOKEN,
    TELEGRAM_API_ROOT: apiRoot,
    CORPUS_DIR: ws.corpusDir,
    INDEX_DIR: ws.indexDir,
    EMBEDDER: "hashed",
    BOT_DB: path.join(ws.root, "bot.sqlite"),
    TELEGRAM_RETRIES: "2",
    TELEGRAM_RETRY_DELAY_MS: "50",
    ...overrides,
  };
}

export interface TestBot {
  telegram: FakeTelegram;
  running: RunningBot;
  /** The core the bot uses now (changes after a rebuild). */
  answerer: () => Answerer;
  log: ReturnType<typeof recordingLog>;
  stop: () => Promise<void>;
}

export interface StartOptions {
  /** Reuse an emulator (e.g. to restart the bot against the same chats); a new one otherwise. */
  telegram?: FakeTelegram;
  env?: Record<string, string>;
  /** Wraps the real core, e.g. to record what the bot asked it. */
  wrap?: (real: Answerer) => Answerer;
}

export async function startBot(ws: Workspace, options: StartOptions = {}): Promise<TestBot> {
  const telegram = options.telegram ?? (await FakeTelegram.start());
  const config = loadBotConfig(botEnv(ws, telegram.apiRoot, options.env));
  const log = recordingLog();
  const initial = await Answerer.open(await answererOptionsFromConfig(config, { embedder: new HashedEmbedder(), warn: log.warn }));
  const live = reloadOnRebuild(config, initial, log, 100);
  const answerer = options.wrap ? () => options.wrap!(live.current()) : live.current;
  const running = await runBot(config, { answerer, log });
  const stop = async () => {
    await running.stop();
    live.stop();
    if (!options.telegram) await telegram.close();
  };
  return { telegram, running, answerer: live.current, log, stop };
}

/** A core that records the questions and context it is asked with, then answers as the real one. */
export function recordingAnswerer(asked: { question: string; previous?: string }[]) {
  return (real: Answerer): Answerer =>
    new Proxy(real, {
      get(target, property, receiver) {
        if (property !== "ask") return Reflect.get(target, property, receiver);
        return (question: string, context: { previous?: string } = {}) => {
          asked.push({ question, previous: context.previous });
          return target.ask(question, context);
        };
      },
    });
}

/** A port on 127.0.0.1 nothing listens on (free for a server, refused for a client). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
