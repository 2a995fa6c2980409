import { describe, expect, it } from "vitest";
import { MAX_MESSAGE_CHARS, escapeHtml, packMessages, renderAnswer, renderSourceInContext, renderSources } from "../src/bot/render.js";
import { LruMap, RateLimiter } from "../src/bot/limits.js";
import type { Answer, Citation } from "../src/types.js";

const citation: Citation = {
  n: 1,
  docId: "d",
  title: "标题<script>",
  source: "来源&网",
  section: null,
  date: "2024-05-29",
  excerpt: "第一句<b>。第二句。",
  score: 0.03,
  paragraph: 2,
  start: 10,
  end: 20,
  context: "前文。第一句<b>。第二句。后文。",
  quotes: [{ start: 0, end: 7 }],
};
const base = { query: "q", interpreted: null, unsearchable: null, subjects: [], subjectDocs: [], preface: null };
const answer: Answer = { ...base, status: "answered", found: true, answer: "第一句<b>。[1]", sentences: [{ text: "第一句<b>。", citation: 1, highlight: null }], citations: [citation] };

describe("rendering for Telegram", () => {
  it("escapes every piece of report text", () => {
    const [html] = renderAnswer(answer);
    expect(html).toContain("第一句&lt;b&gt;。[1]");
    expect(html).toContain("标题&lt;script&gt;（来源&amp;网，2024-05-29）");
    expect(html).not.toContain("<script>");
    expect(escapeHtml("a<b>&c")).toBe("a&lt;b&gt;&amp;c");
  });

  it("marks the quoted sentences in /source and the passage within its paragraph in /source n", () => {
    expect(renderSources([citation])[0]).toContain("第3段：<b>第一句&lt;b&gt;。</b>第二句。");
    expect(renderSourceInContext(citation)[0]).toContain("前文。<u><b>第一句&lt;b&gt;。</b>第二句。</u>后文。");
  });

  it("splits long replies between sentences, each message within Telegram's limit", () => {
    const sentence = "这是一句用来把消息撑长的完整句子。";
    const long = sentence.repeat(600);
    const messages = packMessages([long, "来源"]);
    expect(messages.length).toBeGreaterThan(2);
    for (const m of messages) {
      expect(m.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
      expect(m.endsWith("。") || m === "来源" || m.endsWith("来源")).toBe(true);
    }
    expect(messages.join("").replace(/\n/g, "")).toBe(long + "来源");
  });

  it("shows the not-found message with a hint and no sources", () => {
    const [html] = renderAnswer({ ...base, status: "not_found", found: false, answer: "没有找到。", sentences: [], citations: [] });
    expect(html).toContain("没有找到。");
    expect(html).not.toContain("来源</b>");
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
});
