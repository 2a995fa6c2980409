/**
 * Extractive answers. From the best passages, pick the few sentences that
 * answer the question, quote them verbatim and number their sources. Nothing
 * is written that a report does not say: when no passage covers enough of the
 * question, the answer is "not found".
 */
import type { Answer, AnswerSentence, Citation, Span } from "../types.js";
import type { StoredDoc } from "../index/store.js";
import { passageContext } from "../index/build.js";
import { hanGrams, normalizeText, questionTerms } from "../text/tokenize.js";
import { splitSentences } from "../text/sentences.js";
import type { RankedPassage } from "./retrieve.js";

export interface ComposeOptions {
  /** How many top passages sentences are drawn from. Default 5. */
  passages: number;
  /** Most sentences in an answer. Default 3. */
  maxSentences: number;
  /**
   * Least share (0–1) of the question's weighted terms the best passage must
   * cover, or the answer is "not found". Calibrated on the dev set: answerable
   * questions score ≥ 0.7 there, off-topic ones ≤ 0.35. Default 0.5.
   */
  minCoverage: number;
  /** A sentence after the first must score at least this share of the first's score. Default 0.6. */
  secondaryRatio: number;
  /** Sentences whose bigram overlap (Jaccard) with a chosen one exceeds this are near-duplicates. Default 0.6. */
  duplicateSimilarity: number;
}

export const DEFAULT_COMPOSE_OPTIONS: ComposeOptions = {
  passages: 5,
  maxSentences: 3,
  minCoverage: 0.5,
  secondaryRatio: 0.6,
  duplicateSimilarity: 0.6,
};

export const NOT_FOUND_MESSAGE = "抱歉，在已收录的报告中没有找到与这个问题相关的内容。";

/** A question asking for a count or amount prefers sentences that state one. */
const QUANTITY_QUESTION = /多少|几[个家项名次场条人位所座台]?|数量|比例|人次|百分/;
const HAS_QUANTITY = /\d|[一二两三四五六七八九十百千万亿]+[个家项名次场条人位所座台万亿]/;

interface WeightedTerm {
  grams: string[];
  weight: number;
}

/** Share of the terms' weight found in `text`; a term counts by the share of its bigrams present. */
function coverage(terms: WeightedTerm[], text: string, partial = (_t: WeightedTerm) => 0): number {
  let covered = 0;
  let total = 0;
  for (const term of terms) {
    const found = term.grams.filter((g) => text.includes(g)).length / term.grams.length;
    covered += term.weight * Math.max(found, partial(term));
    total += term.weight;
  }
  return total === 0 ? 0 : covered / total;
}

function bigramSet(text: string): Set<string> {
  return new Set(hanGrams(normalizeText(text).replace(/[^\p{L}\p{N}]/gu, "")));
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  const union = a.size + b.size - inter;
  return union === 0 ? 0 : inter / union;
}

interface Candidate {
  passage: RankedPassage;
  /** Span within the passage's text. */
  span: Span;
  text: string;
  score: number;
  /** Offset in the report: the same sentence from two overlapping passages is one sentence. */
  docStart: number;
}

export interface ComposeContext {
  docById: Map<string, StoredDoc>;
  /** Weight of a question term (inverse document frequency). */
  idf: (term: string) => number;
}

export function notFound(query: string): Answer {
  return { query, found: false, answer: NOT_FOUND_MESSAGE, sentences: [], citations: [] };
}

export function compose(
  query: string,
  ranked: RankedPassage[],
  context: ComposeContext,
  options: ComposeOptions = DEFAULT_COMPOSE_OPTIONS,
): Answer {
  const terms: WeightedTerm[] = questionTerms(query).map((t) => {
    const norm = normalizeText(t);
    return { grams: /^\p{Script=Han}+$/u.test(norm) ? hanGrams(norm) : [norm], weight: context.idf(t) };
  });
  const top = ranked.slice(0, options.passages);
  if (terms.length === 0 || top.length === 0) return notFound(query);

  const contexts = top.map((p) => normalizeText(passageContext(context.docById.get(p.chunk.docId)!, p.chunk)));
  const passageCoverage = top.map((p, i) => coverage(terms, `${contexts[i]}\n${normalizeText(p.chunk.text)}`));
  if (Math.max(...passageCoverage) < options.minCoverage) return notFound(query);

  const wantsQuantity = QUANTITY_QUESTION.test(query);
  const bestFused = top[0]!.score;
  const candidates: Candidate[] = [];
  top.forEach((passage, i) => {
    // A passage that barely touches the question contributes no sentences.
    if (passageCoverage[i]! < options.minCoverage) return;
    for (const span of splitSentences(passage.chunk.text)) {
      const text = passage.chunk.text.slice(span.start, span.end);
      const norm = normalizeText(text);
      // Terms met only in the title or section count half: they place the sentence, they do not answer.
      const own = coverage(terms, norm, (t) => 0.5 * (t.grams.filter((g) => contexts[i]!.includes(g)).length / t.grams.length));
      const score =
        own +
        0.2 * passageCoverage[i]! +
        0.15 * (passage.score / bestFused) +
        (wantsQuantity && HAS_QUANTITY.test(text) ? 0.1 : 0);
      candidates.push({ passage, span, text, score, docStart: passage.chunk.start + span.start });
    }
  });
  candidates.sort((a, b) => b.score - a.score);

  const chosen: Candidate[] = [];
  const chosenGrams: Set<string>[] = [];
  for (const c of candidates) {
    if (chosen.length >= options.maxSentences) break;
    if (chosen.length > 0 && c.score < options.secondaryRatio * chosen[0]!.score) break;
    const grams = bigramSet(c.text);
    const repeat = chosen.some((o, j) => (o.passage.chunk.docId === c.passage.chunk.docId && o.docStart === c.docStart) || jaccard(grams, chosenGrams[j]!) > options.duplicateSimilarity);
    if (repeat) continue;
    chosen.push(c);
    chosenGrams.push(grams);
  }
  if (chosen.length === 0) return notFound(query);

  // The best sentence leads (it is what a reader sees first); the rest follow in reading order.
  const [lead, ...rest] = chosen;
  const passageOrder = new Map(top.map((p, i) => [p.id, i]));
  rest.sort((a, b) => passageOrder.get(a.passage.id)! - passageOrder.get(b.passage.id)! || a.span.start - b.span.start);
  const ordered = [lead!, ...rest];

  const citations: Citation[] = [];
  const citationOf = new Map<number, Citation>();
  const sentences: AnswerSentence[] = ordered.map((c) => {
    let citation = citationOf.get(c.passage.id);
    if (!citation) {
      const { chunk } = c.passage;
      const doc = context.docById.get(chunk.docId)!;
      citation = {
        n: citations.length + 1,
        docId: doc.id,
        title: doc.title,
        source: doc.source,
        date: doc.date,
        excerpt: chunk.text,
        score: c.passage.score,
        paragraph: chunk.paragraph,
        start: chunk.start,
        end: chunk.end,
        context: doc.paragraphs[chunk.paragraph]?.text ?? chunk.text,
        quotes: [],
      };
      citations.push(citation);
      citationOf.set(c.passage.id, citation);
    }
    citation.quotes.push(c.span);
    return { text: c.text, citation: citation.n };
  });
  for (const citation of citations) citation.quotes.sort((a, b) => a.start - b.start);

  return {
    query,
    found: true,
    answer: sentences.map((s) => `${s.text}[${s.citation}]`).join(" "),
    sentences,
    citations,
  };
}
