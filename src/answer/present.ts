/** Plain-text and JSON forms of an answer, for the `ask` command. */
import type { Answer, Citation } from "../types.js";

/** The `ask --json` contract: exactly these fields, in this order. */
export interface JsonAnswer extends Pick<Answer, "query" | "interpreted" | "status" | "found" | "answer" | "sentences"> {
  citations: Pick<Citation, "n" | "docId" | "title" | "source" | "date" | "excerpt" | "score">[];
}

export function toJsonAnswer(answer: Answer): JsonAnswer {
  return {
    query: answer.query,
    interpreted: answer.interpreted,
    status: answer.status,
    found: answer.found,
    answer: answer.answer,
    sentences: answer.sentences.map(({ text, citation, highlight }) => ({ text, citation, highlight })),
    citations: answer.citations.map(({ n, docId, title, source, date, excerpt, score }) => ({ n, docId, title, source, date, excerpt, score })),
  };
}

/** The answer, then each source with where it comes from. */
export function formatAnswer(answer: Answer): string {
  const lines = [answer.answer];
  if (answer.citations.length > 0) lines.push("", "来源:");
  for (const c of answer.citations) {
    const meta = [c.source, c.date].filter(Boolean).join(", ");
    lines.push(`[${c.n}] ${c.title}${meta ? ` (${meta})` : ""} — ${c.docId}, 第${c.paragraph + 1}段`);
    lines.push(`    ${c.excerpt}`);
  }
  return lines.join("\n");
}
