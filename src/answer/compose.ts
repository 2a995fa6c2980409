/**
 * Extractive answers in the shape the question asks for. The lead sentence
 * holds the asked-for fact; a list comes back whole; an overview gives a
 * report's lead and its sections; a comparison gives one sentence per
 * report. Nothing is written that a report does not say, and an answer stays
 * inside one report unless the question compares several.
 */
import type { Answer, Chunk } from "../types.js";
import type { StoredDoc } from "../index/store.js";
import { assemble, headerQuote, notFound, quoteOf, reportFact, type Quote } from "./cite.js";
import { compareReports } from "./compare.js";
import { decideStatus, wantsSpan } from "./decide.js";
import { figureNearTerms } from "./figures.js";
import { chooseLead, leadAnswers } from "./lead.js";
import { PASSAGE_MIN_COVERAGE, PASSAGE_RANK_WEIGHT, SERIES_RELEVANCE } from "./tuning.js";
import { normalizeText } from "../text/tokenize.js";
import { bigramSet, coverage, gatherEvidence, passageCoverage, weightedTerms, type Evidence, type EvidenceContext } from "./evidence.js";
import { completeList, type Locate } from "./lists.js";
import { namesMembers } from "./members.js";
import { overviewQuotes, sectionQuotes } from "./outline.js";
import type { Question } from "./question.js";
import type { RankedPassage } from "./retrieve.js";
import { EVERY_REPORT } from "./wording.js";

export { NOT_FOUND_MESSAGE, notFound } from "./cite.js";

export interface ComposeOptions {
  /** How many top passages sentences are drawn from. Default 5. */
  passages: number;
  /** Most sentences in an answer to a how/what/list question (a whole list may add more). Default 3. */
  maxSentences: number;
  /** Most sentences in an answer to a fact question (a count, a name, a date, yes/no). Default 2. */
  maxFactSentences: number;
  /**
   * Least share (0–1) of the question's weighted terms the best passage must
   * cover to answer. Calibrated with the hashed embedder on the dev set, the
   * repo's set and off-topic probes: answerable questions scored 0.64 and up,
   * off-topic ones 0.43 and below. Default 0.5.
   */
  minCoverage: number;
  /** A sentence after the first must score at least this share of the first's score. Default 0.6. */
  secondaryRatio: number;
  /** Sentences whose bigram overlap (Jaccard) with a chosen one exceeds this are near-duplicates. Default 0.6. */
  duplicateSimilarity: number;
  /** Most reports a comparison answer quotes. Default 5. */
  maxReports: number;
}

export const DEFAULT_COMPOSE_OPTIONS: ComposeOptions = {
  passages: 5,
  maxSentences: 3,
  maxFactSentences: 2,
  minCoverage: 0.5,
  secondaryRatio: 0.6,
  duplicateSimilarity: 0.6,
  maxReports: 5,
};

export interface ComposeContext extends EvidenceContext {
  /** A report's passages in reading order, to cite a sentence outside the retrieved passages. */
  passagesOf: (docId: string) => { id: number; chunk: Chunk }[];
}

/** The passage that holds [start, end) of a report, preferring one already retrieved. */
function citablePassage(context: ComposeContext, ranked: RankedPassage[], doc: StoredDoc, start: number, end: number): Quote["passage"] {
  const holds = (c: Chunk) => c.docId === doc.id && c.start <= start && c.end >= end;
  const hit = ranked.find((p) => holds(p.chunk));
  if (hit) return { id: hit.id, chunk: hit.chunk, score: hit.score };
  const any = context.passagesOf(doc.id).find((p) => holds(p.chunk));
  return any ? { ...any, score: 0 } : null;
}

/** Picks up to `max` sentences: best first, no near-duplicates, none far below the best. */
function pick(candidates: Evidence[], max: number, options: ComposeOptions): Evidence[] {
  const chosen: Evidence[] = [];
  const grams: Set<string>[] = [];
  for (const c of candidates) {
    if (chosen.length >= max) break;
    if (chosen.length > 0 && c.score < options.secondaryRatio * chosen[0]!.score) break;
    const g = bigramSet(c.text);
    if (grams.some((o) => jaccard(g, o) > options.duplicateSimilarity)) continue;
    chosen.push(c);
    grams.push(g);
  }
  return chosen;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  const union = a.size + b.size - inter;
  return union === 0 ? 0 : inter / union;
}

/** The scored sentences an answer is made from, and how well the best passages cover the question. */
function collectEvidence(q: Question, ranked: RankedPassage[], context: ComposeContext, options: ComposeOptions) {
  // Weighing reads the reports a follow-up is about: once per question asked, not per passage.
  const terms = weightedTerms(q, context);
  // A comparison asking each subject its own thing weighs each report's passages by its own clause.
  const clauses = new Map(Object.entries(q.clauses).map(([docId, clause]) => {
    const asked: Question = { ...q, ...clause };
    return [docId, { asked, terms: weightedTerms(asked, context) }];
  }));
  const askedOf = (docId: string) => clauses.get(docId) ?? { asked: q, terms };
  const scoreOf = (passage: RankedPassage) => {
    const { asked, terms: own } = askedOf(passage.chunk.docId);
    return { passage, coverage: passageCoverage(asked, own, passage, context.docById.get(passage.chunk.docId)!) };
  };
  const scored = ranked.map(scoreOf);
  const gather = (passages: typeof scored): Evidence[] =>
    clauses.size === 0
      ? gatherEvidence(q, terms, passages, context)
      : [...new Set(passages.map((p) => p.passage.chunk.docId))]
          .flatMap((docId) => {
            const { asked, terms: own } = askedOf(docId);
            return gatherEvidence(asked, own, passages.filter((p) => p.passage.chunk.docId === docId), context);
          })
          .sort((a, b) => b.score - a.score || a.start - b.start);
  // Sentences come from the passages that cover the question best, retrieval rank breaking near-ties:
  // BM25 favours a passage repeating common words (党员干部 ×3) over one holding the rare word asked (监督).
  const bestFused = ranked[0]!.score;
  const rerank = (p: (typeof scored)[number]) => p.coverage + PASSAGE_RANK_WEIGHT * (p.passage.score / bestFused);
  const top = q.kind === "comparison" ? scored : [...scored].sort((a, b) => rerank(b) - rerank(a)).slice(0, options.passages);
  const bestCoverage = Math.max(...top.map((p) => p.coverage));
  // A passage that barely touches the question contributes no sentences; in a comparison, each
  // report's best passage does, since the question asks about every report it names.
  const bestOf = (docId: string) => (q.kind === "comparison" ? Math.max(...top.filter((p) => p.passage.chunk.docId === docId).map((p) => p.coverage)) : bestCoverage);
  let evidence = gather(top.filter((p) => p.coverage >= Math.min(PASSAGE_MIN_COVERAGE, bestOf(p.passage.chunk.docId))));
  // The figure, name or date may sit in a passage that shares few of the question's words
  // (该局党组书记张海明表示…): look through every retrieved passage for one.
  // In a comparison, so for each report it names or is answered from (南岸区和江海区的党委书记分别是谁:
  // 该局党组书记张海明表示…).
  const answered = new Set(evidence.filter((e) => e.answers).map((e) => e.doc.id));
  const compared = q.subjectDocs.length > 0 ? q.subjectDocs : [...new Set(ranked.map((p) => p.chunk.docId))];
  const unanswered = q.kind === "comparison" ? compared.filter((d) => !answered.has(d)) : [];
  if (wantsSpan(q) && answered.size === 0 && unanswered.length === 0) evidence = gather(scored);
  else if (wantsSpan(q) && unanswered.length > 0) {
    // Through every passage of those reports: the answer may be beyond the few retrieved for each.
    const all = unanswered.flatMap((docId) => context.passagesOf(docId).map(({ id, chunk }) => scoreOf({ id, chunk, score: 0 })));
    evidence = [...evidence.filter((e) => !unanswered.includes(e.doc.id)), ...gather(all)].sort((a, b) => b.score - a.score);
  }
  const coverageOf = (e: Evidence) => scored.find((p) => p.passage === e.passage)?.coverage ?? 0;
  return { terms, evidence, bestCoverage, coverageOf };
}

/** A sentence an answer quoted, by where it stands in its report. */
export interface QuotedSpan {
  docId: string;
  start: number;
  end: number;
}

/** Composes the answer to `q` from `ranked`; sentences in `shown` (the previous answer's, for 还有呢) are not quoted again. */
export function compose(q: Question, ranked: RankedPassage[], context: ComposeContext, options: ComposeOptions = DEFAULT_COMPOSE_OPTIONS, shown: QuotedSpan[] = []): Answer {
  if (q.unsearchable !== null || ranked.length === 0) return notFound(q);
  // 那篇报道是哪个网站发的, 谁写的: the report's own header answers; when it does not say, its title is the closest.
  const aboutReports = q.subjectDocs.length > 0 ? q.subjectDocs : EVERY_REPORT.test(q.text) ? [...context.docById.keys()] : [];
  if (q.aboutReport !== null && aboutReports.length > 0) {
    const docs = aboutReports.map((id) => context.docById.get(id)!);
    const stated = docs.map((doc) => headerQuote(doc, reportFact(doc, q)));
    const quotes = docs.flatMap((doc, i) => stated[i] ?? headerQuote(doc, doc.title) ?? []);
    return assemble(q, stated.every((quote) => quote !== null) ? "answered" : "related", quotes);
  }
  const collected = collectEvidence(q, ranked, context, options);
  const { terms, bestCoverage, coverageOf } = collected;
  const overlapsShown = (e: Evidence) => shown.some((s) => s.docId === e.doc.id && s.start < e.end && e.start < s.end);
  const evidence = collected.evidence.filter((e) => !overlapsShown(e));
  if (evidence.length === 0) return notFound(q);
  const locate: Locate = (doc, start, end) => citablePassage(context, ranked, doc, start, end);
  const relevance = (text: string) => coverage(terms.content, normalizeText(text));

  if (q.kind === "overview") {
    const quotes = overviewQuotes(q, evidence[0]!.doc, locate);
    if (quotes.length > 0) return assemble(q, "answered", quotes);
  }
  if (q.kind === "comparison") {
    // A figure compared across reports names no counted noun as often as not (各打了多少): it stands by what was asked.
    const states = (e: Evidence) => leadAnswers(q, e, terms, context) && (q.want !== "count" || q.counted !== null || figureNearTerms(q, e.text));
    return compareReports(q, evidence, bestCoverage, options, states);
  }
  // 南岸区在抓落实提质效上有什么经验？: a summary of one part of a report is that part, in outline;
  // so is the part an overview listed second when asked 那第二个方面具体是怎么做的.
  const byPlace = q.partAt !== null && q.subjectDocs.length === 1;
  const partDoc = byPlace ? context.docById.get(q.subjectDocs[0]!)! : evidence[0]!.doc;
  const part = (q.summarize || byPlace) && q.subjectDocs.length > 0 ? sectionQuotes(partDoc, relevance, locate, byPlace ? q.partAt : null) : null;
  if (part !== null) return assemble(q, "answered", part);

  const { lead, seen } = chooseLead(q, evidence);
  // The lead may come from below the top passages (see collectEvidence): its own passage's coverage counts too.
  const status = decideStatus(q, Math.max(bestCoverage, coverageOf(lead)), leadAnswers(q, lead, terms, context), options.minCoverage);
  if (status === "not_found") return notFound(q);
  // Stay inside the lead's report (a second report's sentence would mix two places' facts), and
  // stay on what the lead answers: 清廉品牌 wants the 清廉 item, not the 党建 and 服务 items beside it.
  const bar = SERIES_RELEVANCE * relevance(lead.text);
  const sameReport = evidence.filter((e) => e !== lead && !seen(e) && e.doc.id === lead.doc.id && relevance(e.text) >= bar);
  const max = status === "related" || wantsSpan(q) || q.kind === "yesno" || q.kind === "fact" ? options.maxFactSentences : options.maxSentences;
  const [, ...rest] = pick([lead, ...sameReport], max, options);
  rest.sort((a, b) => a.start - b.start);
  const quotes = completeList(
    q,
    [lead, ...rest].map((e) => quoteOf(q, e)),
    locate,
    relevance,
  );
  // The report's sections the question names (三个“硬”分别对应抓什么) lead when they are the answer: headings, cited as themselves.
  const namedSections = quotes[0]!.passage === null;
  return assemble(q, namedSections ? "answered" : status === "answered" && !namesMembers(q, quotes) ? "related" : status, quotes);
}
