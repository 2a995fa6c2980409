import path from "node:path";
import { rm } from "node:fs/promises";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AnswerStore, openBotDatabase, type NewAnswer } from "../src/bot/answers.js";
import { FeedbackStore, formatReport } from "../src/bot/feedback.js";
import { ConfigError, loadBotConfig, telegramProxy } from "../src/config.js";
import type { Citation } from "../src/types.js";
import { tempDir } from "./helpers/corpus.js";

const citation = { n: 1, docId: "002_x", title: "标题", source: null, date: null, excerpt: "摘录。", score: 1, section: null, paragraph: 4, start: 0, end: 3, context: "摘录。", quotes: [] } satisfies Citation;
const answerIn = (chatId: number, userId = chatId, question = "问题？"): NewAnswer => ({ chatId, userId, question, interpreted: null, status: "answered", citations: [citation] });

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await tempDir();
  file = path.join(dir, "sub", "bot.sqlite");
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe("the answer store", () => {
  it("finds answers by id, by chat, by person in a chat and by the message that shows them", () => {
    const store = new AnswerStore(openBotDatabase(file), 100);
    const a = store.add(answerIn(-5, 1, "甲的问题"));
    const b = store.add(answerIn(-5, 2, "乙的问题"));
    store.linkMessageTo(-5, 77, a);
    expect(store.get(a)?.question).toBe("甲的问题");
    expect(store.get(a)?.citations).toEqual([citation]);
    expect(store.last(-5)?.id).toBe(b);
    expect(store.last(-5, 1)?.id).toBe(a);
    expect(store.shownIn(-5, 77)?.id).toBe(a);
    expect(store.last(-6)).toBeUndefined();
  });

  it("keeps answers across a restart", () => {
    const db = openBotDatabase(file);
    const id = new AnswerStore(db, 100).add(answerIn(1));
    db.close();
    expect(new AnswerStore(openBotDatabase(file), 100).get(id)?.citations[0]?.docId).toBe("002_x");
  });

  it("stays bounded: 3,000 chats asking leave only the newest `limit` answers, and the rest expire", () => {
    const db = openBotDatabase(file);
    const store = new AnswerStore(db, 500);
    const ids: number[] = [];
    for (let chat = 1; chat <= 3000; chat++) {
      const id = store.add(answerIn(chat));
      store.linkMessageTo(chat, 1, id);
      ids.push(id);
    }
    const count = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
    expect([count("answers"), count("answer_messages")]).toEqual([500, 500]);
    expect(store.get(ids[0]!)).toBeUndefined();
    expect(store.get(ids.at(-1)!)).toBeDefined();
    expect(store.last(1)).toBeUndefined();
  });

  it("refuses a file of another format version, saying what to do", () => {
    const db = openBotDatabase(file);
    db.pragma("user_version = 99");
    db.close();
    expect(() => openBotDatabase(file)).toThrow(/format version 99.*Delete the file.*BOT_DB/);
  });
});

describe("feedback", () => {
  it("counts one vote per person per answer and lists refused and disliked questions most often first", () => {
    const db = openBotDatabase(file);
    const answers = new AnswerStore(db, 100);
    const feedback = new FeedbackStore(db);
    const stored = answers.get(answers.add(answerIn(1, 1, "南岸区有几家医院？")))!;
    feedback.record(stored, 1, "up");
    feedback.record(stored, 1, "down");
    feedback.record(stored, 2, "down");
    feedback.refused(1, "月亮有多圆？", "not_found");
    feedback.refused(1, "南岸区有几家医院？", "related");
    feedback.refused(1, "月亮有多圆？", "not_found");
    const report = feedback.report();
    expect(report.refused).toEqual([
      { question: "月亮有多圆？", count: 2, status: "not_found" },
      { question: "南岸区有几家医院？", count: 1, status: "related" },
    ]);
    expect(report.disliked).toEqual([{ question: "南岸区有几家医院？", count: 2, status: "answered", passages: "002_x#5" }]);
    expect(report.liked).toBe(0);
    expect(formatReport(report)).toContain("   1 × 南岸区有几家医院？  (related)\n");
    expect(formatReport(report)).toContain("   2 × 南岸区有几家医院？  [answered; 002_x#5]");
  });
});

describe("bot configuration for networks and storage", () => {
  const TOKEN = "123456789:AAH-secret-token-value-1234567";
  it("reaches Telegram through TELEGRAM_PROXY, else the usual HTTPS_PROXY", () => {
    expect(telegramProxy(loadBotConfig({ BOT_TOKEN: TOKEN }))).toBeUndefined();
    expect(telegramProxy(loadBotConfig({ BOT_TOKEN: TOKEN, HTTPS_PROXY: "http://10.0.0.1:3128" }))).toBe("http://10.0.0.1:3128");
    expect(telegramProxy(loadBotConfig({ BOT_TOKEN: TOKEN, HTTPS_PROXY: "http://10.0.0.1:3128", TELEGRAM_PROXY: "socks5://127.0.0.1:1080" }))).toBe("socks5://127.0.0.1:1080");
  });

  it("rejects a proxy that is not http(s) or socks, without echoing its password", () => {
    const error = (() => {
      try {
        loadBotConfig({ BOT_TOKEN: TOKEN, TELEGRAM_PROXY: "ftp://user:hunter2@proxy:21" });
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect(error?.message).toMatch(/TELEGRAM_PROXY must start with http:\/\/.*\(got 'ftp:\/\/\*\*\*@proxy:21'\)/);
    expect(error?.message).not.toContain("hunter2");
  });

  it("documents where answers are kept and how many", () => {
    expect(loadBotConfig({ BOT_TOKEN: TOKEN })).toMatchObject({ BOT_DB: "data/bot.sqlite", ANSWER_STORE_LIMIT: 20_000, TELEGRAM_RETRIES: 2 });
  });
});
