import { describe, expect, it } from "vitest";
import {
  MAX_MESSAGE_CHARS,
  TEXT,
  answerKeyboard,
  escapeHtml,
  packMessages,
  renderAnswer,
  renderDocs,
  renderHelp,
  renderSourceInContext,
  renderSources,
  splitHtml,
} from "../src/bot/render.js";
import { LruMap, RateLimiter } from "../src/bot/limits.js";
import type { Answer, Citation, DocMeta } from "../src/types.js";
import { telegramHtmlProblem } from "./helpers/telegram-html.js";

const citation: Citation = {
  n: 1,
  docId: "d",
  title: "标题<script>",
  source: "来源&网",
  section: "一、抓班子",
  date: "2024-05-29",
  excerpt: "第一句<b>。第二句。",
  score: 0.03,
  paragraph: 2,
  start: 10,
  end: 20,
  context: "前文。第一句<b>。第二句。后文。",
  quotes: [{ start: 0, end: 7 }],
};
const second: Citation = { ...citation, n: 2, section: null, paragraph: 5, excerpt: "第三句。", context: "第三句。", quotes: [{ start: 0, end: 4 }] };
const other: Citation = { ...citation, n: 3, docId: "e", title: "另一篇", source: null, date: null, section: null, paragraph: 0 };
const base = { query: "q", interpreted: null, unsearchable: null, subjects: [], subjectDocs: [], preface: null };
const answer: Answer = {
  ...base,
  status: "answered",
  found: true,
  answer: "第一句<b>。[1]",
  sentences: [{ text: "第一句<b>。共有5家医院。", citation: 1, highlight: "5家医院" }],
  citations: [citation],
};
const notFound: Answer = { ...base, status: "not_found", found: false, answer: "没有找到。", sentences: [], citations: [] };
const docs: DocMeta[] = [{ id: "x", file: "x.txt", title: "徐州市卫健委推进党史学习教育纪实", source: null, date: null }];

describe("rendering an answer", () => {
  it("escapes every piece of report text", () => {
    const [html] = renderAnswer(answer);
    expect(html).toContain("第一句&lt;b&gt;。");
    expect(html).toContain("标题&lt;script&gt;（来源&amp;网，2024-05-29）");
    expect(html).not.toContain("<script>");
    expect(escapeHtml("a<b>&c")).toBe("a&lt;b&gt;&amp;c");
  });

  it("bolds the part of a sentence that answers the question", () => {
    expect(renderAnswer(answer)[0]).toContain("第一句&lt;b&gt;。共有<b>5家医院</b>。[1]");
    const noHighlight = { ...answer, sentences: [{ text: "共有5家医院。", citation: 1, highlight: null }] };
    expect(renderAnswer(noHighlight)[0]).toMatch(/^共有5家医院。\[1\]/);
  });

  it("starts a related answer with the plain caveat from `preface`", () => {
    const related: Answer = { ...answer, status: "related", found: false, preface: "报告中没有直接说明南岸区的医院数量，以下是相关内容：" };
    expect(renderAnswer(related)[0]).toMatch(/^报告中没有直接说明南岸区的医院数量，以下是相关内容：\n第一句/);
  });

  it("lists the sources one line per report, with its citation numbers, publisher, date, section and paragraphs", () => {
    const [html] = renderAnswer({ ...answer, citations: [citation, second, other] });
    const lines = html!.split("<b>来源</b>\n")[1]!.split("\n");
    expect(lines).toEqual(["[1][2] 标题&lt;script&gt;（来源&amp;网，2024-05-29）：“一、抓班子”第3段、第6段", "[3] 另一篇：第1段"]);
  });

  it("suggests questions about the subject a not-found question named, else points at the report list", () => {
    const withSubject = renderAnswer({ ...notFound, subjects: ["徐州"], subjectDocs: ["x"] }, docs)[0]!;
    expect(withSubject).toContain("· 介绍一下徐州的做法");
    expect(withSubject.match(/^· /gm)).toHaveLength(2);
    expect(withSubject).toContain("《徐州市卫健委推进党史学习教育纪实》");
    expect(renderAnswer(notFound)[0]).toBe(`没有找到。\n${TEXT.notFoundHint}`);
    expect(answerKeyboard(1, notFound)).toBeUndefined();
  });

  it("puts the answer's id in every button, within Telegram's 64 bytes", () => {
    const rows = answerKeyboard(123_456_789_012, { citations: [citation, second] })!.inline_keyboard;
    expect(rows.map((r) => r.map((b) => [b.text, "callback_data" in b ? b.callback_data : ""]))).toEqual([
      [["来源 1", "s:123456789012:1"], ["来源 2", "s:123456789012:2"]],
      [["👍", "f:123456789012:up"], ["👎", "f:123456789012:down"]],
    ]);
  });
});

describe("rendering sources", () => {
  it("shows a quote from a report's header (its publisher or date) as from the report's details, not a paragraph", () => {
    const header = { ...citation, paragraph: -1, section: null, excerpt: "标题\n来源网\n2024-05-29", context: "标题\n来源网\n2024-05-29", quotes: [{ start: 3, end: 6 }] };
    expect(renderSources([header])[0]).toContain("报道信息：标题\n<b>来源网</b>");
    const [html] = renderAnswer({ ...answer, citations: [header] });
    expect(html).toContain("：报道信息");
    expect(html).not.toContain("第0段");
  });

  it("marks the quoted sentences in /source and the passage within its paragraph in /source n", () => {
    expect(renderSources([citation])[0]).toContain("一、抓班子 · 第3段：<b>第一句&lt;b&gt;。</b>第二句。");
    expect(renderSourceInContext(citation)[0]).toContain("前文。<u><b>第一句&lt;b&gt;。</b>第二句。</u>后文。");
  });
});

describe("splitting long messages", () => {
  it("splits between sentences, each message within Telegram's limit, losing nothing", () => {
    const sentence = "这是一句用来把消息撑长的完整句子。";
    const long = sentence.repeat(600);
    const messages = packMessages([long, "来源"]);
    expect(messages.length).toBeGreaterThan(2);
    for (const m of messages) {
      expect(m.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
      expect(m.endsWith("。") || m.endsWith("来源")).toBe(true);
    }
    expect(messages.join("").replace(/\n/g, "")).toBe(long + "来源");
  });

  it("cuts outside a marked span when it can, so the span stays whole", () => {
    const html = `${"前文句子。".repeat(700)}<u>被引用的<b>关键</b>段落。</u>${"后文句子。".repeat(700)}`;
    const messages = splitHtml(html);
    expect(messages.some((m) => m.includes("<u>被引用的<b>关键</b>段落。</u>"))).toBe(true);
    for (const m of messages) expect(telegramHtmlProblem(m)).toBeNull();
  });

  it("closes and reopens a span longer than a message, never cutting inside a tag or an entity", () => {
    const html = `<b>[1] 标题</b>\n<u>${"引用&amp;原文&lt;内容&gt;。".repeat(800)}</u>`;
    const messages = splitHtml(html);
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) expect(telegramHtmlProblem(m)).toBeNull();
    expect(messages.map((m) => m.replace(/<\/?u>/g, "")).join("")).toBe(html.replace(/<\/?u>/g, ""));
  });

  it("produces valid Telegram HTML for every kind of message the bot sends", () => {
    const huge: Citation = { ...citation, context: `${"很长的上下文<&>。".repeat(500)}${citation.excerpt}${"后文。".repeat(500)}` };
    const all = [
      ...renderAnswer(answer),
      ...renderAnswer({ ...answer, status: "related", preface: "报告中没有直接说明<这一点>：" }),
      ...renderAnswer({ ...notFound, subjects: ["徐州<市>"], subjectDocs: ["x"] }, docs),
      ...renderSources([citation, second, other]),
      ...renderSourceInContext(huge),
      ...renderDocs([...docs, { id: "y", file: "y", title: "A&B<报告>", source: "X", date: "2024-01-01" }]),
      ...renderHelp(docs),
      ...Object.values(TEXT).flatMap((t) => (typeof t === "string" ? [t] : typeof t === "function" ? [(t as (...a: unknown[]) => string)(3, 9)] : Object.values(t))),
    ];
    for (const m of all) expect([m.slice(0, 40), telegramHtmlProblem(m)]).toEqual([m.slice(0, 40), null]);
  });
});

describe("the strict Telegram-HTML check used by the emulator", () => {
  it("refuses what Telegram refuses", () => {
    expect(telegramHtmlProblem("<b>a</b>")).toBeNull();
    expect(telegramHtmlProblem("<b>a")).toMatch(/unclosed/);
    expect(telegramHtmlProblem("<b><u>a</b></u>")).toMatch(/does not close/);
    expect(telegramHtmlProblem("a < b")).toMatch(/unescaped/);
    expect(telegramHtmlProblem("<script>x</script>")).toMatch(/unsupported tag/);
    expect(telegramHtmlProblem("x".repeat(4097))).toMatch(/too long/);
    expect(telegramHtmlProblem("<b> </b>")).toMatch(/empty/);
  });
});

describe("bounded per-chat memory", () => {
  it("forgets the least recently used chat beyond its capacity", () => {
    const lru = new LruMap<number, string>(2);
    lru.set(1, "a");
    lru.set(2, "b");
    lru.get(1);
    lru.set(3, "c");
    expect([lru.get(1), lru.get(2), lru.get(3), lru.size]).toEqual(["a", undefined, "c", 2]);
  });
});

describe("rate limiting", () => {
  it("lets `limit` questions through per window, warns once, then stays quiet until the window ends", () => {
    const limiter = new RateLimiter(2, 60_000);
    const t = 1_000_000;
    expect([limiter.take(7, t), limiter.take(7, t), limiter.take(7, t), limiter.take(7, t)]).toEqual(["ok", "ok", "limited", "quiet"]);
    expect(limiter.take(8, t)).toBe("ok");
    expect(limiter.take(7, t + 60_000)).toBe("ok");
  });

  it("with limit 0 gives a notice once per window", () => {
    const told = new RateLimiter(0, 60_000);
    expect([told.take(1, 0), told.take(1, 1), told.take(1, 60_000)]).toEqual(["limited", "quiet", "limited"]);
  });
});
