/**
 * Whole lists and report outlines. A list question gets every item, not the
 * first and the last; an item's heading sentence (一是…。) comes with the
 * sentence it heads; an overview gets the report's lead sentence and its
 * section headings.
 */
import type { Paragraph } from "../types.js";
import type { StoredDoc } from "../index/store.js";
import { ANAPHORA, ORDINAL, TOPIC_MAX_CHARS, isHeadingSentence, splitSentences } from "../text/sentences.js";
import { normalizeText } from "../text/tokenize.js";
import type { Quote } from "./cite.js";
import { highlightOf } from "./decide.js";
import { phraseOverlap } from "./evidence.js";
import type { Question } from "./question.js";
import { LEAD_IN_MAX_CHARS, LEAD_IN_OVERLAP, MAX_LIST_ADDITIONS, MAX_OVERVIEW_SECTIONS, MAX_SECTION_QUOTES, MIN_TOPIC_LINES, SECTION_MATCH, SERIES_RELEVANCE } from "./tuning.js";

/** Finds the passage a quote of [start, end) of a report is cited from. */
export type Locate = (doc: StoredDoc, start: number, end: number) => Quote["passage"];

/** How much of the question a piece of text covers (0–1). */
export type Relevance = (text: string) => number;

interface SentenceSpan {
  start: number;
  end: number;
  text: string;
}

/** A section heading that numbers the report's parts: 一、…, ◆…, 1. … */
const NUMBERED_HEADING = /^(?:[一二三四五六七八九十]+[、.．]|◆|\d+[、.．])/;
/** A sentence that ends on ；or ： goes on in the next one (a list inside one long sentence). */
const CONTINUES = /[；;：:][”"]?\s*$/;
const CHINESE_DIGITS = "一二三四五六七八九十";

/** "四个抓手" → 4 and the phrase itself: the set a question names, if it names one. */
function namedSet(text: string): { size: number; phrase: string } | null {
  const m = /([一二两三四五六七八九十]|\d+)(?:个|大|项|条|方面)\p{Script=Han}{0,2}/u.exec(text);
  if (!m) return null;
  const n = m[1]!;
  return { size: /\d/.test(n) ? Number(n) : n === "两" ? 2 : CHINESE_DIGITS.indexOf(n) + 1, phrase: m[0] };
}

/**
 * The report's numbered sections, when they are the set the question names:
 * as many as it says, introduced by name before the first of them (突出四个抓手
 * in the lede; 四项监督, named inside section three, is not the outline).
 */
function namedSections(q: Question, doc: StoredDoc): Paragraph[] {
  const set = q.kind === "list" ? namedSet(q.text) : null;
  const numbered = sectionHeadings(doc).filter((p) => NUMBERED_HEADING.test(p.text));
  if (set === null || numbered.length !== set.size) return [];
  const intro = doc.paragraphs.filter((p) => p.index < numbered[0]!.index).map((p) => normalizeText(p.text));
  return intro.some((t) => t.includes(set.phrase)) ? numbered : [];
}

export function sentencesOf(para: Paragraph): SentenceSpan[] {
  return splitSentences(para.text, para.start).map((s) => ({ start: s.start, end: s.end, text: para.text.slice(s.start - para.start, s.end - para.start) }));
}

function headingQuote(doc: StoredDoc, p: Paragraph): Quote {
  return { doc, start: p.start, end: p.end, text: p.text, highlight: null, passage: null, paragraph: p.index };
}

/** Headings that structure the report: after its first prose paragraph (a byline above it is not a section). */
function sectionHeadings(doc: StoredDoc): Paragraph[] {
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
    for (const s of sentences) {
      if (ORDINAL.test(s.text) && (s.start < lead.start || s.start >= lead.end) && relevance(s.text) >= bar && added.length < MAX_LIST_ADDITIONS) added.push(s);
    }
  }
  return added;
}

function headsParagraphItem(sentence: SentenceSpan, para: Paragraph): boolean {
  return isHeadingSentence(sentence.text, sentence.start === para.start);
}

/**
 * A short sentence that mostly repeats a how-question (…积极参与预检分诊工作。),
 * or that the next one refers back to (…读书班开班。此次读书班…), leads in to
 * the one after it, which says how.
 */
function isLeadIn(q: Question, sentence: SentenceSpan, next: SentenceSpan | undefined): boolean {
  if (q.kind !== "how" || Array.from(sentence.text).length > LEAD_IN_MAX_CHARS) return false;
  return phraseOverlap(q.text, sentence.text) >= LEAD_IN_OVERLAP || (next !== undefined && ANAPHORA.test(next.text));
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
  const from = prev !== undefined && ORDINAL.test(prev.text) && headsParagraphItem(prev, para) ? at - 1 : at;
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
  if (sections.length > 0) return [...sections.map((p) => headingQuote(lead.doc, p)), lead];
  return [lead, ...rest];
}

/**
 * A report in outline: the lead sentence that names the subject, then its
 * numbered sections, or its section headings, or its paragraphs' topic lines.
 */
export function overviewQuotes(q: Question, doc: StoredDoc, locate: Locate): Quote[] {
  const prose = doc.paragraphs.filter((p) => !p.heading);
  const names = q.subjects.map((s) => normalizeText(s));
  const opening = prose.slice(0, 2).flatMap((p) => sentencesOf(p).map((s) => ({ p, s })));
  const leadPick = opening.find(({ s }) => names.some((n) => normalizeText(s.text).includes(n))) ?? opening[0];
  if (leadPick === undefined) return [];
  const leadPassage = locate(doc, leadPick.s.start, leadPick.s.end);
  if (leadPassage === null) return [];
  const quotes: Quote[] = [{ doc, ...leadPick.s, highlight: null, passage: leadPassage, paragraph: leadPick.p.index }];

  const outline = sections(doc);
  if (outline.length >= 2) return [...quotes, ...outline.slice(0, MAX_OVERVIEW_SECTIONS).map((p) => headingQuote(doc, p))];
  const topics = topicLines(doc).filter(({ p }) => p.index !== leadPick.p.index);
  const titled = topics.filter(isTitled);
  for (const { p, first } of (titled.length >= MIN_TOPIC_LINES ? titled : topics).slice(0, MAX_OVERVIEW_SECTIONS)) {
    const passage = locate(doc, first.start, first.end);
    if (passage !== null) quotes.push({ doc, ...first, highlight: null, passage, paragraph: p.index });
  }
  return quotes;
}

/** Paragraphs after the first whose first sentence is short enough to be their topic line (机关党建工作常抓不懈。). */
function topicLines(doc: StoredDoc): { p: Paragraph; first: SentenceSpan }[] {
  return doc.paragraphs
    .filter((p) => !p.heading)
    .slice(1)
    .flatMap((p) => {
      const first = sentencesOf(p)[0];
      return first !== undefined && Array.from(first.text).length <= TOPIC_MAX_CHARS ? [{ p, first }] : [];
    });
}

/** A one-clause topic line (党风廉政建设巩固提升。); a rhetorical opening (一心向党,全意为民。) is none. */
const isTitled = ({ first }: { first: SentenceSpan }): boolean => !/[，,；;]/.test(first.text);

/**
 * The headings that divide a report into sections: its numbered ones; else
 * its unnumbered ones, unless three or more paragraphs open with their own
 * one-clause topic lines: then the short lines between them are photo
 * captions (重温入党誓词), not sections.
 */
function sections(doc: StoredDoc): Paragraph[] {
  const headings = sectionHeadings(doc);
  const numbered = headings.filter((p) => NUMBERED_HEADING.test(p.text));
  if (numbered.length >= 2) return numbered;
  return topicLines(doc).filter(isTitled).length >= MIN_TOPIC_LINES ? [] : headings;
}

/** A part of a report a summary may ask about: its title, the paragraphs under it, and where its content starts. */
interface Part {
  title: string;
  body: Paragraph[];
  from: number;
}

/** The report's parts: each section with the paragraphs under it, and each paragraph that opens with a topic line. */
function partsOf(doc: StoredDoc): Part[] {
  const headings = sections(doc);
  const prose = doc.paragraphs.filter((p) => !p.heading && !p.caption);
  const underHeadings = headings.map((h, i) => {
    const body = prose.filter((p) => p.index > h.index && p.index < (headings[i + 1]?.index ?? Infinity));
    return { title: h.text, body, from: body[0]?.start ?? h.end };
  });
  const topics = prose.flatMap((p) => {
    const first = sentencesOf(p)[0];
    return first !== undefined && isHeadingSentence(first.text, true) ? [{ title: first.text, body: [p], from: first.start }] : [];
  });
  return [...underHeadings, ...topics].filter((part) => part.body.length > 0);
}

/**
 * A summary asked of one part of a report (南岸区在抓落实提质效上有什么经验？,
 * 介绍一下江北新区民政、残联、退役军人服务这块的工作) is answered from the part
 * whose title covers the question best: it leads with the part's first
 * sentence of content (an item heading or topic line with the sentence it
 * heads) and goes on with what its other items and paragraphs open with.
 * Null when no title covers the question to SECTION_MATCH.
 */
export function sectionQuotes(doc: StoredDoc, relevance: Relevance, locate: Locate): Quote[] | null {
  const best = partsOf(doc).reduce<Part | null>((a, part) => (a === null || relevance(part.title) > relevance(a.title) ? part : a), null);
  if (best === null || relevance(best.title) < SECTION_MATCH) return null;
  const openings: SentenceSpan[] = [];
  for (const p of best.body) {
    let sentences = sentencesOf(p).filter((x) => x.start >= best.from);
    // A rhetorical opening (红色基因代代传，…) gives way to the first sentence about the question.
    const onTopic = sentences.findIndex((x) => relevance(x.text) > 0);
    if (p === best.body[0] && onTopic > 0 && !isHeadingSentence(sentences[0]!.text, true)) sentences = sentences.slice(onTopic);
    const [first, second] = sentences;
    if (first === undefined) continue;
    const heads = second !== undefined && isHeadingSentence(first.text, first.start === p.start);
    openings.push(heads ? { start: first.start, end: second.end, text: p.text.slice(first.start - p.start, second.end - p.start) } : first);
    // The other items of a series in the paragraph, by their heading sentences (二是坚持资源统筹推重点。).
    openings.push(...sentences.filter((x) => x.start >= openings[openings.length - 1]!.end && ORDINAL.test(x.text)));
  }
  const quotes = openings.slice(0, MAX_SECTION_QUOTES).flatMap((x): Quote[] => {
    const passage = locate(doc, x.start, x.end);
    const para = best.body.find((p) => p.start <= x.start && p.end >= x.end)!;
    return passage === null ? [] : [{ doc, ...x, highlight: null, passage, paragraph: para.index }];
  });
  return quotes.length > 0 ? quotes : null;
}
