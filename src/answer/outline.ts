/**
 * Reports in outline: an overview of a whole report (its lead sentence and
 * its sections) and a summary of one part of it (the part's first sentence
 * of content and what its items open with).
 */
import type { Paragraph } from "../types.js";
import type { StoredDoc } from "../index/store.js";
import { ORDINAL, TOPIC_MAX_CHARS, isHeadingSentence } from "../text/sentences.js";
import { normalizeText } from "../text/tokenize.js";
import type { Quote } from "./cite.js";
import { hasFigure } from "./figures.js";
import { NUMBERED_HEADING, headingQuote, namedSet, sectionHeadings, sentencesOf, type Locate, type Relevance, type SentenceSpan } from "./lists.js";
import type { Question } from "./question.js";
import { PARTS, PRACTICES, WHICH_OR_DONE } from "./wording.js";
import { MAX_OVERVIEW_SECTIONS, MAX_SECTION_QUOTES, MIN_TOPIC_LINES, SECTION_MATCH } from "./tuning.js";

/**
 * A report in outline: the lead sentence that names the subject, then its
 * numbered sections, or its section headings, or its paragraphs' topic lines.
 */
export function overviewQuotes(q: Question, doc: StoredDoc, locate: Locate): Quote[] {
  const prose = doc.paragraphs.filter((p) => !p.heading);
  const names = q.subjects.map((s) => normalizeText(s));
  const opening = prose.slice(0, 2).flatMap((p) => sentencesOf(p).map((s) => ({ p, s })));
  // The first sentence naming the most of the subjects: 江门市江海区卫生健康局…, not the dateline 江门讯.
  const named = (text: string) => names.filter((n) => normalizeText(text).includes(n)).length;
  const most = Math.max(0, ...opening.map(({ s }) => named(s.text)));
  const leadPick = (most > 0 ? opening.find(({ s }) => named(s.text) === most) : undefined) ?? opening[0];
  if (leadPick === undefined) return [];
  const leadPassage = locate(doc, leadPick.s.start, leadPick.s.end);
  if (leadPassage === null) return [];
  const lead: Quote = { doc, ...leadPick.s, highlight: null, passage: leadPassage, paragraph: leadPick.p.index };
  const outline = sections(doc);
  const headed = outline.length >= 2;
  const parts = headed ? outline.slice(0, MAX_OVERVIEW_SECTIONS).map((p) => headingQuote(doc, p)) : topicQuotes(doc, leadPick.p, locate);
  // 主要讲了哪几方面 asks for the parts: they lead, and the sentence that sums them up follows. So
  // does 四个抓手大概讲讲, asking about as many parts as there are. Asked which ones (讲了哪几项工作),
  // what was done (都搞了些啥) or for the practices (主要做法), the parts lead unless the lead
  // sentence names them itself.
  const askedForParts = PARTS.test(q.text) || namedSet(q.text)?.size === outline.length;
  const askedWhatWasDone = WHICH_OR_DONE.test(q.text) || (headed && PRACTICES.test(q.text));
  const partsLead = askedForParts || (askedWhatWasDone && !(headed && namesParts(lead.text, outline)));
  return partsLead && parts.length > 0 ? [...parts, lead] : [lead, ...parts];
}

/**
 * Whether a lead sentence names the report's sections: it counts them (突出四个抓手 over four
 * sections) or repeats the words of two or more (以悟思想为根本,以办实事为重点 over ◆悟思想, ◆办实事).
 */
function namesParts(lead: string, headings: Paragraph[]): boolean {
  if (namedSet(lead)?.size === headings.length) return true;
  return headings.filter((h) => trigrams(h.text).some((t) => lead.includes(t))).length >= 2;
}

/** Every three Han characters in a row: a short shared word (党建) says nothing, 悟思想 does. */
const trigrams = (text: string): string[] =>
  (text.match(/\p{Script=Han}{3,}/gu) ?? []).flatMap((run) => Array.from({ length: run.length - 2 }, (_, i) => run.slice(i, i + 3)));

/** The report's parts when it has no sections: its paragraphs' topic lines (after `lede`). */
function topicQuotes(doc: StoredDoc, lede: Paragraph, locate: Locate): Quote[] {
  return listedTopics(doc, lede).flatMap(({ p, first }) => {
    const passage = locate(doc, first.start, first.end);
    return passage === null ? [] : [{ doc, ...first, highlight: null, passage, paragraph: p.index }];
  });
}

/** The topic lines an overview of a report without sections lists as its parts: the one-clause ones when there are enough. */
function listedTopics(doc: StoredDoc, lede?: Paragraph): { p: Paragraph; first: SentenceSpan }[] {
  const topics = topicLines(doc).filter(({ p }) => p.index !== lede?.index);
  const titled = topics.filter(isTitled);
  return (titled.length >= MIN_TOPIC_LINES ? titled : topics).slice(0, MAX_OVERVIEW_SECTIONS);
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

/** The part an overview lists in place `n` (from 1): a section with what is under it, or a paragraph by its topic line. */
function partListedAt(doc: StoredDoc, n: number): Part | null {
  const outline = sections(doc);
  if (outline.length >= 2) return partsOf(doc).find((part) => part.title === outline[n - 1]?.text) ?? null;
  const topic = listedTopics(doc)[n - 1];
  return topic === undefined ? null : { title: topic.first.text, body: [topic.p], from: topic.first.start };
}

/**
 * A summary asked of one part of a report (南岸区在抓落实提质效上有什么经验？,
 * 介绍一下江北新区民政、残联、退役军人服务这块的工作) is answered from the part
 * whose title covers the question best: it leads with the part's first
 * sentence of content (an item heading or topic line with the sentence it
 * heads) and goes on with what its other items and paragraphs open with.
 * Null when no title covers the question to SECTION_MATCH. A part asked for by its place in the
 * report's outline (`at`: 那第二个方面具体是怎么做的 after an overview) is that part, all of it on topic.
 */
export function sectionQuotes(doc: StoredDoc, asked: Relevance, locate: Locate, at: number | null = null): Quote[] | null {
  const relevance: Relevance = at === null ? asked : () => 1;
  const best = at !== null ? partListedAt(doc, at) : partsOf(doc).reduce<Part | null>((a, part) => (a === null || relevance(part.title) > relevance(a.title) ? part : a), null);
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
  // A part that opens on its aims (推动“我为群众办实事”实践活动走深走实) leads with its first
  // on-topic sentence that gives a figure (集中梳理出“六大类224项”为民办实事项目) instead; one
  // that opens on a saying about nothing asked (求木之长者,必固其根本。) starts at its next opening.
  const factual = openings.findIndex((x, i) => i > 0 && relevance(x.text) > 0 && hasFigure(x.text));
  if (factual > 0 && !statesFact(openings[0]!.text, relevance)) openings.unshift(...openings.splice(factual, 1));
  else if (openings.length > 1 && relevance(openings[0]!.text) === 0 && !statesFact(openings[0]!.text, relevance)) openings.shift();
  const quotes = openings.slice(0, MAX_SECTION_QUOTES).flatMap((x): Quote[] => {
    const passage = locate(doc, x.start, x.end);
    const para = best.body.find((p) => p.start <= x.start && p.end >= x.end)!;
    return passage === null ? [] : [{ doc, ...x, highlight: null, passage, paragraph: para.index }];
  });
  return quotes.length > 0 ? quotes : null;
}

/**
 * Whether a sentence states a fact rather than an aim: a figure, a titled document
 * (《方案》) or a quoted name the question did not bring up (“卫健小课堂”).
 */
function statesFact(text: string, relevance: Relevance): boolean {
  return hasFigure(text) || text.includes("《") || [...text.matchAll(/“([^”]+)”/g)].some((m) => relevance(m[1]!) === 0);
}
