/**
 * Measures answer quality on a gold set: does a cited excerpt hold the
 * expected text (Recall@k, MRR), does the first answer sentence (Answer@1),
 * does the whole answer hold every expected string (Complete: what an overview,
 * list or comparison is judged by, since its headings or reports follow the lead),
 * are unanswerable questions kept from a confident answer (no-answer
 * accuracy), overall and for each kind of question.
 */
import { readFile } from "node:fs/promises";
import { z } from "zod";
import type { Answer, AnswerStatus, AskContext } from "./types.js";

const goldLine = z.object({
  q: z.string().min(1),
  expect: z.array(z.string()),
  answerable: z.boolean().optional(),
  /** The report that answers it; `docs` when several do (comparisons). */
  doc: z.string().optional(),
  docs: z.array(z.string()).optional(),
  /** fact-number, follow-up, unanswerable-on-topic, …: figures are also given per kind. */
  kind: z.string().optional(),
  /** The conversation's previous question, for follow-ups. */
  previous: z.string().optional(),
});
export type GoldQuestion = z.infer<typeof goldLine>;

export async function readGoldSet(file: string): Promise<GoldQuestion[]> {
  const lines = (await readFile(file, "utf8")).split("\n");
  const out: GoldQuestion[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === "") return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      throw new Error(`${file}:${i + 1} is not valid JSON`);
    }
    const result = goldLine.safeParse(parsed);
    if (!result.success) throw new Error(`${file}:${i + 1}: expected {"q", "expect": [...], "answerable"?}: ${result.error.issues[0]?.message}`);
    out.push(result.data);
  });
  return out;
}

/** Gold strings and report text are compared after NFKC and without whitespace. */
export function normalizeForMatch(text: string): string {
  return text.normalize("NFKC").replace(/\s+/g, "");
}

function holdsExpected(text: string, expect: string[]): boolean {
  const norm = normalizeForMatch(text);
  return expect.some((e) => norm.includes(normalizeForMatch(e)));
}

export interface QuestionResult {
  q: string;
  kind: string;
  answerable: boolean;
  status: AnswerStatus;
  /** Characters of the answer text (preface included). */
  length: number;
  /** 1-based rank of the first citation holding an expected string; null if none. */
  hitRank: number | null;
  answerAt1: boolean;
  /** Every expected string is somewhere in the answer's sentences. */
  complete: boolean;
  firstSentence: string;
}

export function judge(gold: GoldQuestion, answer: Answer): QuestionResult {
  const answerable = gold.answerable !== false;
  const idx = answer.citations.findIndex((c) => holdsExpected(c.excerpt, gold.expect));
  const firstSentence = answer.sentences[0]?.text ?? "";
  const whole = answer.sentences.map((s) => s.text).join("");
  return {
    q: gold.q,
    kind: gold.kind ?? (answerable ? "answerable" : "unanswerable"),
    answerable,
    status: answer.status,
    length: answer.status === "not_found" ? 0 : Array.from(answer.answer).length,
    hitRank: idx === -1 ? null : idx + 1,
    answerAt1: answerable && holdsExpected(firstSentence, gold.expect),
    complete: answerable && answer.status !== "not_found" && gold.expect.every((e) => holdsExpected(whole, [e])),
    firstSentence,
  };
}

export interface EvalMetrics {
  questions: number;
  answerable: number;
  unanswerable: number;
  recallAt1: number;
  recallAt3: number;
  recallAt5: number;
  mrr: number;
  answerAt1: number;
  complete: number;
  /** Share of unanswerable questions not given a confident answer (status `related` or `not_found`). */
  noAnswerAccuracy: number;
  /** Answerable questions wrongly answered "not found". */
  refusedAnswerable: number;
  /** Answerable questions answered only as `related`. */
  relatedAnswerable: number;
  /** Mean characters of the answers that were not "not found". */
  meanLength: number;
}

export function summarize(results: QuestionResult[]): EvalMetrics {
  const answerable = results.filter((r) => r.answerable);
  const unanswerable = results.filter((r) => !r.answerable);
  const share = (xs: QuestionResult[], f: (r: QuestionResult) => boolean) => (xs.length === 0 ? 0 : xs.filter(f).length / xs.length);
  const recall = (k: number) => share(answerable, (r) => r.hitRank !== null && r.hitRank <= k);
  return {
    questions: results.length,
    answerable: answerable.length,
    unanswerable: unanswerable.length,
    recallAt1: recall(1),
    recallAt3: recall(3),
    recallAt5: recall(5),
    mrr: answerable.length === 0 ? 0 : answerable.reduce((s, r) => s + (r.hitRank ? 1 / r.hitRank : 0), 0) / answerable.length,
    answerAt1: share(answerable, (r) => r.answerAt1),
    complete: share(answerable, (r) => r.complete),
    noAnswerAccuracy: share(unanswerable, (r) => r.status !== "answered"),
    refusedAnswerable: answerable.filter((r) => r.status === "not_found").length,
    relatedAnswerable: answerable.filter((r) => r.status === "related").length,
    meanLength: mean(results.filter((r) => r.status !== "not_found").map((r) => r.length)),
  };
}

function mean(xs: number[]): number {
  return xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length;
}

/** The metrics of each kind of question, in the order kinds first appear. */
export function summarizeByKind(results: QuestionResult[]): Map<string, EvalMetrics> {
  const kinds = [...new Set(results.map((r) => r.kind))];
  return new Map(kinds.map((k) => [k, summarize(results.filter((r) => r.kind === k))]));
}

export type Ask = (question: string, context: AskContext) => Promise<Answer>;

export async function evaluate(ask: Ask, gold: GoldQuestion[]): Promise<{ results: QuestionResult[]; metrics: EvalMetrics }> {
  const results: QuestionResult[] = [];
  for (const g of gold) results.push(judge(g, await ask(g.q, g.previous === undefined ? {} : { previous: g.previous })));
  return { results, metrics: summarize(results) };
}

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;

/** The figures as a person reads them: totals, a table per kind, then the misses (or every question with `verbose`). */
export function formatEvalReport(results: QuestionResult[], metrics: EvalMetrics, verbose: boolean): string {
  const lines = [
    `Recall@1 ${pct(metrics.recallAt1)}  Recall@3 ${pct(metrics.recallAt3)}  Recall@5 ${pct(metrics.recallAt5)}  MRR ${metrics.mrr.toFixed(3)}`,
    `Answer@1 ${pct(metrics.answerAt1)}  Complete ${pct(metrics.complete)}  No-answer accuracy ${pct(metrics.noAnswerAccuracy)}  Answerable refused: ${metrics.refusedAnswerable}  Answerable only related: ${metrics.relatedAnswerable}  Mean answer length: ${Math.round(metrics.meanLength)} chars`,
    "",
    `${"kind".padEnd(24)} ${"n".padStart(3)} ${"Recall@3".padStart(9)} ${"Answer@1".padStart(9)} ${"Complete".padStart(9)} ${"no-answer".padStart(10)} ${"length".padStart(7)}`,
  ];
  for (const [kind, m] of summarizeByKind(results)) {
    const answerableCells = m.answerable > 0 ? [pct(m.recallAt3), pct(m.answerAt1), pct(m.complete)] : ["", "", ""];
    const refusal = m.unanswerable > 0 ? pct(m.noAnswerAccuracy) : "";
    lines.push(`${kind.padEnd(24)} ${String(m.questions).padStart(3)} ${answerableCells[0]!.padStart(9)} ${answerableCells[1]!.padStart(9)} ${answerableCells[2]!.padStart(9)} ${refusal.padStart(10)} ${String(Math.round(m.meanLength)).padStart(7)}`);
  }
  for (const r of results) {
    const ok = r.answerable ? r.answerAt1 && r.hitRank !== null && r.status === "answered" : r.status !== "answered";
    if (!verbose && ok) continue;
    const what = r.answerable ? `hit@${r.hitRank ?? "-"} answer@1=${r.answerAt1} complete=${r.complete}` : "";
    lines.push(`${ok ? "  ok " : "  MISS"} [${r.kind}] ${r.q}  (${r.status}${what ? `, ${what}` : ""})${r.firstSentence ? `\n        → ${r.firstSentence}` : ""}`);
  }
  return lines.join("\n");
}
