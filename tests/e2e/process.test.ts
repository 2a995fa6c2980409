/**
 * `npm start` as an operator runs it: a real process, its output and exit
 * code, when Telegram answers, refuses the bot, or cannot be reached at all.
 */
import { execFile, spawn } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeTelegram } from "../helpers/fake-telegram.js";
import { botEnv, freePort, indexedWorkspace, TOKEN, type Workspace } from "../helpers/bot-harness.js";

let ws: Workspace;

beforeAll(async () => {
  ws = await indexedWorkspace();
});

afterAll(async () => {
  await ws?.cleanup();
});

/** Starts `npm start`'s script; `output()` is stdout and stderr so far. */
function start(apiRoot: string, extra: Record<string, string> = {}) {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], { env: { ...process.env, ...botEnv(ws, apiRoot, extra) } });
  let output = "";
  child.stdout.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr.on("data", (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
  const until = async (pattern: RegExp) => {
    const deadline = Date.now() + 30_000;
    while (!pattern.test(output)) {
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${pattern} in:\n${output}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  return { child, exited, until, output: () => output };
}

describe("the bot process", () => {
  it("stops cleanly on SIGTERM with exit code 0", async () => {
    const api = await FakeTelegram.start();
    const bot = start(api.apiRoot);
    await bot.until(/is answering/);
    bot.child.kill("SIGTERM");
    expect(await bot.exited).toBe(0);
    expect(bot.output()).toContain("SIGTERM: stopping");
    await api.close();
  });

  it("reports an unreachable API root at once with its host and what to check, retries with a growing wait, and still stops on SIGTERM", async () => {
    const port = await freePort();
    const bot = start(`http://127.0.0.1:${port}`, { TELEGRAM_RETRY_DELAY_MS: "200" });
    await bot.until(/Retrying in 0\.4 s/);
    const lines = bot.output().split("\n").filter((l) => l.startsWith("Cannot reach"));
    expect(lines[0]).toMatch(new RegExp(`^Cannot reach the Telegram Bot API at 127\\.0\\.0\\.1:${port} \\(getMe: ECONNREFUSED\\)\\. Check the network connection and TELEGRAM_API_ROOT.*Retrying in 0\\.2 s\\.$`));
    expect(bot.output()).not.toContain(TOKEN);
    bot.child.kill("SIGTERM");
    expect(await bot.exited).toBe(0);
  });
});

describe("Telegram refusing the bot", () => {
  it.each([
    ["getMe", 401, /401 Unauthorized.*@BotFather/],
    ["getUpdates", 409, /409 Conflict.*Stop the other instance/],
  ])("%s answering %i ends `npm start` with a clear last line and exit code 1", async (method, code, message) => {
    const refusing = await FakeTelegram.start();
    refusing.failWith.set(method, code);
    const error = await promisify(execFile)(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
      env: { ...process.env, ...botEnv(ws, refusing.apiRoot) },
    }).catch((e: { code: number; stderr: string }) => e);
    await refusing.close();
    expect((error as { code: number }).code).toBe(1);
    const stderr = (error as { stderr: string }).stderr.split("\n").filter((l) => l.trim());
    // The refusal is the last word, on one line, with no stack trace and no token.
    expect(stderr.at(-1)).toMatch(message);
    expect(stderr.filter((l) => /^\s+at /.test(l))).toEqual([]);
    expect(stderr.join("\n")).not.toContain(TOKEN);
  });
});
