/**
 * Extractive answers. From the best passages, pick the few sentences that
 * answer the question, quote them verbatim and number their sources. Nothing
 * is written that a report does not say: when no passage covers enough of the
 * question, the answer is "not found".
 */
import type { Answer, AnswerSentence, Citation, Span } from "../types.js";
import type { StoredDoc } from "../index/store.js";
import { passageContext } from "../text/passage.js";
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
   * cover, or the answer is "not found". Calibrated with the hashed embedder on
   * the dev set, the repo's set and off-topic probes: answerable questions
   * scored 0.64 and up, off-topic ones (weather, other cities, mayors of
   * elsewhere) 0.43 and below. Default 0.5.
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

/** Measure words a count is given in (5家, 72个, 2.1万剂次, 近700名). */
const UNITS = "个家项名次场条人位所座台支处元剂张份户件例批岁";
const QUANTITY_QUESTION = new RegExp(`(?:多少|几)([${UNITS}])?|数量|比例|百分`);
const NUMBER = "(?:\\d+(?:\\.\\d+)?|[一二两三四五六七八九十百千万亿]+)[余多]?[十百千万亿]*";
const quantityIn = (unit: string): RegExp => new RegExp(`${NUMBER}${unit === "" ? `[${UNITS}%]` : unit}`);

/**
 * What kind of answer the question wants, read from its wording: a count (and
 * in which unit: 多少名 → 名), and the noun asked about when the question ends
 * on it ("…的目标是什么" → 目标).
 */
function questionShape(query: string): { quantity: RegExp | null; focus: string | null } {
  const q = QUANTITY_QUESTION.exec(query);
  const focus = /([\p{Script=Han}]{2})(?:是|有|为)?(?:什么|哪些|多少|是谁|谁)[？?。！!\s]*$/u.exec(normalizeText(query));
  return { quantity: q ? quantityIn(q[1] ?? "") : null, focus: focus?.[1] ?? null };
}

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

/** Han character trigrams: shared trigrams mean shared phrases, not just shared words. */
function trigrams(text: string): Set<string> {
  const out = new Set<string>();
  for (const run of normalizeText(text).match(/\p{Script=Han}+/gu) ?? []) {
    const chars = Array.from(run);
    for (let i = 0; i + 2 < chars.length; i++) out.add(chars[i]! + chars[i + 1]! + chars[i + 2]!);
  }
  return out;
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

/** A sentence opening with a demonstrative (这一项目, 该局, 此举) continues the one before. */
const ANAPHORA = /^[“"]?(这|该|此|其|上述|以上)/;

/** The sentence ending before `docStart`: earlier in the paragraph, or the last of the paragraph before. */
function sentenceBefore(doc: StoredDoc, paragraph: number, docStart: number): string {
  for (let p = paragraph; p >= 0 && p >= paragraph - 1; p--) {
    const para = doc.paragraphs[p];
    if (para === undefined || para.heading) return "";
    const prior = splitSentences(para.text, para.start).filter((s) => s.end <= docStart);
    const last = prior[prior.length - 1];
    if (last !== undefined) return para.text.slice(last.start - para.start, last.end - para.start);
  }
  return "";
}

export interface ComposeContext {
  docById: Map<string, StoredDoc>;
  /** Weight of a question term (inverse document frequency). */
  idf: (term: string) => number;
}

export function notFound(query: string): Answer {
  return { query, interpreted: null, status: "not_found", found: false, unsearchable: null, subjects: [], subjectDocs: [], preface: null, answer: NOT_FOUND_MESSAGE, sentences: [], citations: [] };
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

  // Per passage: where it is from (title, publisher, section), and that plus its text.
  const contexts = top.map((p) => normalizeText(passageContext(context.docById.get(p.chunk.docId)!, p.chunk)));
  const wholes = top.map((p, i) => `${contexts[i]}\n${normalizeText(p.chunk.text)}`);
  const passageCoverage = wholes.map((whole) => coverage(terms, whole));
  if (Math.max(...passageCoverage) < options.minCoverage) return notFound(query);

  const shape = questionShape(query);
  const queryTrigrams = [...trigrams(query)];
  const bestFused = top[0]!.score;
  const candidates: Candidate[] = [];
  top.forEach((passage, i) => {
    // A passage that barely touches the question contributes no sentences.
    if (passageCoverage[i]! < options.minCoverage) return;
    const doc = context.docById.get(passage.chunk.docId)!;
    for (const span of splitSentences(passage.chunk.text)) {
      const text = passage.chunk.text.slice(span.start, span.end);
      const norm = normalizeText(text);
      // Terms met only in the title or section, or elsewhere in the passage, count in part:
      // they place the sentence, they do not answer. A sentence opening with 这/该/此 refers
      // back, so the sentence before it counts nearly in full.
      const before = ANAPHORA.test(text) ? normalizeText(sentenceBefore(doc, passage.chunk.paragraph, passage.chunk.start + span.start)) : "";
      const own = coverage(terms, norm, (t) => {
        const share = (text: string) => t.grams.filter((g) => text.includes(g)).length / t.grams.length;
        return Math.max(0.5 * share(contexts[i]!), 0.3 * share(wholes[i]!), 0.8 * share(before));
      });
      // Phrase overlap: a sentence that repeats the question's wording (卫生健康党组织) beats one that scatters its words.
      const phrase = queryTrigrams.length === 0 ? 0 : queryTrigrams.filter((g) => norm.includes(g)).length / queryTrigrams.length;
      const score =
        own +
        0.3 * phrase +
        0.2 * passageCoverage[i]! +
        0.15 * (passage.score / bestFused) +
        (shape.quantity?.test(norm) ? 0.2 : 0) +
        (shape.focus !== null && norm.includes(shape.focus) ? 0.2 : 0);
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
        section: chunk.section,
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
    return { text: c.text, citation: citation.n, highlight: null };
  });
  for (const citation of citations) citation.quotes.sort((a, b) => a.start - b.start);

  return {
    query,
    interpreted: null,
    status: "answered",
    found: true,
    unsearchable: null,
    subjects: [],
    subjectDocs: [],
    preface: null,
    answer: sentences.map((s) => `${s.text}[${s.citation}]`).join(" "),
    sentences,
    citations,
  };
}
