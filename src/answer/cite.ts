/**
 * From chosen quotes to an `Answer`: citations numbered in order of first
 * use, each quote's offsets inside its citation, the text a person reads,
 * and the fixed replies (not found, greetings, other languages). Quotes from
 * a report's header (its publisher, date and credit lines) answer questions
 * about the report itself.
 */
import type { Answer, AnswerStatus, Chunk, Citation } from "../types.js";
import type { StoredDoc } from "../index/store.js";
import { looksLikePersonName } from "../index/gazetteer.js";
import type { Question } from "./question.js";
import { highlightOf } from "./decide.js";
import type { Evidence } from "./evidence.js";

/** A sentence (or heading) the answer quotes verbatim, with where it is cited from. */
export interface Quote {
  doc: StoredDoc;
  /** Offsets in the report's text. */
  start: number;
  end: number;
  text: string;
  highlight: string | null;
  /** The passage it is cited from; null for a section heading (headings are not passages). */
  passage: { id: number; chunk: Chunk; score: number } | null;
  /** The paragraph; HEADER for the report's own title, publisher and date. */
  paragraph: number;
}

/** `e` as quoted, with the span that answers `q` highlighted. */
export function quoteOf(q: Question, e: Evidence): Quote {
  return {
    doc: e.doc,
    start: e.start,
    end: e.end,
    text: e.text,
    highlight: highlightOf(q, e.text),
    passage: { id: e.passage.id, chunk: e.passage.chunk, score: e.passage.score },
    paragraph: e.passage.chunk.paragraph,
  };
}

/** The paragraph number of a quote from a report's header: its title, publisher and date. */
export const HEADER = -1;

/** A report's header as one text: its title, publisher, date and credit lines, one per line. */
function headerOf(doc: StoredDoc): string {
  return [doc.title, doc.source, doc.date, ...(doc.credits ?? [])].filter((x): x is string => x !== null && x !== "").join("\n");
}

/** Credit roles a question may ask about a report (那篇报道的记者是谁, 登在哪个栏目). */
const CREDIT_ROLE = /栏目|编辑|记者|通讯员/;

/**
 * The credit line that answers a question about who wrote or edited a report, or its column: the line
 * naming the asked role (栏目:…, 责任编辑:…, 记者 丁小玲), else for its writers a line of names.
 */
function creditOf(doc: StoredDoc, question: string): string | null {
  const credits = doc.credits ?? [];
  const role = CREDIT_ROLE.exec(question)?.[0];
  const naming = role === undefined ? undefined : credits.find((c) => c.includes(role));
  if (naming !== undefined || role === "栏目" || role === "编辑") return naming ?? null;
  return credits.find((c) => c.split(/\s+/).every((name) => /^\p{Script=Han}{2,3}$/u.test(name) && looksLikePersonName(name))) ?? null;
}

/** What a question about the report itself asks, as its header states it; null when it does not. */
export function reportFact(doc: StoredDoc, q: Question): string | null {
  return q.aboutReport === "credit" ? creditOf(doc, q.text) : q.aboutReport === null ? null : doc[q.aboutReport];
}

/** `value` (the report's publisher, date or a credit line) quoted from its header, or null when the header lacks it. */
export function headerQuote(doc: StoredDoc, value: string | null): Quote | null {
  const at = value === null ? -1 : headerOf(doc).indexOf(value);
  return at < 0 ? null : { doc, start: at, end: at + value!.length, text: value!, highlight: value, passage: null, paragraph: HEADER };
}

export const NOT_FOUND_MESSAGE = "抱歉，在已收录的报告中没有找到与这个问题相关的内容。";
const EXAMPLE = "例如：江北新区有几家医疗机构开设了发热门诊？";
const UNSEARCHABLE_MESSAGES = {
  greeting: `你好！我可以根据已收录的各地卫生健康系统党建工作报告回答问题，回答都引用报告原文。请直接用中文提问，${EXAMPLE}`,
  not_chinese: `请用中文提问。我可以根据已收录的各地卫生健康系统党建工作报告回答问题，${EXAMPLE}`,
  no_content: `没有看懂这个问题。请问一个关于报告内容的具体问题，${EXAMPLE}`,
} as const;

function base(q: Question): Pick<Answer, "query" | "interpreted" | "subjects" | "subjectDocs" | "unsearchable"> {
  return { query: q.raw, interpreted: q.interpreted, subjects: q.subjects, subjectDocs: q.subjectDocs, unsearchable: q.unsearchable };
}

/** "Not found", naming the places the reports are not about when the question named some. */
export function notFound(q: Question): Answer {
  const message =
    q.unsearchable !== null
      ? UNSEARCHABLE_MESSAGES[q.unsearchable]
      : q.unknownPlaces.length > 0 && q.subjects.length === 0
        ? `抱歉，已收录的报告中没有关于${q.unknownPlaces.join("、")}的内容。`
        : NOT_FOUND_MESSAGE;
  return { ...base(q), status: "not_found", found: false, preface: null, answer: message, sentences: [], citations: [] };
}

/** What is said before the quotes: how a follow-up was read, and the caveat of a related answer. */
function prefaceOf(q: Question, status: AnswerStatus): string | null {
  if (status === "related") return `报告中没有直接说明“${q.interpreted ?? q.raw.trim()}”所问的内容，以下是最相关的原文：`;
  return q.interpreted === null ? null : `按“${q.interpreted}”回答：`;
}

/**
 * The citation a quote is shown under: its passage, for a section heading
 * (not part of any passage) the heading itself, or the report's header.
 */
function citationOf(quote: Quote, n: number): Citation {
  const { doc, passage } = quote;
  const header = headerOf(doc);
  const where = passage
    ? { section: passage.chunk.section, excerpt: passage.chunk.text, score: passage.score, paragraph: passage.chunk.paragraph, start: passage.chunk.start, end: passage.chunk.end }
    : quote.paragraph === HEADER
      ? { section: null, excerpt: header, score: 0, paragraph: HEADER, start: 0, end: header.length }
      : { section: quote.text, excerpt: quote.text, score: 0, paragraph: quote.paragraph, start: quote.start, end: quote.end };
  const context = doc.paragraphs.find((p) => p.index === where.paragraph)?.text ?? where.excerpt;
  return { n, docId: doc.id, title: doc.title, source: doc.source, date: doc.date, ...where, context, quotes: [] };
}

/** The answer made of `quotes`, in the order given. */
export function assemble(q: Question, status: Exclude<AnswerStatus, "not_found">, quotes: Quote[]): Answer {
  const citations: Citation[] = [];
  const byKey = new Map<string, Citation>();
  const sentences = quotes.map((quote) => {
    const key = quote.passage === null ? `h:${quote.doc.id}:${quote.paragraph}` : `p:${quote.passage.id}`;
    let citation = byKey.get(key);
    if (citation === undefined) {
      const n = citations.length + 1;
      citation = citationOf(quote, n);
      citations.push(citation);
      byKey.set(key, citation);
    }
    citation.quotes.push({ start: quote.start - citation.start, end: quote.end - citation.start });
    return { text: quote.text, citation: citation.n, highlight: quote.highlight };
  });
  for (const c of citations) c.quotes.sort((a, b) => a.start - b.start);
  const preface = prefaceOf(q, status);
  const body = sentences.map((s) => `${s.text}[${s.citation}]`).join(" ");
  return {
    ...base(q),
    status,
    found: status === "answered",
    preface,
    answer: preface === null ? body : `${preface}\n${body}`,
    sentences,
    citations,
  };
}
