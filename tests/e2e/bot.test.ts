/**
 * The real bot, run unmodified against a Bot API server on 127.0.0.1
 * through TELEGRAM_API_ROOT, answering from a real index.
 */
import { execFile, spawn } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runBot, type RunningBot } from "../../src/bot/main.js";
import { TEXT } from "../../src/bot/bot.js";
import { loadBotConfig } from "../../src/config.js";
import { HashedEmbedder } from "../../src/embed/hashed.js";
import { buildIndex } from "../../src/index/build.js";
import { BOT_USER, FakeTelegram } from "../helpers/fake-telegram.js";
import { tempWorkspace } from "../helpers/corpus.js";

const TOKEN = "123456789:AAH-test-token-for-the-fake-server_x";
const quiet = { info: () => {}, warn: () => {}, error: () => {} };
const stripTags = (html: string) => html.replace(/<[^>]+>/g, "").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

let ws: Awaited<ReturnType<typeof tempWorkspace>>;
let telegram: FakeTelegram;
let running: RunningBot;
let env: Record<string, string>;
const transcript: string[] = [];

/** Sends a message as user `user` and returns the bot's new replies once `count` arrived. */
async function ask(user: number, text: string, count = 1) {
  const before = telegram.sentTo(user).length;
  telegram.say(user, text);
  const replies = (await telegram.waitForSent(user, before + count)).slice(before);
  transcript.push(`**用户：** ${text}`, "", ...replies.map((r) => `**机器人：**\n\n${stripTags(r.text).replace(/\n/g, "  \n")}`), "");
  return replies;
}

beforeAll(async () => {
  ws = await tempWorkspace();
  await buildIndex({ corpusDir: ws.corpusDir, indexDir: ws.indexDir, embedder: new HashedEmbedder() });
  telegram = await FakeTelegram.start();
  env = {
    BOT_TOKEN: TOKEN,
    TELEGRAM_API_ROOT: telegram.apiRoot,
    CORPUS_DIR: ws.corpusDir,
    INDEX_DIR: ws.indexDir,
    EMBEDDER: "hashed",
    RATE_LIMIT: "10",
    MAX_QUESTION_CHARS: "500",
  };
  running = await runBot(loadBotConfig(env), { log: quiet, reloadIntervalMs: 100 });
});

afterAll(async () => {
  await running?.stop();
  await telegram?.close();
  await ws?.cleanup();
});

describe("a person asking in a private chat", () => {
  it("gets the answer quoted from the right report, with citation markers, sources and buttons", async () => {
    const [reply] = await ask(101, "南岸区创建了哪些清廉品牌？");
    expect(reply!.parse_mode).toBe("HTML");
    expect(reply!.text).toContain("清廉仁济");
    expect(reply!.text).toMatch(/\[1\]/);
    expect(reply!.text).toContain("四个抓手做实党建统领");
    expect(reply!.reply_markup?.inline_keyboard?.[0]?.[0]).toEqual({ text: "来源 1", callback_data: "src:1" });
  });

  it("sees the cited passages with /source, and one in its paragraph with /source 1", async () => {
    const [all] = await ask(101, "/source");
    expect(all!.text).toMatch(/\[1\] .*南岸区卫生健康委，2024-05-29/);
    expect(all!.text).toContain("<b>创建“清廉仁济”");
    const [one] = await ask(101, "/source 1");
    expect(one!.text).toContain("<u>");
    expect(one!.text).not.toMatch(/\[2\]/);
    const [bad] = await ask(101, "/source 9");
    expect(bad!.text).toMatch(/^没有这条来源。上一个回答的来源编号是 1 到 \d，例如 \/source 1。$/);
  });

  it("opens a source from the button under an answer", async () => {
    const before = telegram.sentTo(101).length;
    telegram.press(101, "src:1");
    const [reply] = (await telegram.waitForSent(101, before + 1)).slice(before);
    expect(reply!.text).toContain("清廉仁济");
  });

  it("is told what /source is for before asking anything", async () => {
    const [reply] = await ask(102, "/source");
    expect(reply!.text).toBe(TEXT.noAnswerYet);
  });

  it("gets 'not found' for a question the reports do not cover", async () => {
    const [reply] = await ask(103, "明天上海的天气怎么样？");
    expect(reply!.text).toContain("没有找到");
    expect(reply!.reply_markup).toBeUndefined();
  });

  it("gets help listing the reports, and the list with /docs", async () => {
    const [help] = await ask(104, "/start");
    expect(help!.text).toContain("江海:党建引领激发“红色动能”");
    const [docs] = await ask(104, "/docs");
    expect(docs!.text).toContain("已收录 5 篇报告");
  });
});

describe("odd input", () => {
  it("answers a sticker, an empty message and a 10,000-character message without crashing", async () => {
    const before = telegram.sentTo(201).length;
    telegram.message(201, { sticker: { file_id: "x", file_unique_id: "y", type: "regular", width: 1, height: 1, is_animated: false, is_video: false } });
    await telegram.waitForSent(201, before + 1);
    telegram.say(201, "   ");
    await telegram.waitForSent(201, before + 2);
    telegram.say(201, "问".repeat(10_000));
    const replies = (await telegram.waitForSent(201, before + 3)).slice(before);
    expect(replies.map((r) => r.text)).toEqual([TEXT.textOnly, TEXT.empty, TEXT.tooLong(500, 10_000)]);
  });

  it("rate-limits a burst of 30 from one user and still answers another user", async () => {
    for (let i = 0; i < 30; i++) telegram.say(301, "义马市护士节表彰了多少名优秀护理工作者？");
    telegram.say(302, "江北新区有几家医疗机构开设了发热门诊？");
    const [other] = await telegram.waitForSent(302, 1);
    expect(other!.text).toContain("5家医疗机构开设了发热门诊");
    const burst = await telegram.waitForSent(301, 11);
    await new Promise((r) => setTimeout(r, 300));
    // Ten answers, then one polite notice; the rest are dropped quietly.
    expect(telegram.sentTo(301)).toHaveLength(11);
    expect(burst.slice(0, 10).every((m) => m.text.includes("23名优秀护理工作者"))).toBe(true);
    expect(burst[10]!.text).toMatch(/提问太频繁了，请 \d+ 秒后再试/);
  });

  it("kept answering although sendChatAction and setMyCommands always failed", () => {
    expect(telegram.calls).toContain("sendChatAction");
    expect(telegram.calls).toContain("setMyCommands");
  });
});

describe("groups", () => {
  const group = { id: -500, type: "supergroup" };

  it("answers only when mentioned or replied to", async () => {
    telegram.say(401, "南岸区创建了哪些清廉品牌？", group);
    telegram.say(401, `@${BOT_USER.username} 江北新区有几家医疗机构开设了发热门诊？`, group);
    const [reply] = await telegram.waitForSent(group.id, 1);
    expect(reply!.text).toContain("5家医疗机构开设了发热门诊");
    await new Promise((r) => setTimeout(r, 300));
    expect(telegram.sentTo(group.id)).toHaveLength(1);
  });
});

describe("a rebuilt index", () => {
  it("is picked up without a restart, and /source still shows what was quoted before", async () => {
    await ask(501, "江海区今年落实发展了多少名新党员？");
    await rm(path.join(ws.corpusDir, "003_689daa4cc1bfa8ce.txt"));
    await buildIndex({ corpusDir: ws.corpusDir, indexDir: ws.indexDir, embedder: new HashedEmbedder() });
    const deadline = Date.now() + 10_000;
    while (running.answerer().documents().length !== 4 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const [docs] = await ask(501, "/docs");
    expect(docs!.text).toContain("已收录 4 篇报告");
    const [source] = await ask(501, "/source");
    expect(source!.text).toContain("新发展党员5名");
  });
});

describe("an allow-list of chats", () => {
  it("answers listed chats and tells others in private that the bot is not open to them", async () => {
    const api = await FakeTelegram.start();
    const bot = await runBot(loadBotConfig({ ...env, TELEGRAM_API_ROOT: api.apiRoot, ALLOWED_CHAT_IDS: "701" }), { log: quiet });
    api.say(702, "南岸区创建了哪些清廉品牌？");
    api.say(701, "南岸区创建了哪些清廉品牌？");
    const [allowed] = await api.waitForSent(701, 1);
    const [refused] = await api.waitForSent(702, 1);
    expect(allowed!.text).toContain("清廉仁济");
    expect(refused!.text).toBe(TEXT.notAllowed);
    await bot.stop();
    await api.close();
  });
});

describe("webhook mode", () => {
  it("checks the secret token on every request and answers a re-sent update once", async () => {
    const hooked = await FakeTelegram.start();
    const port = await freePort();
    const bot = await runBot(
      loadBotConfig({ ...env, TELEGRAM_API_ROOT: hooked.apiRoot, BOT_MODE: "webhook", WEBHOOK_URL: "https://bot.example/hook", WEBHOOK_SECRET: "s3cret", WEBHOOK_PORT: String(port) }),
      { log: quiet },
    );
    expect(hooked.calls).toContain("setWebhook");
    const update = { update_id: 77, message: { message_id: 1, date: 0, chat: { id: 601, type: "private" }, from: { id: 601, is_bot: false, first_name: "甲" }, text: "南岸区创建了哪些清廉品牌？" } };
    const post = (secret: string) =>
      fetch(`http://127.0.0.1:${port}/`, { method: "POST", headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": secret }, body: JSON.stringify(update) });
    expect((await post("wrong")).status).toBe(401);
    expect((await post("s3cret")).status).toBe(200);
    expect((await post("s3cret")).status).toBe(200);
    await new Promise((r) => setTimeout(r, 300));
    expect(hooked.sentTo(601)).toHaveLength(1);
    expect(hooked.sentTo(601)[0]!.text).toContain("清廉仁济");
    await bot.stop();
    await bot.done;
    await hooked.close();
  });
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("the bot process", () => {
  it("stops cleanly on SIGTERM with exit code 0", async () => {
    const api = await FakeTelegram.start();
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], { env: { ...process.env, ...env, TELEGRAM_API_ROOT: api.apiRoot } });
    let stdout = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
    const deadline = Date.now() + 20_000;
    while (!stdout.includes("is answering") && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(stdout).toContain("SIGTERM: stopping");
    await api.close();
  });
});

describe("Telegram refusing the bot", () => {
  it.each([
    ["getMe", 401, /401 Unauthorized.*@BotFather/],
    ["getUpdates", 409, /409 Conflict.*Stop the other instance/],
  ])("%s answering %i ends `npm start` with a clear last line and exit code 1", async (method, code, message) => {
    const refusing = await FakeTelegram.start();
    refusing.failWith.set(method, code);
    const error = await promisify(execFile)("npx", ["tsx", "scripts/start.ts"], {
      env: { ...process.env, ...env, TELEGRAM_API_ROOT: refusing.apiRoot },
    }).catch((e: { code: number; stderr: string }) => e);
    await refusing.close();
    expect((error as { code: number }).code).toBe(1);
    const stderr = (error as { stderr: string }).stderr.split("\n").filter((l) => l.trim() && !/nodedir|npm warn/.test(l));
    // The refusal is the last word, on one line, with no stack trace and no token.
    expect(stderr.at(-1)).toMatch(message);
    expect(stderr.filter((l) => /^\s+at /.test(l))).toEqual([]);
    expect(stderr.join("\n")).not.toContain(TOKEN);
  });
});

afterAll(async () => {
  const header = [
    "# Transcript",
    "",
    "Written by `tests/e2e/bot.test.ts`: the real bot answering over HTTP from a Bot API server on 127.0.0.1,",
    "with the offline hashed embedder. HTML tags are removed for reading.",
    "",
  ];
  await writeFile(path.resolve("docs/transcript.md"), [...header, ...transcript].join("\n"));
});
