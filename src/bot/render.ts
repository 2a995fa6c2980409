/**
 * Answers and sources as Telegram HTML. Every piece of report text is
 * escaped; messages longer than Telegram's limit are split between sentences.
 */
import { InlineKeyboard } from "grammy";
import type { Answer, Citation, DocMeta, Span } from "../types.js";
import { splitSentences } from "../text/sentences.js";

/** Telegram's limit on a message's text, in characters. */
export const MAX_MESSAGE_CHARS = 4096;

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** "标题（来源，2024-05-29）" */
function describe(doc: Pick<DocMeta, "title" | "source" | "date">): string {
  const meta = [doc.source, doc.date].filter(Boolean).join("，");
  return escapeHtml(meta ? `${doc.title}（${meta}）` : doc.title);
}

/**
 * Joins blocks of HTML into messages of at most `limit` characters. A block
 * too long on its own is cut between sentences, never inside a tag.
 */
export function packMessages(blocks: string[], limit = MAX_MESSAGE_CHARS): string[] {
  const pieces = blocks.flatMap((block) => (block.length <= limit ? [block] : splitBlock(block, limit)));
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

function splitBlock(block: string, limit: number): string[] {
  const out: string[] = [];
  let current = "";
  for (const { start, end } of splitSentences(block)) {
    const sentence = block.slice(start, end);
    if (current.length + sentence.length > limit && current !== "") {
      out.push(current);
      current = "";
    }
    // A single sentence over the limit is rare enough to cut by length (tags only wrap short spans).
    for (let i = 0; i < sentence.length; i += limit) {
      const part = sentence.slice(i, i + limit);
      if (current.length + part.length > limit) {
        out.push(current);
        current = "";
      }
      current += part;
    }
  }
  if (current !== "") out.push(current);
  return out;
}

export const NOT_FOUND_HINT = "可以换个说法，或发送 /docs 查看收录的报告。";

/** The reply to a question: the answer with [n] markers, then a short list of sources. */
export function renderAnswer(answer: Answer): string[] {
  if (!answer.found) return [`${escapeHtml(answer.answer)}\n${NOT_FOUND_HINT}`];
  const body = answer.sentences.map((s) => `${escapeHtml(s.text)}[${s.citation}]`).join(" ");
  const sources = ["<b>来源</b>", ...answer.citations.map((c) => `[${c.n}] ${describe(c)}`), "发送 /source 查看引用原文。"].join("\n");
  return packMessages([body, sources]);
}

/** One button per citation under an answer, opening that source. */
export function sourceKeyboard(answer: Answer): InlineKeyboard | undefined {
  if (answer.citations.length === 0) return undefined;
  const keyboard = new InlineKeyboard();
  for (const c of answer.citations) keyboard.text(`来源 ${c.n}`, `src:${c.n}`);
  return keyboard;
}

/** Text with the given spans in bold, everything escaped. */
function markSpans(text: string, spans: Span[], open = "<b>", close = "</b>"): string {
  let out = "";
  let at = 0;
  for (const { start, end } of [...spans].sort((a, b) => a.start - b.start)) {
    if (start < at) continue;
    out += escapeHtml(text.slice(at, start)) + open + escapeHtml(text.slice(start, end)) + close;
    at = end;
  }
  return out + escapeHtml(text.slice(at));
}

/** `/source`: every cited passage, the quoted sentences in bold. */
export function renderSources(citations: Citation[]): string[] {
  return packMessages(
    citations.map((c) => `<b>[${c.n}] ${describe(c)}</b>\n第${c.paragraph + 1}段：${markSpans(c.excerpt, c.quotes)}`),
  );
}

/** `/source n`: one citation in its whole paragraph, the passage underlined and the quotes in bold. */
export function renderSourceInContext(citation: Citation): string[] {
  const offset = citation.context.indexOf(citation.excerpt);
  if (offset === -1) return renderSources([citation]);
  const before = citation.context.slice(0, offset);
  const after = citation.context.slice(offset + citation.excerpt.length);
  const passage = `<u>${markSpans(citation.excerpt, citation.quotes)}</u>`;
  return packMessages([
    `<b>[${citation.n}] ${describe(citation)}</b>\n第${citation.paragraph + 1}段：\n${escapeHtml(before)}${passage}${escapeHtml(after)}`,
  ]);
}

export function renderDocs(docs: DocMeta[]): string {
  return [`<b>已收录 ${docs.length} 篇报告：</b>`, ...docs.map((d, i) => `${i + 1}. ${describe(d)}`)].join("\n");
}

export function renderHelp(docs: DocMeta[]): string {
  return [
    "你好！我根据已收录的卫生健康系统党建工作报告回答问题。",
    "回答只摘录报告原文，每句话后的 [n] 标明出处；报告中没有的内容，我会如实说明没有找到。",
    "",
    "直接发送文字问题即可，例如：",
    "· 江北新区有几家医疗机构开设了发热门诊？",
    "· 南岸区创建了哪些清廉品牌？",
    "",
    "命令：",
    "/source 查看上一个回答引用的原文，/source 2 只看第 2 条",
    "/docs 查看收录的报告",
    "/help 显示本说明",
    "",
    renderDocs(docs),
  ].join("\n");
}
