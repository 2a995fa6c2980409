/**
 * A small Bot API server on 127.0.0.1 for end-to-end tests: it serves the
 * methods the bot calls (getMe, getUpdates with long polling, sendMessage,
 * answerCallbackQuery, setWebhook, deleteWebhook), records what the bot sent, and lets a
 * test play users. Like telegram-test-api it does not implement
 * sendChatAction or setMyCommands, so the bot must cope with those failing.
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface SentMessage {
  chat_id: number;
  text: string;
  parse_mode?: string;
  reply_markup?: { inline_keyboard?: { text: string; callback_data: string }[][] };
}

type Update = Record<string, unknown> & { update_id: number };

export const BOT_USER = { id: 4242, is_bot: true, first_name: "党建问答", username: "dangjian_qa_bot" };

export class FakeTelegram {
  readonly sent: SentMessage[] = [];
  /** Methods the bot called, in order. */
  readonly calls: string[] = [];
  /** Answer every call to these methods with this error code (e.g. getUpdates: 409). */
  readonly failWith = new Map<string, number>();
  private readonly updates: Update[] = [];
  private nextUpdateId = 1;
  private nextMessageId = 1;
  private waiters: (() => void)[] = [];

  private constructor(
    private readonly server: Server,
    readonly apiRoot: string,
  ) {}

  static async start(): Promise<FakeTelegram> {
    let fake!: FakeTelegram;
    const server = createServer((req, res) => {
      void fake.handle(req).then(([status, body]) => {
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
    for (const wake of this.waiters) wake();
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
      case "answerCallbackQuery":
        return [200, { ok: true, result: true }];
      case "getUpdates":
        return [200, { ok: true, result: await this.pendingUpdates(Number(body.offset ?? 0), Number(body.timeout ?? 0)) }];
      case "sendMessage": {
        const message = body as unknown as SentMessage;
        this.sent.push(message);
        const result = { message_id: this.nextMessageId++, date: 0, chat: { id: message.chat_id, type: "private" }, from: BOT_USER, text: message.text };
        return [200, { ok: true, result }];
      }
      default:
        return [404, { ok: false, error_code: 404, description: "Not Found: method not found" }];
    }
  }

  private async pendingUpdates(offset: number, timeoutSeconds: number): Promise<Update[]> {
    // Confirmed updates (below the offset) are gone for good, as on Telegram.
    while (this.updates.length > 0 && this.updates[0]!.update_id < offset) this.updates.shift();
    if (this.updates.length === 0 && timeoutSeconds > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(timeoutSeconds, 1) * 1000);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.updates.slice(0, 100);
  }

  /** Queues an update as if a user did something; returns its update_id. */
  push(update: Record<string, unknown>): number {
    const update_id = this.nextUpdateId++;
    this.updates.push({ update_id, ...update });
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
    return update_id;
  }

  /** A user's message in their private chat (chat id = user id), or in `chat` when given. */
  message(userId: number, fields: Record<string, unknown>, chat: { id: number; type: string } = { id: userId, type: "private" }): number {
    const from = { id: userId, is_bot: false, first_name: `用户${userId}` };
    return this.push({ message: { message_id: this.nextMessageId++, date: Math.floor(Date.now() / 1000), chat, from, ...fields } });
  }

  /** A text message; a leading /command gets its bot_command entity. */
  say(userId: number, text: string, chat?: { id: number; type: string }): number {
    const command = /^\/\S+/.exec(text);
    const entities = command ? [{ type: "bot_command", offset: 0, length: command[0].length }] : undefined;
    return this.message(userId, { text, ...(entities ? { entities } : {}) }, chat);
  }

  /** A press of an inline button under message `messageId` of the bot. */
  press(userId: number, data: string): number {
    const from = { id: userId, is_bot: false, first_name: `用户${userId}` };
    const message = { message_id: 1, date: 0, chat: { id: userId, type: "private" }, from: BOT_USER, text: "…" };
    return this.push({ callback_query: { id: String(this.nextUpdateId), from, chat_instance: "1", message, data } });
  }

  /** Messages the bot sent to a chat, in order. */
  sentTo(chatId: number): SentMessage[] {
    return this.sent.filter((m) => m.chat_id === chatId);
  }

  /** Waits until the bot has sent `count` messages to a chat (or fails after `timeoutMs`). */
  async waitForSent(chatId: number, count: number, timeoutMs = 15_000): Promise<SentMessage[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.sentTo(chatId).length < count) {
      if (Date.now() > deadline) throw new Error(`Chat ${chatId} got ${this.sentTo(chatId).length} of ${count} expected messages`);
      await new Promise((r) => setTimeout(r, 20));
    }
    return this.sentTo(chatId);
  }
}
