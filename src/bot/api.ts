/**
 * How the bot reaches the Bot API: through a proxy when one is set, with a
 * timeout on every request, bounded retries for sends, and a visible,
 * abortable wait while Telegram cannot be reached at all.
 */
import type { Agent } from "node:http";
import { GrammyError, HttpError, type ApiClientOptions, type Transformer } from "grammy";
import { HttpsProxyAgent } from "https-proxy-agent";
import { SocksProxyAgent } from "socks-proxy-agent";

export type Logger = Pick<Console, "info" | "warn" | "error">;

/** Long polling: how long Telegram holds a getUpdates request open when there is nothing new. */
export const POLL_SECONDS = 25;
/** Longest wait between two attempts to reach Telegram during an outage: a minute keeps recovery prompt without hammering. */
const MAX_OUTAGE_DELAY_MS = 60_000;
/** Calls without which the bot cannot run at all; these wait out an outage instead of failing. */
const CONNECTION_METHODS = new Set(["getMe", "getUpdates", "deleteWebhook", "setWebhook"]);

/** An agent that tunnels through `proxy` (http(s):// by CONNECT, socks4/5:// by SOCKS). */
export function proxyAgent(proxy: string): Agent {
  return /^socks/i.test(proxy) ? new SocksProxyAgent(proxy) : new HttpsProxyAgent(proxy);
}

export interface ClientSettings {
  apiRoot?: string;
  proxy?: string;
  /** Per-request timeout for everything but long polling. */
  timeoutSeconds: number;
}

/** grammY client options: the API root, the proxy agent and a safety-net timeout above the long-polling wait. */
export function clientOptions(settings: ClientSettings): ApiClientOptions {
  return {
    ...(settings.apiRoot ? { apiRoot: settings.apiRoot } : {}),
    // The per-method timeout is set by `timeoutRequests`; this one only has to let a long poll finish.
    timeoutSeconds: POLL_SECONDS + settings.timeoutSeconds,
    ...(settings.proxy ? { baseFetchConfig: { agent: proxyAgent(settings.proxy), compress: true } } : {}),
  };
}

/** The API root's host for messages, e.g. "api.telegram.org". */
export function apiHost(apiRoot: string | undefined): string {
  return new URL(apiRoot ?? "https://api.telegram.org").host;
}

/** The cause of an HttpError thrown by `timeoutRequests`. */
class TimedOut extends Error {}

/** Request URLs hold the token; logs show `/bot<token>/` instead. */
const withoutToken = (text: string) => text.replace(/\/bot[^/\s]+/g, "/bot<token>");

/** Why a request failed, without the URL (it holds the token). */
function reason(error: unknown, timedOut: boolean): string {
  if (timedOut) return "no response in time";
  const cause = error instanceof HttpError ? error.error : error;
  const code = (cause as { code?: unknown } | null)?.code;
  if (typeof code === "string") return code;
  return withoutToken(cause instanceof Error ? cause.message : String(cause));
}

/** A log line for a failed call or update: what failed and why, never the token. */
export function describeFailure(error: unknown): string {
  if (error instanceof HttpError) return `${error.message} (${reason(error, error.error instanceof TimedOut)})`;
  if (error instanceof GrammyError) return error.message;
  return error instanceof Error ? withoutToken(error.stack ?? error.message) : String(error);
}

/** grammY types its signals with the abort-controller shim; at run time they are Node's own. */
type ShimSignal = Parameters<Transformer>[3];
export const asShimSignal = (signal: AbortSignal) => signal as unknown as NonNullable<ShimSignal>;
const native = (signal: ShimSignal) => signal as unknown as AbortSignal | undefined;

function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new Error("Stopped while waiting to retry"));
    const onAbort = () => {
      clearTimeout(timer);
      reject(new Error("Stopped while waiting to retry"));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/** Every call but long polling is abandoned after `seconds`, so a hung request cannot hold a chat for minutes. */
export function timeoutRequests(seconds: number): Transformer {
  return async (prev, method, payload, shimSignal) => {
    if (method === "getUpdates") return prev(method, payload, shimSignal);
    const signal = native(shimSignal);
    const timeout = AbortSignal.timeout(seconds * 1000);
    try {
      return await prev(method, payload, asShimSignal(signal ? AbortSignal.any([signal, timeout]) : timeout));
    } catch (error) {
      if (timeout.aborted && !signal?.aborted) throw new HttpError(`Request to '${method}' timed out after ${seconds} s`, new TimedOut());
      throw error;
    }
  };
}

export interface RetryOptions {
  retries: number;
  /** First wait; doubled on each retry. */
  delayMs: number;
  log: Logger;
}

/**
 * Retries a send (any call but the connection ones) that failed on the network
 * or with a Telegram 5xx, `retries` times; then the failure goes to the
 * caller, so one chat's lost reply is logged and never blocks another chat.
 */
export function retrySends({ retries, delayMs, log }: RetryOptions): Transformer {
  return async (prev, method, payload, signal) => {
    if (CONNECTION_METHODS.has(method)) return prev(method, payload, signal);
    const chat = "chat_id" in payload ? ` to chat ${String(payload.chat_id)}` : "";
    for (let attempt = 0, wait = delayMs; ; attempt++, wait *= 2) {
      let failure: string;
      try {
        const result = await prev(method, payload, signal);
        if (result.ok || result.error_code < 500 || attempt >= retries) return result;
        failure = `Telegram answered ${result.error_code}`;
      } catch (error) {
        if (!(error instanceof HttpError) || attempt >= retries || signal?.aborted) throw error;
        failure = reason(error, error.error instanceof TimedOut);
      }
      log.warn(`${method}${chat} failed (${failure}); retry ${attempt + 1} of ${retries} in ${wait} ms.`);
      await pause(wait, native(signal));
    }
  };
}

export interface OutageOptions {
  apiRoot: string | undefined;
  proxy: string | undefined;
  /** First wait; doubled after each failed attempt up to a minute. */
  delayMs: number;
  log: Logger;
}

/**
 * While Telegram cannot be reached, connection calls (getMe, getUpdates,
 * webhook setup) say so on every attempt, naming the host and what to check,
 * and try again with a growing wait. The wait ends at once when the call's
 * signal aborts (the bot is stopping).
 */
export function waitOutOutages({ apiRoot, proxy, delayMs, log }: OutageOptions): Transformer {
  const host = apiHost(apiRoot);
  const check = proxy
    ? `the network connection and the proxy ${new URL(proxy).host} (TELEGRAM_PROXY / HTTPS_PROXY)`
    : `the network connection and TELEGRAM_API_ROOT, or set TELEGRAM_PROXY if Telegram is only reachable through a proxy`;
  return async (prev, method, payload, signal) => {
    if (!CONNECTION_METHODS.has(method)) return prev(method, payload, signal);
    let down = false;
    for (let wait = delayMs; ; wait = Math.min(wait * 2, MAX_OUTAGE_DELAY_MS)) {
      let failure: string;
      try {
        const result = await prev(method, payload, signal);
        if (result.ok || result.error_code < 500) {
          if (down) log.info(`Reached the Telegram Bot API at ${host} again.`);
          return result;
        }
        failure = `it answered ${result.error_code}`;
      } catch (error) {
        if (!(error instanceof HttpError) || signal?.aborted) throw error;
        failure = reason(error, error.error instanceof TimedOut);
      }
      down = true;
      log.error(`Cannot reach the Telegram Bot API at ${host} (${method}: ${failure}). Check ${check}. Retrying in ${Math.round(wait / 100) / 10} s.`);
      await pause(wait, native(signal));
    }
  };
}
