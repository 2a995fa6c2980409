/**
 * The real bot, run unmodified against a Bot API server on 127.0.0.1
 * through TELEGRAM_API_ROOT, answering from a real index with the real core.
 */
import { execFile } from "node:child_process";
import { rm } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEXT } from "../../src/bot/render.js";
import type { Answerer } from "../../src/answer/answerer.js";
import type { AskContext } from "../../src/types.js";
import { buildIndex } from "../../src/index/build.js";
import { HashedEmbedder } from "../../src/embed/hashed.js";
import { BOT_USER, type Chat, type SentMessage, visibleText } from "../helpers/fake-telegram.js";
import { indexedWorkspace, recordingAnswerer, startBot, type TestBot, type Workspace } from "../helpers/bot-harness.js";
import { LONG_REPORT, LONG_REPORT_QUESTION } from "../helpers/long-report.js";

let ws: Workspace;
let bot: TestBot;
const asked: { question: string; previous?: string }[] = [];
const group: Chat = { id: -500, type: "supergroup" };
const mention = `@${BOT_USER.username}`;

/** Sends a message and returns the bot's new replies once `count` arrived. */
async function ask(user: number, text: string, count = 1, chat?: Chat, replyTo?: SentMessage) {
  const chatId = chat?.id ?? user;
  const before = bot.telegram.sentTo(chatId).length;
  const messageId = bot.telegram.say(user, text, chat, replyTo);
  const replies = (await bot.telegram.waitForSent(chatId, before + count)).slice(before);
  return Object.assign(replies, { messageId });
}

/** Presses a button and returns the bot's reply in the chat. */
async function press(user: number, data: string, under: SentMessage) {
  const before = bot.telegram.sentTo(under.chat_id).length;
  const id = bot.telegram.press(user, data, under);
  const [reply] = (await bot.telegram.waitForSent(under.chat_id, before + 1)).slice(before);
  return { reply: reply!, callback: await bot.telegram.waitForCallbackAnswer(id) };
}

const button = (message: SentMessage, text: string) => message.reply_markup!.inline_keyboard!.flat().find((b) => b.text === text)!.callback_data;
const quiet = async () => new Promise((r) => setTimeout(r, 300));

beforeAll(async () => {
  ws = await indexedWorkspace({ "900_long.txt": LONG_REPORT });
  bot = await startBot(ws, { wrap: recordingAnswerer(asked) });
});

afterAll(async () => {
  await bot?.stop();
  await ws?.cleanup();
});

describe("a person asking in a private chat", () => {
  it("gets the answer quoted from the right report, sources grouped by report, and buttons for each source and for feedback", async () => {
    const [reply] = await ask(101, "南岸区创建了哪些清廉品牌？");
    expect(reply!.parse_mode).toBe("HTML");
    expect(reply!.text).toContain("清廉仁济");
    expect(reply!.text).toMatch(/\[1\]/);
    // One line per report: its citation numbers, title, publisher and date, then where in it.
    const sourceLines = reply!.text.split("<b>来源</b>\n")[1]!.split("\n");
    expect(sourceLines[0]).toMatch(/^(\[\d\])+ .*四个抓手做实党建统领.*（南岸区卫生健康委，2024-05-29）：.*第\d+段/);
    expect(new Set(sourceLines.map((l) => l.replace(/^(\[\d\])+ /, "").split("：")[0])).size).toBe(sourceLines.length);
    const buttons = reply!.reply_markup!.inline_keyboard!.flat();
    expect(buttons[0]!.text).toBe("来源 1");
    expect(buttons[0]!.callback_data).toMatch(/^s:\d+:1$/);
    expect(buttons.map((b) => b.text).slice(-2)).toEqual(["👍", "👎"]);
    for (const b of buttons) expect(Buffer.byteLength(b.callback_data)).toBeLessThanOrEqual(64);
  });

  it("sees the cited passages with /source, and one in its paragraph with /source 1", async () => {
    const [all] = await ask(101, "/source");
    expect(all!.text).toMatch(/\[1\] .*南岸区卫生健康委，2024-05-29/);
    expect(all!.text).toMatch(/<b>[^<]*创建“清廉仁济”/);
    const [one] = await ask(101, "/source 1");
    expect(one!.text).toContain("<u>");
    expect(one!.text).not.toMatch(/\[2\]/);
    const [bad] = await ask(101, "/source 9");
    expect(bad!.text).toMatch(/^没有这条来源。这个回答的来源编号是 1 到 \d，例如 \/source 1。$/);
  });

  it("opens each old answer's own source from its button, after two newer answers and after a not-found answer", async () => {
    const [jiangbei] = await ask(102, "江北新区有几家医疗机构开设了发热门诊？");
    const [yima] = await ask(102, "义马市护士节表彰了多少名优秀护理工作者？");
    await ask(102, "南岸区创建了哪些清廉品牌？");
    const [notFound] = await ask(102, "明天上海的天气怎么样？");
    expect(notFound!.reply_markup).toBeUndefined();
    const first = await press(102, button(jiangbei!, "来源 1"), jiangbei!);
    expect(first.reply.text).toContain("发热门诊");
    expect(first.reply.text).not.toContain("护士节");
    const second = await press(102, button(yima!, "来源 1"), yima!);
    expect(second.reply.text).toContain("护士");
    // /source follows the last answer, which quoted nothing.
    const [source] = await ask(102, "/source");
    expect(source!.text).toBe(TEXT.noSources);
  });

  it("is told what /source is for before asking anything", async () => {
    const [reply] = await ask(103, "/source");
    expect(reply!.text).toBe(TEXT.noAnswerYet);
  });

  it("gets 'not found' with a pointer to the report list for a question the reports do not cover", async () => {
    const [reply] = await ask(104, "明天的天气怎么样？");
    expect(reply!.text).toContain("没有找到");
    expect(reply!.text).toContain("/docs");
    expect(reply!.reply_markup).toBeUndefined();
  });

  it("gets help listing the reports, and the list with /docs", async () => {
    const [help] = await ask(105, "/start");
    expect(help!.text).toContain("江海:党建引领激发“红色动能”");
    const [docs] = await ask(105, "/docs");
    expect(docs!.text).toContain("已收录 6 篇报告");
  });

  it("gets a one-line pointer to /help for an unknown command", async () => {
    const [reply] = await ask(106, "/foo");
    expect(reply!.text).toBe(TEXT.unknownCommand("foo"));
  });

  it("asks a follow-up with the previous question, so 那南岸区呢？ can be completed", async () => {
    await ask(107, "江海区今年落实发展了多少名新党员？");
    await ask(107, "那南岸区呢？");
    expect(asked.filter((a) => a.question === "那南岸区呢？").at(-1)?.previous).toBe("江海区今年落实发展了多少名新党员？");
  });
});

describe("buttons nobody can act on", () => {
  it("answers an inline-mode press (no message) and an unknown button, so no spinner hangs", async () => {
    const inline = bot.telegram.press(108, "s:1:1");
    expect((await bot.telegram.waitForCallbackAnswer(inline)).text).toBe(TEXT.inlineSource);
    const stale = bot.telegram.press(108, "src:1", { chat_id: 108, message_id: 1, text: "…" });
    expect((await bot.telegram.waitForCallbackAnswer(stale)).text).toBe(TEXT.staleButton);
  });

  it("says plainly that an answer has expired", async () => {
    const { reply } = await press(108, "s:999999:1", { chat_id: 108, message_id: 1, text: "…" });
    expect(reply.text).toBe(TEXT.expired);
  });
});

describe("odd input", () => {
  it("answers a sticker, an empty message and a 10,000-character message without crashing", async () => {
    const before = bot.telegram.sentTo(201).length;
    bot.telegram.message(201, { sticker: { file_id: "x", file_unique_id: "y", type: "regular", width: 1, height: 1, is_animated: false, is_video: false } });
    await bot.telegram.waitForSent(201, before + 1);
    bot.telegram.say(201, "   ");
    await bot.telegram.waitForSent(201, before + 2);
    bot.telegram.say(201, "问".repeat(10_000));
    const replies = (await bot.telegram.waitForSent(201, before + 3)).slice(before);
    expect(replies.map((r) => r.text)).toEqual([TEXT.textOnly, TEXT.empty, TEXT.tooLong(500, 10_000)]);
  });

  it("rate-limits a burst of 30 from one user and still answers another user", async () => {
    for (let i = 0; i < 30; i++) bot.telegram.say(301, "义马市护士节表彰了多少名优秀护理工作者？");
    bot.telegram.say(302, "江北新区有几家医疗机构开设了发热门诊？");
    const [other] = await bot.telegram.waitForSent(302, 1);
    expect(visibleText(other!.text)).toContain("5家医疗机构开设了发热门诊");
    const burst = await bot.telegram.waitForSent(301, 11);
    await quiet();
    // Ten answers, then one polite notice; the rest are dropped quietly.
    expect(bot.telegram.sentTo(301)).toHaveLength(11);
    expect(burst.slice(0, 10).every((m) => visibleText(m.text).includes("23名优秀护理工作者"))).toBe(true);
    expect(burst[10]!.text).toMatch(/提问太频繁了，请 \d+ 秒后再试/);
  });

  it("shows a paragraph over 4,096 characters with /source n in several messages, each valid Telegram HTML", async () => {
    await ask(202, LONG_REPORT_QUESTION);
    const before = bot.telegram.sentTo(202).length;
    bot.telegram.say(202, "/source 1");
    await bot.telegram.until(() => bot.telegram.sentTo(202).length >= before + 2, "the long paragraph in several messages");
    await quiet();
    const parts = bot.telegram.sentTo(202).slice(before);
    // The emulator refuses HTML Telegram would refuse; none was refused, and nothing is lost.
    expect(bot.telegram.refusedHtml).toEqual([]);
    const visible = parts.map((p) => p.text.replace(/<[^>]+>/g, "").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&")).join("");
    expect(visible).toContain("“党建+医疗”&“服务<群众>”");
    expect(visible).toContain("第118个");
    expect(parts.some((p) => p.text.includes("<u>"))).toBe(true);
  });

  it("answers a group message that has no sender", async () => {
    const before = bot.telegram.sentTo(group.id).length;
    bot.telegram.say(null, `${mention} 江北新区有几家医疗机构开设了发热门诊？`, group);
    const [reply] = (await bot.telegram.waitForSent(group.id, before + 1)).slice(before);
    expect(reply!.text).toContain("发热门诊");
  });

  it("kept answering and told Telegram its commands and that it is typing", () => {
    expect(bot.telegram.calls).toContain("sendChatAction");
    expect(bot.telegram.calls).toContain("setMyCommands");
  });
});

describe("groups", () => {
  it("answers only when mentioned or replied to, each answer a reply to its question", async () => {
    const before = bot.telegram.sentTo(group.id).length;
    bot.telegram.say(401, "南岸区创建了哪些清廉品牌？", group);
    const question = bot.telegram.say(401, `${mention} 江北新区有几家医疗机构开设了发热门诊？`, group);
    const [reply] = (await bot.telegram.waitForSent(group.id, before + 1)).slice(before);
    expect(visibleText(reply!.text)).toContain("5家医疗机构开设了发热门诊");
    expect(reply!.reply_parameters?.message_id).toBe(question);
    await quiet();
    expect(bot.telegram.sentTo(group.id)).toHaveLength(before + 1);
  });

  it("shows each of two users their own answer's sources with /source, or the answer /source replies to", async () => {
    const [answerA] = await ask(411, `${mention} 义马市护士节表彰了多少名优秀护理工作者？`, 1, group);
    const [answerB] = await ask(412, `${mention} 南岸区创建了哪些清廉品牌？`, 1, group);
    const sourceA = await ask(411, "/source", 1, group);
    expect(sourceA[0]!.text).toContain("护士");
    expect(sourceA[0]!.reply_parameters?.message_id).toBe(sourceA.messageId);
    const [sourceB] = await ask(412, "/source", 1, group);
    expect(sourceB!.text).toContain("清廉仁济");
    const [replied] = await ask(412, "/source", 1, group, answerA);
    expect(replied!.text).toContain("护士");
    const [own] = await ask(411, `/source@${BOT_USER.username} 1`, 1, group, answerB);
    expect(own!.text).toContain("清廉仁济");
  });

  it("continues each user's own previous question in a follow-up", async () => {
    await ask(421, `${mention} 江北新区有几家医疗机构开设了发热门诊？`, 1, group);
    await ask(422, `${mention} 义马市护士节表彰了多少名优秀护理工作者？`, 1, group);
    await ask(421, `${mention} 那南岸区呢？`, 1, group);
    expect(asked.at(-1)).toEqual({ question: "那南岸区呢？", previous: "江北新区有几家医疗机构开设了发热门诊？" });
  });

  it("answers commands addressed to it by @name, and ignores other bots' commands and unaddressed unknown ones", async () => {
    const before = bot.telegram.sentTo(group.id).length;
    bot.telegram.say(431, "/docs@other_bot", group);
    bot.telegram.say(431, "/foo", group);
    bot.telegram.say(431, `/foo@${BOT_USER.username}`, group);
    bot.telegram.say(431, `/docs@${BOT_USER.username}`, group);
    const replies = (await bot.telegram.waitForSent(group.id, before + 2)).slice(before);
    await quiet();
    expect(bot.telegram.sentTo(group.id)).toHaveLength(before + 2);
    expect(replies[0]!.text).toBe(TEXT.unknownCommand("foo"));
    expect(replies[1]!.text).toContain("已收录 6 篇报告");
  });
});

describe("feedback for maintainers", () => {
  it("records 👍/👎 with the question, and `npm run report` lists refused and disliked questions, most often first", async () => {
    const [answer] = await ask(501, "江北新区有几家医疗机构开设了发热门诊？");
    const down = bot.telegram.press(501, button(answer!, "👎"), answer!);
    expect((await bot.telegram.waitForCallbackAnswer(down)).text).toBe(TEXT.thanks.down);
    for (const user of [502, 503, 504]) await ask(user, "今天刮不刮风？");
    await ask(505, "明天北京会下雨吗？");
    const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", "scripts/report.ts"], {
      env: { ...process.env, BOT_DB: path.join(ws.root, "bot.sqlite") },
    });
    const refused = stdout.split("Answers marked 👎")[0]!;
    expect(refused.indexOf("3 × 今天刮不刮风？")).toBeGreaterThan(-1);
    expect(refused.indexOf("3 × 今天刮不刮风？")).toBeLessThan(refused.indexOf("1 × 明天北京会下雨吗？"));
    expect(stdout).toMatch(/1 × 江北新区有几家医疗机构开设了发热门诊？ {2}\[answered; 000_d0c70cf1157b7cde#\d+/);
  });
});

describe("input the core does not search", () => {
  // Until the core detects greetings itself, a wrapper gives the bot the core's contract for them (unsearchable: greeting / no_content / not_chinese).
  const unsearchable = { 你好: "greeting", "？？": "no_content", "hello there": "not_chinese" } as const;
  const wrap = (real: Answerer): Answerer =>
    new Proxy(real, {
      get(target, property, receiver) {
        if (property !== "ask") return Reflect.get(target, property, receiver);
        return async (question: string, context: AskContext) => {
          const answer = await target.ask(question, context);
          const kind = unsearchable[question as keyof typeof unsearchable];
          return kind ? { ...answer, status: "not_found", found: false, unsearchable: kind, answer: "请用中文提问。", sentences: [], citations: [] } : answer;
        };
      },
    });

  it("answers a greeting or a message without content with the help text, and other languages with the core's reply", async () => {
    const other = await startBot(ws, { wrap });
    const reply = async (user: number, text: string) => {
      other.telegram.say(user, text);
      return (await other.telegram.waitForSent(user, 1))[0]!.text;
    };
    expect(await reply(1101, "你好")).toContain("直接发送文字问题即可");
    expect(await reply(1102, "？？")).toContain("直接发送文字问题即可");
    expect(await reply(1103, "hello there")).toContain("请用中文提问。");
    await other.stop();
  });
});

describe("a rebuilt index", () => {
  it("is picked up without a restart, and /source still shows what was quoted before", async () => {
    await ask(601, "江海区今年落实发展了多少名新党员？");
    await rm(path.join(ws.corpusDir, "003_689daa4cc1bfa8ce.txt"));
    await buildIndex({ corpusDir: ws.corpusDir, indexDir: ws.indexDir, embedder: new HashedEmbedder() });
    await bot.telegram.until(() => bot.answerer().documents().length === 5, "the rebuilt index to be loaded");
    const [docs] = await ask(601, "/docs");
    expect(docs!.text).toContain("已收录 5 篇报告");
    const [source] = await ask(601, "/source");
    expect(source!.text).toContain("新发展党员5名");
  });
});

describe("a restart", () => {
  it("keeps answers: a button under an answer from before the restart still opens its source", async () => {
    const [answer] = await ask(701, "义马市护士节表彰了多少名优秀护理工作者？");
    await bot.stop();
    bot = await startBot(ws);
    const { reply } = await press(701, button(answer!, "来源 1"), answer!);
    expect(reply.text).toContain("23名优秀护理工作者");
  });
});
