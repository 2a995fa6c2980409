/**
 * Webhook mode: an HTTP server that checks Telegram's secret token, refuses a
 * malformed body with 400, and gives Telegram its 200 promptly even while a
 * slow answer is still being sent (so Telegram does not re-send the update).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { webhookCallback, type Bot } from "grammy";
import type { Update } from "grammy/types";
import type { Logger } from "./api.js";

/** The request body is not an update. */
class BadUpdateError extends Error {}

async function readUpdate(req: IncomingMessage): Promise<Update> {
  let raw = "";
  for await (const chunk of req) raw += chunk;
  let update: unknown;
  try {
    update = JSON.parse(raw);
  } catch {
    throw new BadUpdateError(raw.trim() === "" ? "empty body" : "body is not JSON");
  }
  if (typeof (update as { update_id?: unknown } | null)?.update_id !== "number") throw new BadUpdateError("body has no update_id");
  return update as Update;
}

/** grammY's adapter for node:http, with the body checked before it reaches the bot. */
function checkedHttpAdapter(req: IncomingMessage, res: ServerResponse) {
  const secret = req.headers["x-telegram-bot-api-secret-token"];
  return {
    // A getter: the body is read only after the secret token was checked.
    get update() {
      return readUpdate(req);
    },
    header: Array.isArray(secret) ? secret[0] : secret,
    end: () => res.end(),
    respond: (json: string) => res.writeHead(200, { "content-type": "application/json" }).end(json),
    unauthorized: () => res.writeHead(401).end("Wrong secret token"),
  };
}

export interface WebhookServerOptions {
  secretToken: string | undefined;
  /** Telegram gets its 200 after this long; the answer keeps being sent. */
  replyTimeoutMs: number;
  log: Logger;
}

/** A server (not yet listening) that feeds `bot` the updates Telegram posts. */
export function webhookServer(bot: Bot, { secretToken, replyTimeoutMs, log }: WebhookServerOptions): Server {
  const handle = webhookCallback(bot, checkedHttpAdapter, { secretToken, onTimeout: "return", timeoutMilliseconds: replyTimeoutMs });
  return createServer((req, res) => {
    (handle(req, res) as Promise<void>).catch((error: unknown) => {
      if (error instanceof BadUpdateError) {
        if (!res.headersSent) res.writeHead(400).end(`Bad update: ${error.message}`);
        return;
      }
      log.error(`Webhook request failed: ${(error as Error).message}`);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
}
