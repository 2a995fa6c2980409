/**
 * Comparison answers (哪个地区…最多, 江北新区和徐州各做了什么): one sentence
 * per report that states the asked-for thing, grouped by report, in the order
 * the question names them or by the figure it compares.
 */
import type { Answer } from "../types.js";
import { assemble, notFound, quoteOf } from "./cite.js";
import type { ComposeOptions } from "./compose.js";
import { decideStatus, highlightOf, wantsSpan } from "./decide.js";
import { figureValue } from "./figures.js";
import type { Evidence } from "./evidence.js";
import { SPECIFIC } from "./lists.js";
import type { Question } from "./question.js";
import { COMPARISON_SPECIFIC_SHARE } from "./tuning.js";

/** Whether a comparison asks for a person, date, place or name, which a report's sentence names, rather than for a figure. */
const asksNamedThing = (q: Question): boolean => q.want !== null && q.want !== "count";

/**
 * One sentence per report that states the asked-for thing, best report first: for a figure, name or
 * date, the best that states it of what was asked (`states`: 累计接种超千万剂次 for 新冠疫苗各打了多少, not the
 * 重点项目共有四项 beside it), else the best holding one.
 */
export function compareReports(q: Question, evidence: Evidence[], bestCoverage: number, options: Pick<ComposeOptions, "secondaryRatio" | "maxReports" | "minCoverage">, states: (e: Evidence) => boolean): Answer {
  const best = new Map<string, Evidence>();
  const takeFirst = (ok: (e: Evidence) => boolean) => {
    for (const e of evidence) if (!best.has(e.doc.id) && ok(e)) best.set(e.doc.id, e);
  };
  if (wantsSpan(q)) [states, (e: Evidence) => e.answers].forEach(takeFirst);
  else {
    // 各做了什么: what a report did is told by a sentence with its specifics (a figure, a name), not by
    // one stating the principle in general words, when both answer about as well.
    takeFirst(() => true);
    for (const [docId, top] of best) {
      const specific = evidence.find((e) => e.doc.id === docId && SPECIFIC.test(e.text) && e.score >= COMPARISON_SPECIFIC_SHARE * top.score);
      if (specific !== undefined) best.set(docId, specific);
    }
  }
  const values = [...best.values()].sort((a, b) => b.score - a.score);
  // Reports the question names come in the order it names them (江海区和义马 → 江海区 first).
  const named = (e: Evidence) => (q.subjectDocs.includes(e.doc.id) ? q.subjectDocs.indexOf(e.doc.id) : q.subjectDocs.length);
  // 哪个地区…最多: the report with the largest (or smallest) figure leads.
  const figure = (e: Evidence) => figureValue(highlightOf(q, e.text) ?? "") ?? (q.extreme === "max" ? -Infinity : Infinity);
  const byExtreme = (a: Evidence, b: Evidence) => (q.extreme === "max" ? figure(b) - figure(a) : figure(a) - figure(b));
  // Every report the question names is asked about, and every report that names the person, date or
  // thing asked for (各地…负责人分别是谁); others only when they answer nearly as well as the best
  // (any figure answers a count, so a weak match would win 哪个…最多).
  const chosen = values
    .filter((e, i) => i === 0 || q.subjectDocs.includes(e.doc.id) || asksNamedThing(q) || e.score >= options.secondaryRatio * values[0]!.score)
    .slice(0, options.maxReports)
    .sort((a, b) => (q.extreme === null ? named(a) - named(b) : byExtreme(a, b)));
  const status = values.length === 0 ? "not_found" : decideStatus(q, bestCoverage, true, options.minCoverage);
  if (status === "not_found") return notFound(q);
  return assemble(q, status, chosen.map((e) => quoteOf(q, e)));
}
