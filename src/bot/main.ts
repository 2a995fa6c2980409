/**
 * The bot's process lifecycle: open its answer store, reach Telegram (waiting
 * out an outage visibly), run long polling with @grammyjs/runner or the
 * webhook server, swap in a rebuilt index without a restart, stop cleanly.
 */
import type { Server } from "node:http";
import { autoRetry } from "@grammyjs/auto-retry";
import { run, type RunnerHandle } from "@grammyjs/runner";
import { GrammyError, type Bot } from "grammy";
import { telegramProxy, type BotConfig } from "../config.js";
import { Answerer, answererOptionsFromConfig } from "../answer/answerer.js";
import { AppError } from "../errors.js";
import { watchManifest } from "../index/watch.js";
import { AnswerStore, openBotDatabase } from "./answers.js";
import { POLL_SECONDS, asShimSignal, describeFailure, retrySends, timeoutRequests, waitOutOutages, type Logger } from "./api.js";
import { COMMANDS, createBot } from "./bot.js";
import { FeedbackStore } from "./feedback.js";
import { webhookServer } from "./webhook.js";

/** Telegram refused to serve this bot; retrying cannot help. */
export class TelegramRefusedError extends AppError {
  override name = "TelegramRefusedError";
}

/** A 429's retry_after longer than this fails the send: an answer a minute late is worth less than a log line. */
const MAX_RATE_LIMIT_WAIT_SECONDS = 30;
/** How many times a 429 is waited out before the send fails. */
const MAX_RATE_LIMIT_RETRIES = 3;
/** On stop, answers being sent get this long to finish: enough for a normal reply, short enough for "stops within seconds". */
const STOP_GRACE_MS = 3000;

export interface RunningBot {
  bot: Bot;
  /** Resolves when the bot has stopped; rejects with TelegramRefusedError on 401/409. */
  done: Promise<void>;
  stop: () => Promise<void>;
}

export interface RunBotOptions {
  /** The answering core in use right now (see `reloadOnRebuild`). */
  answerer: () => Answerer;
  log?: Logger;
  /** Aborting it stops the bot, also while it is still trying to reach Telegram. */
  signal?: AbortSignal;
}

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

/** Installs the request policy: timeout, 429 waits, bounded retries of sends, visible waits during an outage (outermost last). */
function installRequestPolicy(bot: Bot, config: BotConfig, log: Logger): void {
  bot.api.config.use(
    timeoutRequests(config.TELEGRAM_TIMEOUT_SECONDS),
    // 5xx and network errors are left to retrySends and waitOutOutages, whose limits and log lines are ours.
    autoRetry({ maxRetryAttempts: MAX_RATE_LIMIT_RETRIES, maxDelaySeconds: MAX_RATE_LIMIT_WAIT_SECONDS, rethrowInternalServerErrors: true, rethrowHttpErrors: true }),
    retrySends({ retries: config.TELEGRAM_RETRIES, delayMs: config.TELEGRAM_RETRY_DELAY_MS, log }),
    waitOutOutages({ apiRoot: config.TELEGRAM_API_ROOT, proxy: telegramProxy(config), delayMs: config.TELEGRAM_RETRY_DELAY_MS, log }),
  );
}

export async function runBot(config: BotConfig, options: RunBotOptions): Promise<RunningBot> {
  const log = options.log ?? console;
  const db = openBotDatabase(config.BOT_DB);
  const { bot, settled } = createBot(config, { answerer: options.answerer, answers: new AnswerStore(db, config.ANSWER_STORE_LIMIT), feedback: new FeedbackStore(db), log });
  installRequestPolicy(bot, config, log);

  const stopping = new AbortController();
  let runner: RunnerHandle | undefined;
  let server: Server | undefined;
  const stop = async () => {
    stopping.abort();
    await runner?.stop();
    if (server?.listening) await new Promise<void>((resolve) => server!.close(() => resolve()));
    await settled(STOP_GRACE_MS);
    if (db.open) db.close();
  };
  const onAbort = () => void stop();
  options.signal?.addEventListener("abort", onAbort, { once: true });
  if (options.signal?.aborted) onAbort();
  /** Cleans up what was started and turns Telegram's refusals into one clear error. */
  const fail = async (error: unknown): Promise<never> => {
    await stop();
    throw refusal(error) ?? error;
  };

  try {
    await bot.init(asShimSignal(stopping.signal));
    if (config.BOT_MODE === "webhook") {
      // Listen first: Telegram posts as soon as the webhook is set.
      server = webhookServer(bot, { secretToken: config.WEBHOOK_SECRET, replyTimeoutMs: config.WEBHOOK_REPLY_TIMEOUT_MS, log });
      await new Promise<void>((resolve) => server!.listen(config.WEBHOOK_PORT, resolve));
      await bot.api.setWebhook(config.WEBHOOK_URL!, { secret_token: config.WEBHOOK_SECRET }, asShimSignal(stopping.signal));
    } else {
      await bot.api.deleteWebhook(undefined, asShimSignal(stopping.signal));
    }
  } catch (error) {
    // Stopped (SIGTERM, Ctrl-C) while Telegram was unreachable: nothing more to do.
    if (stopping.signal.aborted) return { bot, done: stop(), stop };
    return fail(error);
  }
  // Decoration only: a failure here must not keep the bot from answering.
  bot.api.setMyCommands(COMMANDS).catch((error: unknown) => log.warn(`setMyCommands failed: ${describeFailure(error)}`));

  let done: Promise<void>;
  if (server !== undefined) {
    const httpServer = server;
    log.info(`@${bot.botInfo.username} is receiving updates by webhook on port ${config.WEBHOOK_PORT}.`);
    done = new Promise((resolve) => httpServer.on("close", resolve));
  } else {
    runner = run(bot, {
      runner: { fetch: { timeout: POLL_SECONDS, allowed_updates: ["message", "callback_query"] }, silent: true },
    });
    log.info(`@${bot.botInfo.username} is answering (long polling).`);
    done = (runner.task() ?? Promise.resolve()).catch(fail);
  }
  return { bot, done: done.finally(() => options.signal?.removeEventListener("abort", onAbort)), stop };
}

/** The answering core, swapped for a freshly loaded one whenever the index is rebuilt. */
export interface LiveAnswerer {
  current: () => Answerer;
  stop: () => void;
}

/** Keeps `initial` until a rebuilt index is in place, then swaps in a fully loaded one (a failed load keeps the old). */
export function reloadOnRebuild(config: BotConfig, initial: Answerer, log: Logger, intervalMs?: number): LiveAnswerer {
  let current = initial;
  const stop = watchManifest(
    config.INDEX_DIR,
    async () => {
      try {
        current = await Answerer.open(await answererOptionsFromConfig(config, { embedder: current.embedder, warn: (m) => log.warn(m) }));
        log.info(`Reloaded the index: ${current.manifest.chunkCount} passages from ${current.manifest.documents.length} reports.`);
      } catch (error) {
        log.error(`Keeping the previous index; the rebuilt one could not be loaded: ${(error as Error).message}`);
      }
    },
    { intervalMs },
  );
  return { current: () => current, stop };
}
