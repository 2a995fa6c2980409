/**
 * A small Bot API server on 127.0.0.1 for end-to-end tests: it serves the
 * methods the bot calls (getMe, getUpdates with long polling, sendMessage,
 * sendChatAction, setMyCommands, answerCallbackQuery, setWebhook,
 * deleteWebhook), records what the bot sent, and lets a test play users.
 * Like Telegram it refuses HTML it cannot parse (400), and a test can make it
 * misbehave: slow or failing answers for one chat, or errors for a method.
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { telegramHtmlProblem } from "./telegram-html.js";

export interface SentMessage {
  chat_id: number;
  text: string;
  message_id: number;
  parse_mode?: string;
  reply_parameters?: { message_id: number };
  reply_markup?: { inline_keyboard?: { text: string; callback_data: string }[][] };
}

export interface CallbackAnswer {
  callback_query_id: string;
  text?: string;
}

type Update = Record<string, unknown> & { update_id: number };
export type Chat = { id: number; type: string };

export const BOT_USER = { id: 4242, is_bot: true, first_name: "党建问答", username: "dangjian_qa_bot" };

export class FakeTelegram {
  readonly sent: SentMessage[] = [];
  /** Methods the bot called, in order. */
  readonly calls: string[] = [];
  readonly callbackAnswers: CallbackAnswer[] = [];
  /** Messages refused because their HTML would not parse on Telegram. */
  readonly refusedHtml: { text: string; problem: string }[] = [];
  /** Answer every call to these methods with this error code (e.g. getUpdates: 409). */
  readonly failWith = new Map<string, number>();
  /** sendMessage to these chats waits this many ms before answering. */
  readonly slowChats = new Map<number, number>();
  /** sendMessage to these chats answers 500 this many more times. */
  readonly failingChats = new Map<number, number>();
  private readonly updates: Update[] = [];
  private readonly chats = new Map<number, Chat>();
  private nextUpdateId = 1;
  private nextMessageId = 1;
  /** Wakes pending long polls (on a new update) and slow sends (on close). */
  private pollers: (() => void)[] = [];
  private sleepers: (() => void)[] = [];
  private closing = false;

  private constructor(
    private readonly server: Server,
    readonly apiRoot: string,
  ) {}

  static async start(): Promise<FakeTelegram> {
    let fake!: FakeTelegram;
    const server = createServer((req, res) => {
      void fake.handle(req).then(([status, body]) => {
        if (res.writableEnded || res.destroyed) return;
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(body));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    fake = new FakeTelegram(server, `http://127.0.0.1:${port}`);
    return fake;
  }

  async close(): Promise<void> {
    this.closing = true;
    for (const wake of [...this.pollers, ...this.sleepers]) wake();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage): Promise<[number, unknown]> {
    const method = req.url?.split("/").pop() ?? "";
    let raw = "";
    for await (const chunk of req) raw += chunk;
    const body = (raw ? JSON.parse(raw) : {}) as Record<string, unknown>;
    this.calls.push(method);
    const failure = this.failWith.get(method);
    if (failure !== undefined) return [failure, { ok: false, error_code: failure, description: `Error ${failure} from the fake server` }];
    switch (method) {
      case "getMe":
        return [200, { ok: true, result: BOT_USER }];
      case "deleteWebhook":
      case "setWebhook":
      case "sendChatAction":
      case "setMyCommands":
        return [200, { ok: true, result: true }];
      case "answerCallbackQuery":
        this.callbackAnswers.push(body as unknown as CallbackAnswer);
        return [200, { ok: true, result: true }];
      case "getUpdates":
        return [200, { ok: true, result: await this.pendingUpdates(Number(body.offset ?? 0), Number(body.timeout ?? 0)) }];
      case "sendMessage":
        return this.sendMessage(body as unknown as SentMessage);
      default:
        return [404, { ok: false, error_code: 404, description: "Not Found: method not found" }];
    }
  }

  private async sendMessage(message: SentMessage): Promise<[number, unknown]> {
    const delay = this.slowChats.get(message.chat_id);
    if (delay !== undefined) await this.sleep(delay, this.sleepers);
    const failures = this.failingChats.get(message.chat_id) ?? 0;
    if (failures > 0) {
      this.failingChats.set(message.chat_id, failures - 1);
      return [500, { ok: false, error_code: 500, description: "Internal Server Error" }];
    }
    const problem = message.parse_mode === "HTML" ? telegramHtmlProblem(message.text) : message.text.trim() === "" ? "message text is empty" : null;
    if (problem !== null) {
      this.refusedHtml.push({ text: message.text, problem });
      return [400, { ok: false, error_code: 400, description: `Bad Request: can't parse entities: ${problem}` }];
    }
    const sent = { ...message, message_id: this.nextMessageId++ };
    this.sent.push(sent);
    const chat = this.chats.get(message.chat_id) ?? { id: message.chat_id, type: "private" };
    return [200, { ok: true, result: { message_id: sent.message_id, date: 0, chat, from: BOT_USER, text: message.text } }];
  }

  /** Waits `ms`, or less when woken through `wakers`. */
  private sleep(ms: number, wakers: (() => void)[]): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      wakers.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  private async pendingUpdates(offset: number, timeoutSeconds: number): Promise<Update[]> {
    // Confirmed updates (below the offset) are gone for good, as on Telegram.
    while (this.updates.length > 0 && this.updates[0]!.update_id < offset) this.updates.shift();
    if (this.updates.length === 0 && timeoutSeconds > 0 && !this.closing) await this.sleep(Math.min(timeoutSeconds, 1) * 1000, this.pollers);
    return this.updates.slice(0, 100);
  }

  /** Queues an update as if a user did something; returns its update_id. */
  push(update: Record<string, unknown>): number {
    const update_id = this.nextUpdateId++;
    this.updates.push({ update_id, ...update });
    const pollers = this.pollers;
    this.pollers = [];
    for (const wake of pollers) wake();
    return update_id;
  }

  /** A user's message in their private chat (chat id = user id), or in `chat` when given; `userId` null sends it without `from`. */
  message(userId: number | null, fields: Record<string, unknown>, chat: Chat = { id: userId ?? 0, type: "private" }): number {
    this.chats.set(chat.id, chat);
    const from = userId === null ? {} : { from: { id: userId, is_bot: false, first_name: `用户${userId}` } };
    const message_id = this.nextMessageId++;
    this.push({ message: { message_id, date: Math.floor(Date.now() / 1000), chat, ...from, ...fields } });
    return message_id;
  }

  /** A text message, returning its message_id; a leading /command gets its bot_command entity. */
  say(userId: number | null, text: string, chat?: Chat, replyTo?: SentMessage): number {
    const command = /^\/\S+/.exec(text);
    const entities = command ? [{ type: "bot_command", offset: 0, length: command[0].length }] : undefined;
    const reply = replyTo ? { reply_to_message: { message_id: replyTo.message_id, date: 0, chat: chat ?? { id: userId, type: "private" }, from: BOT_USER, text: replyTo.text } } : {};
    return this.message(userId, { text, ...(entities ? { entities } : {}), ...reply }, chat);
  }

  /** A press of an inline button under the bot's message `under` (or, without it, on an inline-mode message: no chat). */
  press(userId: number, data: string, under?: SentMessage): string {
    const from = { id: userId, is_bot: false, first_name: `用户${userId}` };
    const id = `cb${this.nextUpdateId}`;
    const message = under && { message_id: under.message_id, date: 0, chat: this.chats.get(under.chat_id) ?? { id: under.chat_id, type: "private" }, from: BOT_USER, text: under.text };
    this.push({ callback_query: { id, from, chat_instance: "1", data, ...(message ? { message } : { inline_message_id: "inline-1" }) } });
    return id;
  }

  /** Messages the bot sent to a chat, in order. */
  sentTo(chatId: number): SentMessage[] {
    return this.sent.filter((m) => m.chat_id === chatId);
  }

  /** Waits until `ready()` holds (or fails after `timeoutMs`, saying `what`). */
  async until<T>(ready: () => T | undefined | false, what: string, timeoutMs = 15_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = ready();
      if (value !== undefined && value !== false) return value;
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Waits until the bot has sent `count` messages to a chat. */
  async waitForSent(chatId: number, count: number, timeoutMs = 15_000): Promise<SentMessage[]> {
    return this.until(() => this.sentTo(chatId).length >= count && this.sentTo(chatId), `${count} messages to chat ${chatId} (got ${this.sentTo(chatId).length})`, timeoutMs);
  }

  /** Waits for the bot's answer to callback query `id`. */
  async waitForCallbackAnswer(id: string): Promise<CallbackAnswer> {
    return this.until(() => this.callbackAnswers.find((a) => a.callback_query_id === id), `an answer to callback query ${id}`);
  }
}

/** What a person sees of a message sent with parse_mode HTML: tags removed, entities decoded. */
export function visibleText(html: string): string {
  return html.replace(/<[^>]+>/g, "").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&amp;/g, "&");
}
