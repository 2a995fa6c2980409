/**
 * Everything the bot says, as Telegram HTML. Every piece of report text is
 * escaped; messages longer than Telegram's limit are split between whole
 * marked spans, never inside a tag.
 */
import { InlineKeyboard } from "grammy";
import type { Answer, Citation, DocMeta, Span } from "../types.js";

/** Telegram's limit on a message's text, in characters. */
export const MAX_MESSAGE_CHARS = 4096;

/** Fixed replies; kept together so wording stays consistent. */
export const TEXT = {
  textOnly: "目前只支持文字提问，请用文字描述你的问题。",
  empty: "请发送一个问题，例如：南岸区创建了哪些清廉品牌？",
  tooLong: (max: number, got: number) => `问题太长了（${got} 字），请精简到 ${max} 字以内再问。`,
  rateLimited: (seconds: number) => `提问太频繁了，请 ${seconds} 秒后再试。`,
  notAllowed: "抱歉，这个机器人只对受邀的聊天开放。",
  noAnswerYet: "还没有可查看的来源。先问一个问题，再发送 /source 查看回答引用的原文。",
  noSources: "这个回答没有引用报告原文，没有可查看的来源。",
  badSourceNumber: (max: number) => `没有这条来源。这个回答的来源编号是 1 到 ${max}，例如 /source 1。`,
  expired: "这个回答已过期，来源无法再查看。请重新提问。",
  unknownCommand: (command: string) => `没有 /${command} 这个命令。发送 /help 查看用法。`,
  staleButton: "这个按钮已失效。",
  inlineSource: "请在与机器人的聊天中查看来源。",
  thanks: { up: "谢谢！", down: "谢谢反馈，我们会改进。" },
  failed: "抱歉，处理这个问题时出错了，请稍后再试。",
  notFoundHint: "可以换个说法，或发送 /docs 查看收录的报告。",
} as const;

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** "标题（来源，2024-05-29）" */
function describe(doc: Pick<DocMeta, "title" | "source" | "date">): string {
  const meta = [doc.source, doc.date].filter(Boolean).join("，");
  return escapeHtml(meta ? `${doc.title}（${meta}）` : doc.title);
}

interface Tag {
  name: string;
  html: string;
}

/** A piece of HTML never cut: a tag, an entity, or a run of text ending at a sentence end (or `maxText` long). */
interface Unit {
  html: string;
  open?: Tag;
  close?: boolean;
}

function htmlUnits(html: string, maxText: number): Unit[] {
  const units: Unit[] = [];
  for (const [token, closing, name] of html.matchAll(/<(\/?)([a-z-]+)[^>]*>|&#?[a-z0-9]+;|[^<&]+/gi)) {
    if (name !== undefined) units.push(closing ? { html: token, close: true } : { html: token, open: { name, html: token } });
    else if (token.startsWith("&")) units.push({ html: token });
    else {
      for (const sentence of token.match(/[^。！？；!?;\n]*(?:[。！？；!?;\n]+|$)/g) ?? []) {
        for (let i = 0; i < sentence.length; i += maxText) units.push({ html: sentence.slice(i, i + maxText) });
      }
    }
  }
  return units;
}

/**
 * Cuts HTML into messages of at most `limit` characters. Cuts fall between
 * sentences outside any marked span when possible; a span too long for one
 * message is closed at the cut and reopened in the next, so every message is
 * well-formed on its own.
 */
export function splitHtml(html: string, limit = MAX_MESSAGE_CHARS): string[] {
  if (html.length <= limit) return [html];
  const units = htmlUnits(html, Math.floor(limit / 4));
  // open[k]: the tags open before unit k.
  const open: Tag[][] = [[]];
  for (const u of units) {
    const stack = [...open.at(-1)!];
    if (u.open) stack.push(u.open);
    else if (u.close) stack.pop();
    open.push(stack);
  }
  const reopen = (k: number) => open[k]!.map((t) => t.html).join("");
  const closeAll = (k: number) => open[k]!.map((t) => `</${t.name}>`).reverse().join("");
  const messages: string[] = [];
  let i = 0;
  while (i < units.length) {
    let length = reopen(i).length;
    let j = i;
    let lastOutside = -1;
    while (j < units.length && length + units[j]!.html.length + closeAll(j + 1).length <= limit) {
      length += units[j]!.html.length;
      j++;
      if (open[j]!.length === 0) lastOutside = j;
    }
    const end = j === units.length ? j : open[j]!.length > 0 && lastOutside > i ? lastOutside : Math.max(j, i + 1);
    messages.push(reopen(i) + units.slice(i, end).map((u) => u.html).join("") + closeAll(end));
    i = end;
  }
  // Telegram refuses a message with no visible text.
  return messages.filter((m) => m.replace(/<[^>]*>/g, "").trim() !== "");
}

/** Joins blocks of HTML into as few messages as fit; a block too long on its own is split with `splitHtml`. */
export function packMessages(blocks: string[], limit = MAX_MESSAGE_CHARS): string[] {
  const pieces = blocks.flatMap((block) => splitHtml(block, limit));
  const messages: string[] = [];
  let current = "";
  for (const piece of pieces) {
    const joined = current === "" ? piece : `${current}\n\n${piece}`;
    if (joined.length <= limit) current = joined;
    else {
      messages.push(current);
      current = piece;
    }
  }
  if (current !== "") messages.push(current);
  return messages;
}

/** Text with the given spans wrapped in `open`/`close`, everything escaped. */
function markSpans(text: string, spans: Span[], open = "<b>", close = "</b>"): string {
  let out = "";
  let at = 0;
  for (const { start, end } of [...spans].sort((a, b) => a.start - b.start)) {
    if (start < at || end <= start) continue;
    out += escapeHtml(text.slice(at, start)) + open + escapeHtml(text.slice(start, end)) + close;
    at = end;
  }
  return out + escapeHtml(text.slice(at));
}

/** The sources under an answer, one line per report: its citation numbers, title, publisher, date, and where in it. */
export function renderSourceList(citations: Citation[]): string {
  const byDoc = new Map<string, Citation[]>();
  for (const c of citations) byDoc.set(c.docId, [...(byDoc.get(c.docId) ?? []), c]);
  const lines = [...byDoc.values()].map((cs) => {
    const places = [...new Set(cs.map((c) => (c.paragraph < 0 ? HEADER_LABEL : `${c.section ? `“${c.section}”` : ""}第${c.paragraph + 1}段`)))];
    return `${cs.map((c) => `[${c.n}]`).join("")} ${describe(cs[0]!)}：${escapeHtml(places.join("、"))}`;
  });
  return ["<b>来源</b>", ...lines].join("\n");
}

/** Questions the reports can answer about the subjects a not-found question named, else a pointer to the report list. */
export function renderSuggestions(answer: Answer, docs: DocMeta[]): string {
  const [first, second] = answer.subjects;
  if (first === undefined) return TEXT.notFoundHint;
  const questions = second === undefined ? [`介绍一下${first}的做法`, `${first}有哪些党建工作经验？`] : [`介绍一下${first}的做法`, `介绍一下${second}的做法`];
  const titles = answer.subjectDocs.map((id) => docs.find((d) => d.id === id)).filter((d) => d !== undefined);
  const lines = ["可以这样问：", ...questions.map((q) => `· ${escapeHtml(q)}`)];
  if (titles.length > 0) lines.push(`相关报告：${titles.slice(0, 3).map((d) => `《${escapeHtml(d.title)}》`).join("、")}`);
  lines.push("发送 /docs 查看全部收录的报告。");
  return lines.join("\n");
}

/**
 * The reply to a question: the caveat of a related answer, the quoted
 * sentences with [n] markers and the answering part in bold, then the sources
 * grouped by report. Not-found replies suggest what can be asked instead.
 */
export function renderAnswer(answer: Answer, docs: DocMeta[] = []): string[] {
  if (answer.status === "not_found" || answer.sentences.length === 0) {
    return packMessages([`${escapeHtml(answer.answer)}\n${renderSuggestions(answer, docs)}`]);
  }
  const body = answer.sentences
    .map((s) => {
      const at = s.highlight ? s.text.indexOf(s.highlight) : -1;
      const spans = at === -1 ? [] : [{ start: at, end: at + s.highlight!.length }];
      return `${markSpans(s.text, spans)}[${s.citation}]`;
    })
    .join(" ");
  const preface = answer.preface ? `${escapeHtml(answer.preface)}\n` : "";
  return packMessages([preface + body, renderSourceList(answer.citations)]);
}

/** Buttons under an answer: one per source, then 👍/👎. Each carries the answer's id (well within the 64-byte limit). */
export function answerKeyboard(answerId: number, answer: Pick<Answer, "citations">): InlineKeyboard | undefined {
  if (answer.citations.length === 0) return undefined;
  const keyboard = new InlineKeyboard();
  for (const c of answer.citations) keyboard.text(`来源 ${c.n}`, `s:${answerId}:${c.n}`);
  return keyboard.row().text("👍", `f:${answerId}:up`).text("👎", `f:${answerId}:down`);
}

/** `/source`: every cited passage, the quoted sentences in bold. */
export function renderSources(citations: Citation[]): string[] {
  return packMessages(citations.map((c) => `<b>[${c.n}] ${describe(c)}</b>\n${sectionLine(c)}${markSpans(c.excerpt, c.quotes)}`));
}

function sectionLine(c: Citation): string {
  if (c.paragraph < 0) return `${HEADER_LABEL}：`;
  return `${c.section ? `${escapeHtml(c.section)} · ` : ""}第${c.paragraph + 1}段：`;
}

/** Where a quote from a report's header (title, publisher, date) is shown as being from. */
const HEADER_LABEL = "报道信息";

/** `/source n`: one citation in its whole paragraph, the passage underlined and the quotes in bold. */
export function renderSourceInContext(citation: Citation): string[] {
  const offset = citation.context.indexOf(citation.excerpt);
  if (offset === -1) return renderSources([citation]);
  const before = citation.context.slice(0, offset);
  const after = citation.context.slice(offset + citation.excerpt.length);
  const passage = `<u>${markSpans(citation.excerpt, citation.quotes)}</u>`;
  return packMessages([`<b>[${citation.n}] ${describe(citation)}</b>\n${sectionLine(citation)}\n${escapeHtml(before)}${passage}${escapeHtml(after)}`]);
}

export function renderDocs(docs: DocMeta[]): string[] {
  return packMessages([[`<b>已收录 ${docs.length} 篇报告：</b>`, ...docs.map((d, i) => `${i + 1}. ${describe(d)}`)].join("\n")]);
}

export function renderHelp(docs: DocMeta[]): string[] {
  const usage = [
    "你好！我根据已收录的卫生健康系统党建工作报告回答问题。",
    "回答只摘录报告原文，每句话后的 [n] 标明出处；报告中没有的内容，我会如实说明没有找到。",
    "",
    "直接发送文字问题即可，例如：",
    "· 江北新区有几家医疗机构开设了发热门诊？",
    "· 南岸区创建了哪些清廉品牌？",
    "可以接着追问，例如先问江海区，再问“那南岸区呢？”。",
    "",
    "命令：",
    "/source 查看上一个回答引用的原文，/source 2 只看第 2 条",
    "/docs 查看收录的报告",
    "/help 显示本说明",
    "",
    "在群里，@我 或回复我的消息来提问；回复我的某个回答发送 /source，查看那个回答的来源。",
  ].join("\n");
  return packMessages([usage, ...renderDocs(docs)]);
}
