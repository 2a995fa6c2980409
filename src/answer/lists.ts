/**
 * Whole lists. A list question gets every item, not the first and the last;
 * an item's heading sentence (一是…。) comes with the sentence it heads. The
 * helpers that read a report's sections are shared with outline.ts.
 */
import type { Paragraph } from "../types.js";
import type { StoredDoc } from "../index/store.js";
import { ANAPHORA, ORDINAL, isHeadingSentence, refersBack, splitSentences } from "../text/sentences.js";
import { normalizeText } from "../text/tokenize.js";
import type { Quote } from "./cite.js";
import { highlightOf } from "./decide.js";
import { phraseOverlap } from "./evidence.js";
import { numeralValue, ordinalBefore } from "./figures.js";
import type { Question } from "./question.js";
import { GENERIC_LEAD_IN_OVERLAP, LEAD_IN_MAX_CHARS, LEAD_IN_OVERLAP, MAX_LIST_ADDITIONS, SERIES_RELEVANCE } from "./tuning.js";

/** Finds the passage a quote of [start, end) of a report is cited from. */
export type Locate = (doc: StoredDoc, start: number, end: number) => Quote["passage"];

/** How much of the question a piece of text covers (0–1). */
export type Relevance = (text: string) => number;

export interface SentenceSpan {
  start: number;
  end: number;
  text: string;
}

/** A section heading that numbers the report's parts: 一、…, ◆…, 1. … */
export const NUMBERED_HEADING = /^(?:[一二三四五六七八九十]+[、.．]|◆|\d+[、.．])/;
/** The first item of a series (一是…, 首先…, 第一，…). */
const FIRST_ITEM = /^[“"]?(?:一是|首先|第一[，,、])/;
/** A sentence that ends on ；or ： goes on in the next one (a list inside one long sentence). */
const CONTINUES = /[；;：:][”"]?\s*$/;

/** "四个抓手" → 4 and the phrase itself: the set a question names, if it names one. */
export function namedSet(text: string): { size: number; phrase: string } | null {
  const m = /([一二两三四五六七八九十]|\d+)(?:个|大|项|条|方面)\p{Script=Han}{0,2}/u.exec(text);
  if (!m) return null;
  const n = m[1]!;
  return { size: numeralValue(n), phrase: m[0] };
}

/** The item of a series a question asks for (第二个是什么 → 2), or null. */
const askedItem = (text: string): number | null => ordinalBefore(text, /[个项条点]/);

/**
 * The report's sections, when they are the set the question names: those
 * whose headings carry the quoted word it names (三个“硬”), or its numbered
 * sections, as many as it says, introduced by name before the first of them
 * (突出四个抓手 in the lede; 四项监督, named inside section three, is not the outline).
 */
function namedSections(q: Question, doc: StoredDoc): Paragraph[] {
  if (q.kind !== "list" && q.kind !== "definition") return [];
  const set = namedSet(q.text);
  // 三个“硬”, 那几个“硬”分别指啥, “硬责任”“硬实力”各指什么: the sections whose headings carry the
  // quoted words, when there are as many as the question says, or several when it says no number.
  const words = [...q.text.matchAll(/“([^”]+)”/g)].map((m) => m[1]!);
  const carrying = sectionHeadings(doc).filter((p) => words.some((w) => p.text.includes(w)));
  if (set === null ? carrying.length >= 2 : carrying.length === set.size) return carrying;
  const numbered = sectionHeadings(doc).filter((p) => NUMBERED_HEADING.test(p.text));
  if (numbered.length === 0 || (set !== null && numbered.length !== set.size)) return [];
  const intro = doc.paragraphs.filter((p) => p.index < numbered[0]!.index).map((p) => normalizeText(p.text));
  // A count without its noun (哪四个“名”, after “四名工程”) names no set the intro could introduce.
  if (set !== null) return set.phrase.length > 2 && intro.some((t) => t.includes(set.phrase)) ? numbered : [];
  // 那几个抓手都是什么 points at a set without its number: the one the intro counts by that word (突出四个抓手).
  // 清廉医院建设有哪些抓手 asks about one matter's means, not about a set.
  const pointed = q.terms.filter((term) => /^\p{Script=Han}+$/u.test(term) && new RegExp(`[那这哪]几[个项条大]?${term}`, "u").test(q.text));
  const introduces = (t: string) =>
    pointed.some((term) => [...t.matchAll(new RegExp(`([一二两三四五六七八九十]|\\d+)(?:个|大|项|条)${term}`, "gu"))].some((m) => numeralValue(m[1]!) === numbered.length));
  return intro.some(introduces) ? numbered : [];
}

export function sentencesOf(para: Paragraph): SentenceSpan[] {
  return splitSentences(para.text, para.start).map((s) => ({ start: s.start, end: s.end, text: para.text.slice(s.start - para.start, s.end - para.start) }));
}

export function headingQuote(doc: StoredDoc, p: Paragraph): Quote {
  return { doc, start: p.start, end: p.end, text: p.text, highlight: null, passage: null, paragraph: p.index };
}

/** Headings that structure the report: after its first prose paragraph (a byline above it is not a section). */
export function sectionHeadings(doc: StoredDoc): Paragraph[] {
  const firstProse = doc.paragraphs.find((p) => !p.heading);
  return doc.paragraphs.filter((p) => p.heading && firstProse !== undefined && p.index > firstProse.index);
}

/** The sentences that complete the list `lead` starts, in the lead's paragraph. */
function listContinuation(q: Question, lead: Quote, sentences: SentenceSpan[], relevance: Relevance): SentenceSpan[] {
  // The lead may span a heading sentence and the one it heads: continue from its last sentence.
  const at = sentences.findIndex((s) => s.end === lead.end);
  if (at < 0) return [];
  const wantsList = q.kind === "list" || q.kind === "definition" || q.kind === "how";
  const added: SentenceSpan[] = [];
  // A list inside one sentence, its items ended by ；: take it to its 。.
  if (wantsList || /[：:]\s*$/.test(lead.text)) {
    for (let i = at; i + 1 < sentences.length && CONTINUES.test(sentences[i]!.text) && added.length < MAX_LIST_ADDITIONS; i++) added.push(sentences[i + 1]!);
  }
  // A series of items (一是…二是…): every item of the paragraph.
  if (wantsList && ORDINAL.test(lead.text)) {
    const bar = SERIES_RELEVANCE * relevance(lead.text);
    sentences.forEach((s, i) => {
      if (!ORDINAL.test(s.text) || (s.start >= lead.start && s.start < lead.end) || relevance(s.text) < bar || added.length >= MAX_LIST_ADDITIONS) return;
      // An item heading (二是严管党员。) comes with the sentence it heads.
      const next = sentences[i + 1];
      const heads = next !== undefined && next.start === s.end && !ORDINAL.test(next.text) && isHeadingSentence(s.text, false);
      added.push(heads ? { start: s.start, end: next.end, text: `${s.text}${next.text}` } : s);
    });
  }
  return added;
}

function headsParagraphItem(sentence: SentenceSpan, para: Paragraph): boolean {
  return isHeadingSentence(sentence.text, sentence.start === para.start);
}

/** What makes a sentence specific: a figure, a quoted or titled name, a count (5名, 三次, 超千万剂次). */
export const SPECIFIC = /\d|“|《|[一二两三四五六七八九十百千万亿]+[个名项次家场批剂人例]/;

/** `text` without the figures the question itself states: 5月20日,…组织开展形式多样的主题党日活动 says nothing specific to 5月20日的主题党日活动都做了些什么. */
const beyondQuestion = (q: Question, text: string): string => text.replace(/\d+/g, (n) => (q.text.includes(n) ? "" : n));

/**
 * A sentence that leads in to the next one, which says how: a short one that
 * mostly repeats a how-question (…积极参与预检分诊工作。), or that the next one
 * refers back to (…读书班开班。此次读书班…); or one of any length that only
 * restates what was asked in general words, when the next one is specific
 * (…积极做好发展党员工作…。经机关党委研究决定，将5名…确定为…); or one the items
 * of a series follow.
 */
function isLeadIn(q: Question, sentence: SentenceSpan, next: SentenceSpan | undefined): boolean {
  if (!q.asksHow) return false;
  // …组织开展形式多样的主题党日活动。一是…: a sentence the items of a series follow announces them; the items say how.
  if (next !== undefined && FIRST_ITEM.test(next.text)) return true;
  const overlap = phraseOverlap(q.text, sentence.text);
  if (next !== undefined && overlap >= GENERIC_LEAD_IN_OVERLAP && !SPECIFIC.test(beyondQuestion(q, sentence.text)) && SPECIFIC.test(next.text)) return true;
  if (q.kind !== "how" || Array.from(sentence.text).length > LEAD_IN_MAX_CHARS) return false;
  return overlap >= LEAD_IN_OVERLAP || (next !== undefined && refersBack(next.text, () => sentence.text));
}

/**
 * A heading sentence never stands alone, and an item's content never loses
 * its heading: 一是精准施教。扎实开展主题教育… is quoted as one.
 */
function withHeadedSentence(q: Question, quote: Quote, para: Paragraph, locate: Locate): Quote {
  const sentences = sentencesOf(para);
  const at = sentences.findIndex((s) => s.start === quote.start);
  if (at < 0) return quote;
  const prev = sentences[at - 1];
  // An item's heading comes with it; so does what a short sentence opening with 这 or 此 is about
  // (“…把人民群众生命安全和身体健康放在第一位…”这是卫健系统广大党员干部的共同心声。).
  const heads = prev !== undefined && ORDINAL.test(prev.text) && headsParagraphItem(prev, para);
  const refers = prev !== undefined && Array.from(sentences[at]!.text).length <= LEAD_IN_MAX_CHARS && ANAPHORA.test(sentences[at]!.text);
  const from = heads || refers ? at - 1 : at;
  // The quote's last sentence; a heading or a lead-in never ends it (two more at most).
  let to = Math.max(at, sentences.findIndex((s) => s.end >= quote.end));
  // Asked how, what was done or which there were, an item that opens on where it went (一是选派党员干部到兴苑社区参加主题党日活动。)
  // or what it held (二是组织青年党员志愿者开展主题党日活动。) goes on to the sentence after it, unless that is the next item.
  const opensItem = (i: number) => (q.asksHow || q.kind === "list") && ORDINAL.test(sentences[i]!.text) && sentences[i + 1] !== undefined && !ORDINAL.test(sentences[i + 1]!.text);
  const opens = (i: number) => (i === at && (headsParagraphItem(sentences[i]!, para) || opensItem(i))) || isLeadIn(q, sentences[i]!, sentences[i + 1]);
  while (to + 1 < sentences.length && to - at < 2 && opens(to)) to++;
  const span = { start: sentences[from]!.start, end: Math.max(quote.end, sentences[to]!.end) };
  if (span.start === quote.start && span.end === quote.end) return quote;
  const passage = locate(quote.doc, span.start, span.end);
  if (!passage) return quote;
  const text = para.text.slice(span.start - para.start, span.end - para.start);
  return { ...quote, ...span, text, passage, highlight: highlightOf(q, text) };
}

/**
 * The quotes with their lists completed. The lead stays first; what is added
 * follows in reading order.
 */
export function completeList(q: Question, quotes: Quote[], locate: Locate, relevance: Relevance): Quote[] {
  const first = quotes[0];
  if (first === undefined) return quotes;
  const para = first.doc.paragraphs.find((p) => p.index === first.paragraph);
  const lead = para ? withHeadedSentence(q, first, para, locate) : first;
  const rest = quotes.slice(1).filter((o) => o.doc.id !== lead.doc.id || o.start >= lead.end || o.end <= lead.start);
  const has = (start: number) => lead.start === start || rest.some((o) => o.doc.id === lead.doc.id && o.start === start);
  for (const s of para ? listContinuation(q, lead, sentencesOf(para), relevance).filter((s) => s.start >= lead.end || s.end <= lead.start) : []) {
    const passage = locate(lead.doc, s.start, s.end);
    if (passage !== null && !has(s.start)) rest.push({ doc: lead.doc, start: s.start, end: s.end, text: s.text, highlight: null, passage, paragraph: lead.paragraph });
  }
  rest.sort((a, b) => (a.doc.id === b.doc.id ? a.start - b.start : 0));
  // 南岸区的四个抓手是什么？ — the four numbered sections of the report are the answer: they
  // lead, and the sentence that introduced them (突出四个抓手) follows.
  const sections = namedSections(q, lead.doc);
  if (sections.length > 0) {
    // 四个抓手，第二个是什么: the item asked leads.
    const asked = askedItem(q.text);
    const ordered = asked !== null && asked <= sections.length ? [sections[asked - 1]!, ...sections.filter((_, i) => i !== asked - 1)] : sections;
    return [...ordered.map((p) => headingQuote(lead.doc, p)), lead];
  }
  return [lead, ...rest];
}
