/**
 * The grammY bot: a thin layer over the answering core. Each concern is its
 * own middleware (de-duplication, allow-list, group etiquette, rate limit),
 * so the question handler only asks and replies.
 */
import { Bot, type Context, type NextFunction } from "grammy";
import type { Message } from "grammy/types";
import type { BotConfig } from "../config.js";
import type { Answerer } from "../answer/answerer.js";
import type { Answer, Citation } from "../types.js";
import { renderAnswer, renderDocs, renderHelp, renderSourceInContext, renderSources, sourceKeyboard } from "./render.js";

export interface BotDeps {
  /** The current answering core; a getter so a reloaded index takes effect at once. */
  answerer: () => Answerer;
  /** Where errors and notices go. Default console. */
  log?: Pick<Console, "info" | "warn" | "error">;
}

/** Replies the bot sends; kept together so wording stays consistent. */
export const TEXT = {
  textOnly: "目前只支持文字提问，请用文字描述你的问题。",
  empty: "请发送一个问题，例如：南岸区创建了哪些清廉品牌？",
  tooLong: (max: number, got: number) => `问题太长了（${got} 字），请精简到 ${max} 字以内再问。`,
  rateLimited: (seconds: number) => `提问太频繁了，请 ${seconds} 秒后再试。`,
  notAllowed: "抱歉，这个机器人只对受邀的聊天开放。",
  noAnswerYet: "还没有可查看的来源。先问一个问题，再发送 /source 查看回答引用的原文。",
  badSourceNumber: (max: number) => `没有这条来源。上一个回答的来源编号是 1 到 ${max}，例如 /source 1。`,
  failed: "抱歉，处理这个问题时出错了，请稍后再试。",
} as const;

/** A Map that forgets its least recently used entries beyond `capacity`. */
export class LruMap<K, V> {
  private readonly map = new Map<K, V>();
  constructor(private readonly capacity: number) {}

  get(key: K): V | undefined {
    const value = this.map.get(key);
    if (value !== undefined) {
      // Re-insert so the key becomes the most recent.
      this.map.delete(key);
      this.map.set(key, value);
    }
    return value;
  }

  set(key: K, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.capacity) this.map.delete(this.map.keys().next().value as K);
  }

  get size(): number {
    return this.map.size;
  }
}

/** Fixed-window counter per user; says "slow down" once per window, then stays quiet. */
export class RateLimiter {
  private readonly windows: LruMap<number, { start: number; count: number; warned: boolean }>;
  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    capacity = 10_000,
  ) {
    this.windows = new LruMap(capacity);
  }

  /** "ok", "limited" (tell the user), or "quiet" (already told this window). */
  take(userId: number, now = Date.now()): "ok" | "limited" | "quiet" {
    let w = this.windows.get(userId);
    if (w === undefined || now - w.start >= this.windowMs) {
      w = { start: now, count: 0, warned: false };
      this.windows.set(userId, w);
    }
    w.count++;
    if (w.count <= this.limit) return "ok";
    if (w.warned) return "quiet";
    w.warned = true;
    return "limited";
  }

  secondsLeft(userId: number, now = Date.now()): number {
    const w = this.windows.get(userId);
    return w ? Math.max(1, Math.ceil((w.start + this.windowMs - now) / 1000)) : 0;
  }
}

/** Telegram re-sends a webhook update it got no answer for; each update_id is handled once. */
function dedupeUpdates(capacity = 10_000) {
  const seen = new LruMap<number, true>(capacity);
  return async (ctx: Context, next: NextFunction) => {
    if (seen.get(ctx.update.update_id)) return;
    seen.set(ctx.update.update_id, true);
    await next();
  };
}

function allowList(ids: number[]) {
  const allowed = new Set(ids);
  return async (ctx: Context, next: NextFunction) => {
    if (allowed.size === 0 || (ctx.chat && allowed.has(ctx.chat.id))) return next();
    // Answer in private chats so the person knows why; stay silent in groups.
    if (ctx.chat?.type === "private" && ctx.message) await ctx.reply(TEXT.notAllowed);
  };
}

/** In groups, the bot speaks only when spoken to: commands, @mentions and replies to it. */
function groupEtiquette() {
  return async (ctx: Context, next: NextFunction) => {
    const msg = ctx.message;
    if (ctx.chat?.type === "private" || msg === undefined) return next();
    const text = msg.text ?? msg.caption ?? "";
    const mentioned = text.includes(`@${ctx.me.username}`);
    const repliedTo = msg.reply_to_message?.from?.id === ctx.me.id;
    if (text.startsWith("/") || mentioned || repliedTo) return next();
  };
}

/** The question in a message, without the bot's @mention. */
function questionOf(msg: Message, username: string): string {
  return (msg.text ?? "").replaceAll(`@${username}`, "").trim();
}

async function sendAll(ctx: Context, messages: string[], last?: Parameters<Context["reply"]>[1]): Promise<void> {
  for (const [i, text] of messages.entries()) {
    await ctx.reply(text, { parse_mode: "HTML", ...(i === messages.length - 1 ? last : {}) });
  }
}

export function createBot(config: BotConfig, deps: BotDeps): Bot {
  const log = deps.log ?? console;
  const bot = new Bot(config.BOT_TOKEN, config.TELEGRAM_API_ROOT ? { client: { apiRoot: config.TELEGRAM_API_ROOT } } : {});
  /** Per chat: the citations of the last answer, kept whole so /source survives an index rebuild. */
  const lastCitations = new LruMap<number, Citation[]>(config.SOURCE_MEMORY_CHATS);
  const limiter = new RateLimiter(config.RATE_LIMIT, config.RATE_LIMIT_WINDOW_SECONDS * 1000);

  bot.use(dedupeUpdates());
  bot.use(allowList(config.ALLOWED_CHAT_IDS));
  bot.use(groupEtiquette());

  bot.command(["start", "help"], (ctx) => ctx.reply(renderHelp(deps.answerer().documents()), { parse_mode: "HTML" }));
  bot.command("docs", (ctx) => ctx.reply(renderDocs(deps.answerer().documents()), { parse_mode: "HTML" }));

  const showSource = async (ctx: Context, arg: string) => {
    const citations = lastCitations.get(ctx.chat!.id);
    if (!citations || citations.length === 0) return void (await ctx.reply(TEXT.noAnswerYet));
    if (arg === "") return sendAll(ctx, renderSources(citations));
    const citation = citations.find((c) => String(c.n) === arg);
    if (!citation) return void (await ctx.reply(TEXT.badSourceNumber(citations.length)));
    await sendAll(ctx, renderSourceInContext(citation));
  };
  bot.command("source", (ctx) => showSource(ctx, ctx.match.trim()));
  bot.callbackQuery(/^src:(\d+)$/, async (ctx) => {
    // Answer the button press first so the client stops its spinner even if sending fails.
    await ctx.answerCallbackQuery().catch(() => undefined);
    await showSource(ctx, ctx.match[1]!);
  });

  bot.on("message:text", async (ctx) => {
    if (ctx.message.text.startsWith("/")) return; // an unknown command is not a question
    const question = questionOf(ctx.message, ctx.me.username);
    if (question === "") return void (await ctx.reply(TEXT.empty));
    if (question.length > config.MAX_QUESTION_CHARS) return void (await ctx.reply(TEXT.tooLong(config.MAX_QUESTION_CHARS, question.length)));
    const verdict = limiter.take(ctx.from.id);
    if (verdict === "limited") return void (await ctx.reply(TEXT.rateLimited(limiter.secondsLeft(ctx.from.id))));
    if (verdict === "quiet") return;

    // "typing…" only decorates: its failure must never cost the answer.
    ctx.replyWithChatAction("typing").catch((error: unknown) => log.warn(`sendChatAction failed: ${(error as Error).message}`));
    let answer: Answer;
    try {
      answer = await deps.answerer().ask(question);
    } catch (error) {
      log.error(`Answering '${question.slice(0, 50)}' failed:`, error);
      return void (await ctx.reply(TEXT.failed));
    }
    // A "not found" answer has no sources; /source must not show an older answer's.
    lastCitations.set(ctx.chat.id, answer.citations);
    await sendAll(ctx, renderAnswer(answer), { reply_markup: sourceKeyboard(answer) });
  });

  bot.on("message", (ctx) => ctx.reply(TEXT.textOnly));

  bot.catch((err) => {
    log.error(`Error while handling update ${err.ctx.update.update_id}:`, err.error);
  });
  return bot;
}
