/**
 * The bot's process lifecycle: open the answering core, start long polling or
 * the webhook server, swap in a rebuilt index without a restart, stop cleanly.
 */
import { unwatchFile, watchFile } from "node:fs";
import { createServer, type Server } from "node:http";
import path from "node:path";
import { autoRetry } from "@grammyjs/auto-retry";
import { GrammyError, webhookCallback, type Bot } from "grammy";
import type { BotConfig } from "../config.js";
import { Answerer, answererOptionsFromConfig } from "../answer/answerer.js";
import { openAnswerer } from "../cli.js";
import { AppError } from "../errors.js";
import { MANIFEST_FILE } from "../index/store.js";
import { createBot } from "./bot.js";

/** Telegram refused to serve this bot; retrying cannot help. */
export class TelegramRefusedError extends AppError {
  override name = "TelegramRefusedError";
}

export interface RunningBot {
  bot: Bot;
  /** The answering core in use right now. */
  answerer: () => Answerer;
  /** Resolves when the bot has stopped; rejects with TelegramRefusedError on 401/409. */
  done: Promise<void>;
  stop: () => Promise<void>;
}

export interface RunBotOptions {
  log?: Pick<Console, "info" | "warn" | "error">;
  /** How often the manifest is checked for a rebuilt index. Default 2000 ms. */
  reloadIntervalMs?: number;
}

const COMMANDS = [
  { command: "help", description: "使用说明与收录的报告" },
  { command: "source", description: "查看上一个回答引用的原文（/source 2 只看第 2 条）" },
  { command: "docs", description: "收录的报告列表" },
];

function refusal(error: unknown): TelegramRefusedError | null {
  if (!(error instanceof GrammyError)) return null;
  if (error.error_code === 401) {
    return new TelegramRefusedError("Telegram rejected BOT_TOKEN (401 Unauthorized): it is wrong or was revoked. Get the current token from @BotFather and put it in .env.");
  }
  if (error.error_code === 409) {
    return new TelegramRefusedError("Another instance of this bot is already receiving updates (409 Conflict). Stop the other instance, or delete its webhook, then start again.");
  }
  return null;
}

export async function runBot(config: BotConfig, options: RunBotOptions = {}): Promise<RunningBot> {
  const log = options.log ?? console;
  let current = await openAnswerer(config, { warn: (m) => log.warn(m) });
  const bot = createBot(config, { answerer: () => current, log });
  bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 60 }));

  // Hot reload: poll the manifest (a rename does not always fire fs.watch) and swap only a fully loaded index.
  const manifestPath = path.join(config.INDEX_DIR, MANIFEST_FILE);
  let reloading = false;
  watchFile(manifestPath, { interval: options.reloadIntervalMs ?? 2000 }, async (now, before) => {
    if (now.mtimeMs === before.mtimeMs || now.mtimeMs === 0 || reloading) return;
    reloading = true;
    try {
      const next = await Answerer.open(await answererOptionsFromConfig(config, { embedder: current.embedder, warn: (m) => log.warn(m) }));
      current = next;
      log.info(`Reloaded the index: ${next.manifest.chunkCount} passages from ${next.manifest.documents.length} reports.`);
    } catch (error) {
      log.error(`Keeping the previous index; the rebuilt one could not be loaded: ${(error as Error).message}`);
    } finally {
      reloading = false;
    }
  });

  let server: Server | undefined;
  let done: Promise<void>;
  /** Cleans up what was started and turns Telegram's refusals into one clear error. */
  const fail = (error: unknown): never => {
    unwatchFile(manifestPath);
    server?.close();
    throw refusal(error) ?? error;
  };
  await bot.init().catch(fail);
  // Decoration only: a failure here must not keep the bot from answering.
  bot.api.setMyCommands(COMMANDS).catch((error: unknown) => log.warn(`setMyCommands failed: ${(error as Error).message}`));

  if (config.BOT_MODE === "webhook") {
    const handle = webhookCallback(bot, "http", { secretToken: config.WEBHOOK_SECRET });
    server = createServer((req, res) => {
      handle(req, res).catch((error: unknown) => log.error("Webhook request failed:", error));
    });
    const httpServer = server;
    await new Promise<void>((resolve) => httpServer.listen(config.WEBHOOK_PORT, resolve));
    await bot.api.setWebhook(config.WEBHOOK_URL!, { secret_token: config.WEBHOOK_SECRET }).catch(fail);
    log.info(`@${bot.botInfo.username} is receiving updates by webhook on port ${config.WEBHOOK_PORT}.`);
    done = new Promise((resolve) => httpServer.on("close", resolve));
  } else {
    done = bot.start({ onStart: (me) => log.info(`@${me.username} is answering (long polling).`) }).catch(fail);
  }

  const stop = async () => {
    unwatchFile(manifestPath);
    if (server) await new Promise<void>((resolve) => server!.close(() => resolve()));
    else await bot.stop();
  };
  done = done.finally(() => unwatchFile(manifestPath));
  return { bot, answerer: () => current, done, stop };
}
