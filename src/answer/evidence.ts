/**
 * Evidence: the sentences of the best passages, each scored by how well it
 * answers the question. Scoring only reads; deciding and composing happen in
 * decide.ts and compose.ts.
 */
import type { Chunk, Span } from "../types.js";
import type { StoredDoc } from "../index/store.js";
import { ORDINAL, isHeadingSentence, refersBack, splitSentences } from "../text/sentences.js";
import { passageContext } from "../text/passage.js";
import { hanGrams, normalizeText, termUnits } from "../text/tokenize.js";
import { answersKind } from "./decide.js";
import { countsAskedNoun, hasFigure } from "./figures.js";
import { termForms, type Question } from "./question.js";
import type { RankedPassage } from "./retrieve.js";
import { isGenericVerb } from "./terms.js";
import { BORROWED_TERM_WEIGHT, GENERIC_VERB_WEIGHT, TOPIC_TERM_WEIGHT, WEIGHTS } from "./tuning.js";

/** A question term as matched: the units of each way it may be written (the term, then its official alternatives). */
export interface WeightedTerm {
  forms: string[][];
  weight: number;
}

/** A sentence of a retrieved passage, with offsets into its report. */
export interface Evidence {
  passage: RankedPassage;
  doc: StoredDoc;
  /** Offsets in the report's text. */
  start: number;
  end: number;
  text: string;
  score: number;
  /** Whether it holds the kind of thing asked for (see `answersKind`). */
  answers: boolean;
}

export interface EvidenceContext {
  docById: Map<string, StoredDoc>;
  /** Weight of a question term (inverse document frequency). */
  idf: (term: string) => number;
  /** Whether some passage has this unit (a Han bigram or a whole token). */
  seen: (unit: string) => boolean;
  /** How many passages have this unit. */
  passagesWith: (unit: string) => number;
}

/**
 * The question's weighted terms; subject terms are left to the report's
 * identity (see `passageCoverage`). A word no passage has (找到, 吃饭: the
 * user's own words for what the report says otherwise) would weigh the most
 * by IDF and outweigh every word the reports do have, the more so the larger
 * the corpus; it weighs as much as the rarest word that is in the reports.
 * A follow-up borrows its words from a question about another report
 * (那江海区呢？ after 义马确定了几名党员发展对象): a word the new subject's
 * reports never use is that report's wording, not what is asked, and weighs little.
 */
export function weightedTerms(q: Question, context: Pick<EvidenceContext, "idf" | "seen" | "docById">): { content: WeightedTerm[]; subject: WeightedTerm[] } {
  const attested = (t: string) => termUnits(t).some((u) => context.seen(u));
  const ceiling = Math.max(0, ...[...q.terms, ...q.subjects].filter(attested).map((t) => context.idf(t)));
  const used = q.interpreted === null ? null : subjectReportsUse(q, context);
  const weigh = (t: string): WeightedTerm => {
    const forms = termForms(q, t);
    // An everyday word the reports lack weighs as its official word does.
    const weighed = forms.find(attested);
    const weight = weighed !== undefined ? context.idf(weighed) : ceiling === 0 ? context.idf(t) : ceiling;
    const borrowed = used !== null && !used(t);
    const topical = q.topic.includes(t) ? TOPIC_TERM_WEIGHT : 1;
    return { forms: forms.map(termUnits), weight: weight * (isGenericVerb(t) ? GENERIC_VERB_WEIGHT : 1) * (borrowed ? BORROWED_TERM_WEIGHT : 1) * topical };
  };
  return { content: q.terms.map(weigh), subject: q.subjects.map(weigh) };
}

/** Whether the reports about `q`'s subjects use a term, as written or as one of its official words (true when it names none). */
export function subjectReportsUse(q: Question, context: Pick<EvidenceContext, "docById">): (term: string) => boolean {
  const texts = q.subjectDocs.flatMap((id) => {
    const doc = context.docById.get(id);
    return doc === undefined ? [] : [reportText(doc)];
  });
  const uses = (f: string) => termUnits(f).every((u) => texts.some((text) => text.includes(u)));
  return (t) => texts.length === 0 || termForms(q, t).some(uses);
}

/** A report's whole text, normalized once: follow-ups and their double reading ask it again and again. */
const reportTexts = new WeakMap<StoredDoc, string>();
function reportText(doc: StoredDoc): string {
  let text = reportTexts.get(doc);
  if (text === undefined) reportTexts.set(doc, (text = normalizeText(doc.paragraphs.map((p) => p.text).join("\n"))));
  return text;
}

/**
 * The question's key word: the most specific the reports have, the one that
 * weighs the most (九价/HPV in 徐州九价HPV疫苗接种了多少剂次), or for a yes/no
 * question the last, what it asks to confirm (星级党员…发奖金吗).
 */
export function keyTerm(terms: ReturnType<typeof weightedTerms>, seen: (unit: string) => boolean, pick: "rarest" | "last"): WeightedTerm | null {
  // What a yes/no question asks to confirm is its last word, whether or not the reports have it.
  if (pick === "last") return terms.content[terms.content.length - 1] ?? null;
  const attested = terms.content.filter((t) => t.forms.some((units) => units.some((u) => seen(u))));
  return attested.length === 0 ? null : attested.reduce((a, b) => (b.weight > a.weight ? b : a));
}

/**
 * Whether the passage's paragraph (`within: "paragraph"`) or the sentence
 * itself holds the question's key word. A passage without it may share every
 * other word and still not answer.
 */
export function holdsKeyTerm(
  terms: ReturnType<typeof weightedTerms>,
  evidence: Pick<Evidence, "passage" | "doc" | "text" | "start">,
  seen: (unit: string) => boolean,
  within: "paragraph" | "sentence",
  pick: "rarest" | "last" = "rarest",
): boolean {
  const key = keyTerm(terms, seen, pick);
  if (key === null) return true;
  if (within === "sentence") return termShare(key, normalizeText(evidence.text)) > 0;
  const { passage, doc } = evidence;
  // The whole paragraph: a passage may start just after the sentence that names it; and the sentence
  // a lead refers back to (《方案》通过… after 该局印制《…方案》(以下简称《方案》)), which may end the paragraph before.
  const paragraph = doc.paragraphs.find((p) => p.index === passage.chunk.paragraph)?.text ?? passage.chunk.text;
  let before: string | undefined;
  const prior = () => (before ??= sentenceBefore(doc, passage.chunk.paragraph, evidence.start));
  const antecedent = refersBack(evidence.text, prior) ? prior() : "";
  return termShare(key, normalizeText(`${passageContext(doc, passage.chunk)}\n${antecedent}\n${paragraph}`)) > 0;
}

/** Share of a term's bigrams present in `text`, for the form of it `text` has most of. */
export function termShare(term: WeightedTerm, text: string): number {
  return Math.max(...term.forms.map((units) => units.filter((u) => text.includes(u)).length / units.length));
}

/** Share of the terms' weight found in `text`; `partial` may credit a term met elsewhere. */
export function coverage(terms: WeightedTerm[], text: string, partial = (_t: WeightedTerm) => 0): number {
  let covered = 0;
  let total = 0;
  for (const term of terms) {
    covered += term.weight * Math.max(termShare(term, text), partial(term));
    total += term.weight;
  }
  return total === 0 ? 1 : covered / total;
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

/** Share of the question's three-character phrases that `text` repeats. */
export function phraseOverlap(question: string, text: string): number {
  const asked = [...trigrams(question)];
  const norm = normalizeText(text);
  return asked.length === 0 ? 0 : asked.filter((g) => norm.includes(g)).length / asked.length;
}

export function bigramSet(text: string): Set<string> {
  return new Set(hanGrams(normalizeText(text).replace(/[^\p{L}\p{N}]/gu, "")));
}

/** Words that report what someone said or judged: 表示, 提出, 强调, 认为. */
const SPEECH = /表示|提出|强调|指出|认为|称赞|评价|说[:：，,“]/;

/** Words that state how something is done: 通过…方式, 采取…措施, 建立…机制. */
const METHOD = /通过|采取|采用|方式|形式|举措|机制|推行|建立|具体来说|具体而言|具体做法|作为.{0,12}支撑/;

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

/**
 * How much of the question a passage covers: its content terms in the
 * passage and where it is from. The subject is covered by the report's
 * identity in a report about it; in any other report it must be in the text.
 */
export function passageCoverage(q: Question, terms: ReturnType<typeof weightedTerms>, passage: RankedPassage, doc: StoredDoc): number {
  const whole = normalizeText(`${passageContext(doc, passage.chunk)}\n${passage.chunk.text}`);
  return coverage(q.subjectDocs.includes(doc.id) ? terms.content : [...terms.content, ...terms.subject], whole);
}

/** Whether a report's paragraph is a photo caption (▲…), kept for the facts it states. */
function isCaption(doc: StoredDoc, paragraph: number): boolean {
  return doc.paragraphs.find((p) => p.index === paragraph)?.caption === true;
}

/** Index of a report's first prose paragraph. */
function lede(doc: StoredDoc): number {
  return doc.paragraphs.find((p) => !p.heading && !p.caption)?.index ?? -1;
}

/**
 * The units a passage is quoted in: its sentences, except that a heading
 * sentence (一是…。, a topic line) comes joined to the sentence it heads, so
 * it is quoted with its content. `body` is where the content starts: a
 * heading names a topic, it places the sentence as a section title does.
 */
function quotableSpans(chunk: Chunk, doc: StoredDoc): (Span & { body: number })[] {
  const spans = splitSentences(chunk.text);
  const paragraphStart = doc.paragraphs.find((p) => p.index === chunk.paragraph)?.start;
  const out: (Span & { body: number })[] = [];
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i]!;
    const next = spans[i + 1];
    const heads = next !== undefined && isHeadingSentence(chunk.text.slice(span.start, span.end), chunk.start + span.start === paragraphStart);
    out.push(heads ? { start: span.start, end: next.end, body: next.start } : { ...span, body: span.start });
  }
  return out;
}

/** Every sentence of the given passages, scored by `terms` (`weightedTerms(q)`); the same sentence from two overlapping passages appears once. */
export function gatherEvidence(
  q: Question,
  terms: ReturnType<typeof weightedTerms>,
  passages: { passage: RankedPassage; coverage: number }[],
  context: EvidenceContext,
): Evidence[] {
  const bestFused = passages[0]?.passage.score ?? 1;
  // A method (通过…, 以…为支撑) answers a how-question only in a sentence about its most specific word.
  const keyWord = q.asksHow ? keyTerm(terms, context.seen, "rarest") : null;
  const seen = new Set<string>();
  const out: Evidence[] = [];
  for (const { passage, coverage: passageCov } of passages) {
    const doc = context.docById.get(passage.chunk.docId)!;
    const origin = normalizeText(passageContext(doc, passage.chunk));
    const whole = `${origin}\n${normalizeText(passage.chunk.text)}`;
    // Where the passage stands in its report weighs every sentence of it alike: looked up once per passage.
    const ledePenalty = q.kind !== "overview" && passage.chunk.paragraph === lede(doc) ? WEIGHTS.lede : 0;
    const captionPenalty = q.asksHow && isCaption(doc, passage.chunk.paragraph) ? WEIGHTS.caption : 0;
    // The sentence opening the item a sentence is in (一是选派党员干部到兴苑社区…。在完成…的同时，…) places it as a section title does.
    let item = "";
    for (const span of quotableSpans(passage.chunk, doc)) {
      const text = passage.chunk.text.slice(span.start, span.end);
      const opensItem = ORDINAL.test(text);
      const itemOpening = opensItem ? "" : item;
      if (opensItem) item = normalizeText(text);
      const start = passage.chunk.start + span.start;
      const key = `${doc.id}:${start}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const norm = normalizeText(passage.chunk.text.slice(span.body, span.end));
      const where = `${origin}\n${normalizeText(passage.chunk.text.slice(span.start, span.body))}\n${itemOpening}`;
      // The sentence before is looked up only for a sentence that may refer back to it.
      let prior: string | undefined;
      const priorText = () => (prior ??= sentenceBefore(doc, passage.chunk.paragraph, start));
      const before = refersBack(text, priorText) ? normalizeText(priorText()) : "";
      const own = coverage(terms.content, norm, (t) =>
        Math.max(WEIGHTS.inContext * termShare(t, where), WEIGHTS.inPassage * termShare(t, whole), WEIGHTS.inAntecedent * termShare(t, before)),
      );
      const phrase = phraseOverlap(q.phrasing, text);
      const answers = answersKind(q, text);
      const score =
        own +
        WEIGHTS.phrase * phrase +
        WEIGHTS.passageCoverage * passageCov +
        WEIGHTS.rank * (passage.score / bestFused) +
        (answers ? WEIGHTS.answersKind : 0) +
        (countsAskedNoun(q, norm) ? WEIGHTS.countedNoun : 0) +
        (q.asksHow && METHOD.test(norm) && (keyWord === null || termShare(keyWord, `${where}\n${before}\n${norm}`) > 0) ? WEIGHTS.method : 0) +
        (q.asksView && SPEECH.test(norm) ? WEIGHTS.speech : 0) +
        (q.asksResults && hasFigure(norm) ? WEIGHTS.results : 0) -
        ledePenalty -
        captionPenalty +
        (q.focus !== null && norm.includes(q.focus) ? WEIGHTS.focus : 0);
      out.push({ passage, doc, start, end: passage.chunk.start + span.end, text, score, answers });
    }
  }
  return out.sort((a, b) => b.score - a.score || a.start - b.start);
}
