/**
 * A comparison may ask each subject its own thing: 江北新区党工委中心组集中学习的
 * 次数和徐州卫健委办的讲习宣讲场数，哪个多？ asks 江北新区 about 集中学习 and
 * 徐州 about 讲习宣讲. The words after each subject, up to the next one, are
 * what its reports are searched and quoted for; words outside every clause
 * are asked of all.
 */
import type { Gazetteer } from "../index/gazetteer.js";

/** What one subject's reports are asked. */
export interface Clause {
  /** The question's words about this subject. */
  text: string;
  /** The question's content terms asked of this subject. */
  terms: string[];
}

/**
 * Each report's clause, by report id; empty when the subjects share one
 * question (江北新区和徐州的新冠疫苗各打了多少: 江北新区 has no words of its own).
 */
export function subjectClauses(asked: string, subjects: string[], terms: string[], gazetteer: Gazetteer): Record<string, Clause> {
  const sameReports = (a: string, b: string) => gazetteer.docsOf(a).join() === gazetteer.docsOf(b).join();
  const placed = subjects
    .map((name) => ({ name, at: asked.indexOf(name) }))
    .filter((s) => s.at >= 0)
    .sort((a, b) => a.at - b.at)
    // 江门市江海区: two names of one report's subject, one after the other, open one clause.
    .filter((s, i, all) => !(all[i + 1] !== undefined && all[i + 1]!.at === s.at + s.name.length && sameReports(s.name, all[i + 1]!.name)));
  if (gazetteer.subjectCount(placed.map((s) => s.name)) < 2) return {};
  const texts = placed.map((s, i) => asked.slice(s.at + s.name.length, placed[i + 1]?.at ?? asked.length));
  const own = texts.map((text) => terms.filter((t) => text.includes(t)));
  if (own.some((t) => t.length === 0)) return {};
  const shared = terms.filter((t) => !own.some((o) => o.includes(t)));
  const out: Record<string, Clause> = {};
  placed.forEach((s, i) => {
    for (const doc of gazetteer.docsOf(s.name)) out[doc] ??= { text: texts[i]!, terms: [...own[i]!, ...shared] };
  });
  return out;
}
