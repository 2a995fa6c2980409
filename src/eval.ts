/**
 * Measures answer quality on a gold set: does a cited excerpt hold the
 * expected text (Recall@k, MRR), does the first answer sentence (Answer@1),
 * and are unanswerable questions refused (no-answer accuracy)?
 */
import { readFile } from "node:fs/promises";
import { z } from "zod";
import type { Answer } from "./types.js";

const goldLine = z.object({
  q: z.string().min(1),
  expect: z.array(z.string()),
  answerable: z.boolean().optional(),
  doc: z.string().optional(),
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
  answerable: boolean;
  found: boolean;
  /** 1-based rank of the first citation holding an expected string; null if none. */
  hitRank: number | null;
  answerAt1: boolean;
  firstSentence: string;
}

export function judge(gold: GoldQuestion, answer: Answer): QuestionResult {
  const answerable = gold.answerable !== false;
  const idx = answer.citations.findIndex((c) => holdsExpected(c.excerpt, gold.expect));
  const firstSentence = answer.sentences[0]?.text ?? "";
  return {
    q: gold.q,
    answerable,
    found: answer.found,
    hitRank: idx === -1 ? null : idx + 1,
    answerAt1: answerable && holdsExpected(firstSentence, gold.expect),
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
  /** Share of unanswerable questions answered "not found". */
  noAnswerAccuracy: number;
  /** Answerable questions wrongly answered "not found". */
  refusedAnswerable: number;
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
    noAnswerAccuracy: share(unanswerable, (r) => !r.found),
    refusedAnswerable: answerable.filter((r) => !r.found).length,
  };
}

export async function evaluate(ask: (q: string) => Promise<Answer>, gold: GoldQuestion[]): Promise<{ results: QuestionResult[]; metrics: EvalMetrics }> {
  const results: QuestionResult[] = [];
  for (const g of gold) results.push(judge(g, await ask(g.q)));
  return { results, metrics: summarize(results) };
}
