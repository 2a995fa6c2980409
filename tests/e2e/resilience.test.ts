/**
 * The bot against a Bot API that misbehaves, and in the modes and networks
 * real deployments use: slow and failing chats, a chat allow-list, webhooks,
 * and a proxy. Real bot, real HTTP, emulator on 127.0.0.1.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEXT } from "../../src/bot/render.js";
import { freePort, indexedWorkspace, startBot, TOKEN, type Workspace } from "../helpers/bot-harness.js";
import { connectProxy, socksProxy } from "../helpers/proxies.js";
import { visibleText } from "../helpers/fake-telegram.js";

let ws: Workspace;

beforeAll(async () => {
  ws = await indexedWorkspace();
});

afterAll(async () => {
  await ws?.cleanup();
});

const QUESTION = "江北新区有几家医疗机构开设了发热门诊？";
const ANSWER = "5家医疗机构开设了发热门诊";

describe("one chat's trouble never holds up another chat", () => {
  it("answers a second chat while the first chat's reply hangs for 8 s, and logs the lost reply with the chat id", async () => {
    const bot = await startBot(ws, { env: { TELEGRAM_TIMEOUT_SECONDS: "1", TELEGRAM_RETRIES: "1" } });
    bot.telegram.slowChats.set(801, 8000);
    bot.telegram.say(801, QUESTION);
    await bot.telegram.until(() => bot.telegram.calls.includes("sendMessage"), "the slow chat's reply to be sent");
    bot.telegram.say(802, QUESTION);
    const [other] = await bot.telegram.waitForSent(802, 1, 3000);
    expect(visibleText(other!.text)).toContain(ANSWER);
    // The hung request is abandoned after the timeout, retried once, then logged.
    const lost = await bot.telegram.until(() => bot.log.lines.find((l) => l.includes("chat 801") && l.includes("failed:")), "the lost reply to be logged");
    expect(bot.log.lines.some((l) => /sendMessage to chat 801 failed \(no response in time\); retry 1 of 1/.test(l))).toBe(true);
    expect(lost).not.toContain(TOKEN);
    expect(bot.telegram.sentTo(801)).toEqual([]);
    await bot.stop();
  });

  it("answers a second chat while every reply to the first fails with 500, retrying a bounded number of times", async () => {
    const bot = await startBot(ws, { env: { TELEGRAM_RETRIES: "2" } });
    bot.telegram.failingChats.set(803, 1000);
    bot.telegram.say(803, QUESTION);
    bot.telegram.say(804, QUESTION);
    const [other] = await bot.telegram.waitForSent(804, 1, 3000);
    expect(visibleText(other!.text)).toContain(ANSWER);
    const lost = await bot.telegram.until(() => bot.log.lines.find((l) => l.includes("chat 803") && l.includes("failed:")), "the failed reply to be logged");
    expect(lost).toMatch(/500/);
    expect(lost).not.toContain(TOKEN);
    // One attempt and two retries, then it gave up.
    expect(1000 - bot.telegram.failingChats.get(803)!).toBe(3);
    await bot.stop();
  });
});

describe("stopping", () => {
  it("lets an answer being sent finish before the bot's store closes", async () => {
    const bot = await startBot(ws);
    bot.telegram.slowChats.set(805, 400);
    bot.telegram.say(805, QUESTION);
    await bot.telegram.until(() => bot.telegram.calls.includes("sendMessage"), "the reply to be on its way");
    await bot.running.stop();
    expect(bot.telegram.sentTo(805)).toHaveLength(1);
    expect(bot.log.lines.filter((l) => l.includes("failed"))).toEqual([]);
    await bot.stop();
  });
});

describe("an allow-list of chats", () => {
  it("answers listed chats, and tells a flooding outsider once per window; its button presses are answered", async () => {
    const bot = await startBot(ws, { env: { ALLOWED_CHAT_IDS: "701" } });
    for (let i = 0; i < 20; i++) bot.telegram.say(702, QUESTION);
    bot.telegram.say(701, QUESTION);
    const [allowed] = await bot.telegram.waitForSent(701, 1);
    expect(visibleText(allowed!.text)).toContain(ANSWER);
    const press = bot.telegram.press(702, "s:1:1", { chat_id: 702, message_id: 1, text: "…" });
    expect((await bot.telegram.waitForCallbackAnswer(press)).text).toBe(TEXT.notAllowed);
    expect(bot.telegram.sentTo(702).map((m) => m.text)).toEqual([TEXT.notAllowed]);
    await bot.stop();
  });
});

describe("webhook mode", () => {
  it("checks the secret, refuses a malformed body with 400, gives Telegram a prompt 200 during a slow answer, and answers a re-sent update once", async () => {
    const port = await freePort();
    const bot = await startBot(ws, {
      env: { BOT_MODE: "webhook", WEBHOOK_URL: "https://bot.example/hook", WEBHOOK_SECRET: "s3cret", WEBHOOK_PORT: String(port), WEBHOOK_REPLY_TIMEOUT_MS: "100" },
    });
    expect(bot.telegram.calls).toContain("setWebhook");
    const update = { update_id: 77, message: { message_id: 1, date: 0, chat: { id: 601, type: "private" }, from: { id: 601, is_bot: false, first_name: "甲" }, text: QUESTION } };
    const post = (secret: string, body: string) =>
      fetch(`http://127.0.0.1:${port}/`, { method: "POST", headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": secret }, body });
    expect((await post("wrong", JSON.stringify(update))).status).toBe(401);
    expect((await post("s3cret", "{not json")).status).toBe(400);
    expect((await post("s3cret", "")).status).toBe(400);
    expect((await post("s3cret", '{"message": {}}')).status).toBe(400);
    bot.telegram.slowChats.set(601, 1500);
    expect((await post("s3cret", JSON.stringify(update))).status).toBe(200);
    // Telegram had its 200 while the answer was still on its way.
    expect(bot.telegram.sentTo(601)).toEqual([]);
    expect((await post("s3cret", JSON.stringify(update))).status).toBe(200);
    await bot.telegram.waitForSent(601, 1);
    await new Promise((r) => setTimeout(r, 300));
    expect(bot.telegram.sentTo(601)).toHaveLength(1);
    expect(visibleText(bot.telegram.sentTo(601)[0]!.text)).toContain(ANSWER);
    await bot.stop();
    await bot.running.done;
  });
});

describe("a proxy", () => {
  it.each([
    ["an HTTP proxy (CONNECT)", connectProxy],
    ["a SOCKS5 proxy", socksProxy],
  ])("carries every Bot API request when TELEGRAM_PROXY names %s", async (_kind, startProxy) => {
    const proxy = await startProxy();
    const bot = await startBot(ws, { env: { TELEGRAM_PROXY: proxy.url } });
    bot.telegram.say(901, QUESTION);
    const [reply] = await bot.telegram.waitForSent(901, 1);
    expect(visibleText(reply!.text)).toContain(ANSWER);
    const apiHost = new URL(bot.telegram.apiRoot).host;
    expect(proxy.tunnels.length).toBeGreaterThan(0);
    expect(new Set(proxy.tunnels)).toEqual(new Set([apiHost]));
    await bot.stop();
    await proxy.close();
  });
});
