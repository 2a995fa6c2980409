/**
 * The grammY bot: a thin layer over the answering core. Each concern is its
 * own middleware (per-chat order, de-duplication, allow-list, group
 * etiquette), so the handlers only ask, keep the answer, and reply.
 */
import { Bot, Composer, type Context, type NextFunction } from "grammy";
import { sequentialize } from "@grammyjs/runner";
import type { Message, ReplyParameters } from "grammy/types";
import { telegramProxy, type BotConfig } from "../config.js";
import type { Answerer } from "../answer/answerer.js";
import type { Answer } from "../types.js";
import type { AnswerStore, StoredAnswer } from "./answers.js";
import type { FeedbackStore } from "./feedback.js";
import { clientOptions, describeFailure, type Logger } from "./api.js";
import { LruMap, RateLimiter } from "./limits.js";
import { TEXT, answerKeyboard, renderAnswer, renderDocs, renderHelp, renderSourceInContext, renderSources } from "./render.js";

export interface BotDeps {
  /** The current answering core; a getter so a reloaded index takes effect at once. */
  answerer: () => Answerer;
  answers: AnswerStore;
  feedback: FeedbackStore;
  log: Logger;
}

type ReplyOptions = Parameters<Context["reply"]>[1];

/** The bot's commands, also registered with setMyCommands. */
export const COMMANDS = [
  { command: "help", description: "使用说明与收录的报告" },
  { command: "source", description: "查看上一个回答引用的原文（/source 2 只看第 2 条）" },
  { command: "docs", description: "收录的报告列表" },
];
const KNOWN_COMMANDS = new Set(["start", ...COMMANDS.map((c) => c.command)]);

/** Telegram re-sends a webhook update it got no answer for; each update_id is handled once. */
function dedupeUpdates(capacity = 10_000) {
  const seen = new LruMap<number, true>(capacity);
  return async (ctx: Context, next: NextFunction) => {
    if (seen.get(ctx.update.update_id)) return;
    seen.set(ctx.update.update_id, true);
    await next();
  };
}

/** Chats outside the list are told once per window in private, never in groups; their button presses are answered so spinners stop. */
function allowList(ids: number[], windowMs: number) {
  const allowed = new Set(ids);
  const told = new RateLimiter(0, windowMs);
  return async (ctx: Context, next: NextFunction) => {
    if (allowed.size === 0 || (ctx.chat && allowed.has(ctx.chat.id))) return next();
    if (ctx.callbackQuery) return void (await ctx.answerCallbackQuery({ text: TEXT.notAllowed }));
    if (ctx.chat?.type === "private" && ctx.message && told.take(ctx.chat.id) === "limited") await ctx.reply(TEXT.notAllowed);
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

/** Who wrote: the user, or for anonymous admins and channels the chat they speak as. */
function senderOf(ctx: Context): number {
  return ctx.from?.id ?? ctx.senderChat?.id ?? ctx.chat!.id;
}

/** In groups every reply quotes what it answers, so a busy group can tell which question it belongs to. */
function threadTo(ctx: Context, messageId: number | undefined): ReplyOptions {
  if (ctx.chat?.type === "private" || messageId === undefined) return {};
  const reply_parameters: ReplyParameters = { message_id: messageId, allow_sending_without_reply: true };
  return { reply_parameters };
}

/** The question in a message, without the bot's @mention. */
function questionOf(msg: Message, username: string): string {
  return (msg.text ?? "").replaceAll(`@${username}`, "").trim();
}

async function sendAll(ctx: Context, messages: string[], options: ReplyOptions = {}, last: ReplyOptions = {}): Promise<Message.TextMessage[]> {
  const sent: Message.TextMessage[] = [];
  for (const [i, text] of messages.entries()) {
    sent.push(await ctx.reply(text, { parse_mode: "HTML", ...options, ...(i === messages.length - 1 ? last : {}) }));
  }
  return sent;
}

/** Sources of `stored` (all, or number `arg`), or why there are none to show. */
function sourceReply(stored: StoredAnswer | undefined, arg: string): string[] {
  if (stored === undefined) return [TEXT.noAnswerYet];
  if (stored.citations.length === 0) return [TEXT.noSources];
  if (arg === "") return renderSources(stored.citations);
  const citation = stored.citations.find((c) => String(c.n) === arg);
  return citation ? renderSourceInContext(citation) : [TEXT.badSourceNumber(stored.citations.length)];
}

/** Counts the updates being handled, so stopping can let them finish before the store closes. */
function inFlight() {
  let count = 0;
  const middleware = async (_ctx: Context, next: NextFunction) => {
    count++;
    try {
      await next();
    } finally {
      count--;
    }
  };
  /** Resolves when no update is being handled, or after `maxMs`. */
  const settled = async (maxMs: number) => {
    const deadline = Date.now() + maxMs;
    while (count > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  };
  return { middleware, settled };
}

export interface CreatedBot {
  bot: Bot;
  /** Resolves when the updates being handled are done, or after `maxMs`. */
  settled: (maxMs: number) => Promise<void>;
}

/** `/source` and the buttons under answers: each opens the answer it belongs to, and 👍/👎 record feedback. */
function sourcesAndButtons({ answers, feedback }: BotDeps): Composer<Context> {
  const composer = new Composer();
  composer.command("source", async (ctx) => {
    // The answer /source replies to; else the sender's own last answer in a group, the chat's in private.
    const replied = ctx.msg.reply_to_message;
    const shown = replied?.from?.id === ctx.me.id ? answers.shownIn(ctx.chat.id, replied.message_id) : undefined;
    const stored = shown ?? answers.last(ctx.chat.id, ctx.chat.type === "private" ? undefined : senderOf(ctx));
    await sendAll(ctx, sourceReply(stored, ctx.match.trim()), threadTo(ctx, ctx.msg.message_id));
  });

  composer.callbackQuery(/^s:(\d+):(\d+)$/, async (ctx) => {
    // An inline-mode message has no chat to send the passage to.
    if (ctx.chat === undefined) return void (await ctx.answerCallbackQuery({ text: TEXT.inlineSource }));
    // Answer the press first so the client stops its spinner even if sending fails.
    await ctx.answerCallbackQuery().catch(() => undefined);
    const stored = answers.get(Number(ctx.match[1]));
    const reply = stored === undefined ? [TEXT.expired] : sourceReply(stored, ctx.match[2]!);
    await sendAll(ctx, reply, threadTo(ctx, ctx.callbackQuery.message?.message_id));
  });

  composer.callbackQuery(/^f:(\d+):(up|down)$/, async (ctx) => {
    const stored = answers.get(Number(ctx.match[1]));
    if (stored === undefined) return void (await ctx.answerCallbackQuery({ text: TEXT.expired }));
    const vote = ctx.match[2] as "up" | "down";
    feedback.record(stored, ctx.from.id, vote);
    await ctx.answerCallbackQuery({ text: TEXT.thanks[vote] });
  });

  // Buttons of an older version, or data nobody knows: stop the spinner and say so.
  composer.on("callback_query", (ctx) => ctx.answerCallbackQuery({ text: TEXT.staleButton }));
  return composer;
}

/** A command the bot does not know gets a pointer to /help, when it was meant for this bot. */
function unknownCommands(): Composer<Context> {
  const composer = new Composer();
  composer.on("message:text", async (ctx, next) => {
    const command = /^\/([A-Za-z0-9_]+)(?:@(\w+))?/.exec(ctx.msg.text);
    if (command === null) return next();
    // A command meant for another bot, or an unaddressed one in a group, is not ours to answer.
    const [, name, target] = command;
    const forUs = target === undefined ? ctx.chat.type === "private" : target === ctx.me.username;
    if (forUs && !KNOWN_COMMANDS.has(name!)) await ctx.reply(TEXT.unknownCommand(name!), threadTo(ctx, ctx.msg.message_id));
  });
  return composer;
}

/** A question: checked, asked with the previous question as context, kept by id, and answered with its buttons. */
function questions(config: BotConfig, deps: BotDeps): Composer<Context> {
  const { answers, feedback, log } = deps;
  const limiter = new RateLimiter(config.RATE_LIMIT, config.RATE_LIMIT_WINDOW_SECONDS * 1000);
  const composer = new Composer();
  composer.on("message:text", async (ctx) => {
    const thread = threadTo(ctx, ctx.msg.message_id);
    const question = questionOf(ctx.msg, ctx.me.username);
    if (question === "") return void (await ctx.reply(TEXT.empty, thread));
    if (question.length > config.MAX_QUESTION_CHARS) return void (await ctx.reply(TEXT.tooLong(config.MAX_QUESTION_CHARS, question.length), thread));
    const sender = senderOf(ctx);
    const verdict = limiter.take(sender);
    if (verdict === "limited") return void (await ctx.reply(TEXT.rateLimited(limiter.secondsLeft(sender)), thread));
    if (verdict === "quiet") return;

    // "typing…" only decorates: its failure must never cost the answer.
    ctx.replyWithChatAction("typing").catch((error: unknown) => log.warn(`sendChatAction to chat ${ctx.chat.id} failed: ${describeFailure(error)}`));
    // A follow-up (那徐州呢？) continues the sender's own last question in this chat.
    const previous = answers.last(ctx.chat.id, ctx.chat.type === "private" ? undefined : sender);
    let answer: Answer;
    try {
      answer = await deps.answerer().ask(question, previous ? { previous: previous.interpreted ?? previous.question } : {});
    } catch (error) {
      log.error(`Answering '${question.slice(0, 50)}' in chat ${ctx.chat.id} failed: ${describeFailure(error)}`);
      return void (await ctx.reply(TEXT.failed, thread));
    }
    const docs = deps.answerer().documents();
    if (answer.unsearchable === "greeting" || answer.unsearchable === "no_content") return void (await sendAll(ctx, renderHelp(docs), thread));
    if (answer.unsearchable !== null) return void (await sendAll(ctx, renderAnswer(answer, docs), thread));

    const id = answers.add({ chatId: ctx.chat.id, userId: sender, question, interpreted: answer.interpreted, status: answer.status, citations: answer.citations });
    if (answer.status !== "answered") feedback.refused(ctx.chat.id, question, answer.status);
    const keyboard = answerKeyboard(id, answer);
    const sent = await sendAll(ctx, renderAnswer(answer, docs), thread, keyboard ? { reply_markup: keyboard } : {});
    for (const message of sent) answers.linkMessageTo(ctx.chat.id, message.message_id, id);
  });
  return composer;
}

export function createBot(config: BotConfig, deps: BotDeps): CreatedBot {
  const client = clientOptions({ apiRoot: config.TELEGRAM_API_ROOT, proxy: telegramProxy(config), timeoutSeconds: config.TELEGRAM_TIMEOUT_SECONDS });
  const bot = new Bot(config.BOT_TOKEN, { client });
  const tracker = inFlight();
  const docs = () => deps.answerer().documents();

  bot.use(tracker.middleware);
  bot.use(dedupeUpdates());
  // Different chats are handled at once; one chat's updates in order, so a follow-up sees the answer before it.
  bot.use(sequentialize((ctx: Context) => String(ctx.chat?.id ?? ctx.from?.id ?? "")));
  bot.use(allowList(config.ALLOWED_CHAT_IDS, config.RATE_LIMIT_WINDOW_SECONDS * 1000));
  bot.use(groupEtiquette());

  bot.command(["start", "help"], (ctx) => sendAll(ctx, renderHelp(docs()), threadTo(ctx, ctx.msg.message_id)));
  bot.command("docs", (ctx) => sendAll(ctx, renderDocs(docs()), threadTo(ctx, ctx.msg.message_id)));
  bot.use(sourcesAndButtons(deps));
  bot.use(unknownCommands());
  bot.use(questions(config, deps));
  bot.on("message", (ctx) => ctx.reply(TEXT.textOnly, threadTo(ctx, ctx.msg.message_id)));

  bot.catch((err) => {
    deps.log.error(`Update ${err.ctx.update.update_id} in chat ${err.ctx.chat?.id ?? "(none)"} failed: ${describeFailure(err.error)}`);
  });
  return { bot, settled: tracker.settled };
}
