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
import { near } from "./figures.js";
import { phraseOverlap } from "./evidence.js";
import type { Question } from "./question.js";
import { MEASURE_WORDS } from "./terms.js";
import { COUNTED_NOUN_WINDOW, GENERIC_LEAD_IN_OVERLAP, LEAD_IN_MAX_CHARS, LEAD_IN_OVERLAP, MAX_LIST_ADDITIONS, SERIES_RELEVANCE } from "./tuning.js";

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
/** A sentence that ends on ；or ： goes on in the next one (a list inside one long sentence). */
const CONTINUES = /[；;：:][”"]?\s*$/;
const CHINESE_DIGITS = "一二三四五六七八九十";

/** "四个抓手" → 4 and the phrase itself: the set a question names, if it names one. */
export function namedSet(text: string): { size: number; phrase: string } | null {
  const m = /([一二两三四五六七八九十]|\d+)(?:个|大|项|条|方面)\p{Script=Han}{0,2}/u.exec(text);
  if (!m) return null;
  const n = m[1]!;
  return { size: numeralValue(n), phrase: m[0] };
}

/** The value of a one-character Chinese numeral or a run of digits: 四 → 4, 两 → 2, 12 → 12. */
const numeralValue = (n: string): number => (/\d/.test(n) ? Number(n) : n === "两" ? 2 : CHINESE_DIGITS.indexOf(n) + 1);

/** The item of a series a question asks for (第二个是什么 → 2), or null. */
function askedItem(text: string): number | null {
  const n = /第([一二三四五六七八九十]|\d+)[个项条点]/.exec(text)?.[1];
  return n === undefined ? null : numeralValue(n);
}

/** A set the question counts (那5家医疗机构, 20项…清单, 四个抓手); 第二期 is one of a series, not a set. */
const COUNTED_SET = new RegExp(`(?<![第\\d])(?:\\d+|[一二两三四五六七八九十]+)[${MEASURE_WORDS}]`, "u");

/** Whether a list question asks for the members of a set it counts (那5家医疗机构分别是哪几家, 20项…清单都有哪些). */
function asksMembers(q: Question): boolean {
  const set = COUNTED_SET.exec(q.text);
  if (q.kind !== "list" || set === null) return false;
  // 那两家公立医院补上哪些规章 asks for rules, not for the two hospitals: what 哪些 asks for must be the set's noun.
  // 那5家发热门诊是哪几家医院 counts the same things in the same measure word: they are the set's members.
  const rest = q.text.slice(set.index);
  const which = new RegExp(`(?:哪些|哪[几两三四五六七八九十]([${MEASURE_WORDS}])?|分别是|叫什么|都有|包括)(\\p{Script=Han}{2})?`, "u").exec(rest);
  const noun = which?.[2];
  const sameMeasure = which?.[1] !== undefined && set[0].endsWith(which[1]);
  // 5名党员分别来自哪些单位, 3次活动，分别去了哪些地方: what is asked of each member names them.
  const ofEach = which !== null && /分别|各自/.test(rest.slice(0, which.index));
  return which !== null && (ofEach || sameMeasure || noun === undefined || /^[哪什啥名]/.test(noun) || rest.slice(0, which.index).includes(noun));
}

/** What refers back to the items just listed, before their count: 这5个, 上述3家. */
const SUMS_UP = /(?:这|上述|以上|前述)$/;
/** What ends the counted noun in a question: what it asks of the set (4个党组织|分别是哪几个). */
const ASKS_OF_SET = /分别|都|各|是|有|包括|叫|具体|哪|什么|啥|来自|在/;

/**
 * Where in `quotes` the set's members can be named: from the clause that states its count by its
 * noun on (江北新区先后落户了…、…等5个医疗建设项目), or from its sentence's start when the count sums
 * up what it listed (…先后落户江北新区,…这5个建设项目), when a quote states it. What is listed
 * before, in the clause or in the report, or counted alike of another noun (长效固化四个方面 for
 * 4个党组织), is something else.
 */
function afterCount(q: Question, set: RegExpExecArray, quotes: Quote[]): Quote[] {
  const size = numeralValue(set[0].slice(0, -1));
  const rest = q.text.slice(set.index + set[0].length);
  const noun = rest.slice(0, ASKS_OF_SET.exec(rest)?.index ?? rest.length);
  const nounWords = Array.from({ length: Math.max(0, noun.length - 1) }, (_, i) => noun.slice(i, i + 2));
  const count = new RegExp(`(?:\\d+|[${CHINESE_DIGITS}两]+)${set[0].slice(-1)}`, "gu");
  const stating = (text: string) =>
    [...text.matchAll(count)].find((m) => numeralValue(m[0].slice(0, -1)) === size && (nounWords.length === 0 || near(text, m.index, m[0].length, nounWords, COUNTED_NOUN_WINDOW)));
  const counting = quotes.find((quote) => stating(quote.text) !== undefined);
  if (counting === undefined) return quotes;
  const { text } = counting;
  const stated = stating(text)!;
  const ends = SUMS_UP.test(text.slice(0, stated.index)) ? "。" : "，,；;。";
  const clauseStart = Math.max(...[...ends].map((p) => text.lastIndexOf(p, stated.index))) + 1;
  // The sentences after it in its report may go on with the list (一是…, 二是…); those before it do not.
  const following = quotes.filter((quote) => quote.doc.id === counting.doc.id && quote.start > counting.start);
  return [{ ...counting, text: text.slice(clauseStart) }, ...following];
}

/** How many items `quotes` name beyond what `q` says: series items, headings, names in a series or in quotes. */
function itemsNamed(q: Question, quotes: Quote[]): number {
  let items = 0;
  for (const { text, doc, paragraph } of quotes) {
    // An item of a series (一是…, 一、…), a section heading, or an item of a list whose items end in ；.
    if (ORDINAL.test(text) || NUMBERED_HEADING.test(text) || /[；;]\s*$/.test(text) || doc.paragraphs[paragraph]?.heading === true) items++;
    // A series of three names or more (中大医院新院区、省肿瘤医院江北新院区、…); two may be two verbs
    // (办实事、解难题), and 居家养老服务中心72个、助餐点72家 counts things instead of naming them.
    // What follows 等 sums the list up (…、志愿服务站等3个服务阵地): it names no item.
    for (const clause of text.split(/[，,；;。：:]/)) {
      const parts = clause.replace(/等[^、]*$/, "").split("、");
      if (parts.length >= 3 && parts.every((part) => !/\d/.test(part))) items += parts.length;
    }
    items += (text.match(/“[^”]{2,20}”|《[^》]{2,30}》/g) ?? []).filter((name) => !q.terms.some((t) => name.includes(t))).length;
  }
  return items;
}

/**
 * Whether `quotes` name the members of the set a list question counts: two
 * items at least. A sentence that only restates the count (5家医疗机构开设了发热门诊)
 * does not. Questions that ask for no set's members are not held to it.
 */
export function namesMembers(q: Question, quotes: Quote[]): boolean {
  const set = asksMembers(q) ? COUNTED_SET.exec(q.text) : null;
  return set === null || itemsNamed(q, afterCount(q, set, quotes)) >= 2;
}

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
  if (set === null) return carrying.length >= 2 ? carrying : [];
  if (carrying.length === set.size) return carrying;
  const numbered = sectionHeadings(doc).filter((p) => NUMBERED_HEADING.test(p.text));
  if (numbered.length !== set.size) return [];
  const intro = doc.paragraphs.filter((p) => p.index < numbered[0]!.index).map((p) => normalizeText(p.text));
  return intro.some((t) => t.includes(set.phrase)) ? numbered : [];
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

/** What makes a sentence specific: a figure, a quoted or titled name, a count (5名, 三次). */
export const SPECIFIC = /\d|“|《|[一二两三四五六七八九十]+[个名项次家场批]/;

/**
 * A sentence that leads in to the next one, which says how: a short one that
 * mostly repeats a how-question (…积极参与预检分诊工作。), or that the next one
 * refers back to (…读书班开班。此次读书班…); or one of any length that only
 * restates what was asked in general words, when the next one is specific
 * (…积极做好发展党员工作…。经机关党委研究决定，将5名…确定为…).
 */
function isLeadIn(q: Question, sentence: SentenceSpan, next: SentenceSpan | undefined): boolean {
  if (!q.asksHow) return false;
  const overlap = phraseOverlap(q.text, sentence.text);
  if (next !== undefined && overlap >= GENERIC_LEAD_IN_OVERLAP && !SPECIFIC.test(sentence.text) && SPECIFIC.test(next.text)) return true;
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
  const opens = (i: number) => (i === at && headsParagraphItem(sentences[i]!, para)) || isLeadIn(q, sentences[i]!, sentences[i + 1]);
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
