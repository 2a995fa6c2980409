/**
 * Figures: the counts, amounts and rates a sentence states, in the unit a
 * question asks (多少人 is answered by 700名, 几家 by 5所), next to what it
 * counts (受教育党员近4万人次), and their values (2.1万剂次 → 21000).
 */
import { normalizeText } from "../text/tokenize.js";
import type { Question } from "./question.js";
import { MEASURE_WORDS } from "./terms.js";
import { COUNTED_NOUN_WINDOW, VERB_FIGURE_GAP } from "./tuning.js";
import { COUNT } from "./wording.js";

/** A number as the reports write it: 5, 2.1万, 近千, 三. */
export const NUMBER = "(?:\\d+(?:\\.\\d+)?|[一二两三四五六七八九十百千万亿]+)[十百千万亿]*[余多]?[十百千万亿]*";

/** Measure words that count the same things: 多少人 is answered by 700名, 几家 by 5所. */
// 个 is the general measure word for things: 几个专利 is answered by 2项, but not by people, times or money.
// 跑了多少趟, 开了几回 count times as the reports' 次 do.
const UNIT_SYNONYMS: Record<string, string> = { 人: "人名位", 名: "名人位", 位: "位名人", 个: "个家项所座支处条台张件批户例", 家: "家个所户", 所: "所家个", 次: "次场", 场: "场次", 趟: "次趟", 回: "次回", 遍: "次遍" };

/** Words for people: 多少个当兵的家里 counts people, whom the reports count in 名 or 人. */
const PEOPLE = /人|员|者|兵|属|众|民|士|师|干部|医护|医生|专家|菁英|精英/;

/**
 * The measure words that count what `q` asks about: 个 counts people too when what follows it names
 * people, or when nothing follows and the question spoke of people before (帮残疾人找工作，帮了多少个);
 * households (家, 户) are counted by their people when the question speaks of people (多少户人家, 兵家里…多少家).
 */
function countedIn(q: Question): string | null {
  const asked = COUNT.exec(q.text);
  const after = asked === null ? "" : q.text.slice(asked.index + asked[0].length).replace(/[？?！!。呢啊呀吧]+$/, "");
  const before = asked === null ? "" : [q.text.slice(0, asked.index), ...Object.values(q.alternatives).flat()].join(" ");
  const ofPeople = asked !== null && (PEOPLE.test(after) || (after === "" && PEOPLE.test(before)));
  if (q.unit === "个" && ofPeople) return `${UNIT_SYNONYMS["个"]}${UNIT_SYNONYMS["人"]}`;
  // 给立了功的兵家里报喜，报了多少家: households, which the reports count by their people (12名…家属, 6739人次).
  if ((q.unit === "家" || q.unit === "户") && asked !== null && (PEOPLE.test(after) || PEOPLE.test(before))) return `${UNIT_SYNONYMS[q.unit] ?? q.unit}${UNIT_SYNONYMS["人"]}`;
  return q.unit === null ? null : (UNIT_SYNONYMS[q.unit] ?? q.unit);
}

/** The figures of `text` in the asked unit, with where they are; none written in words inside a quoted name (新生儿出生“一件事”改革, but “六大类224项”). */
export function figures(text: string, q: Question): { span: string; at: number }[] {
  const unquoted = text.replace(/“[^”\d]*”|《[^》\d]*》/g, (quoted) => "□".repeat(quoted.length));
  return [...unquoted.matchAll(quantity(countedIn(q)))].map((m) => ({ span: text.slice(m.index, m.index + m[0].length), at: m.index }));
}

/** A figure counted in one of `units`, or in any measure word (or %) when null. */
export function quantity(units: string | null): RegExp {
  // 2.1万剂次, 5家, 83.26%: a number, then the asked unit (with 次/人 compounds) or any measure word.
  const tail = units === null ? `(?:[${MEASURE_WORDS}][次人]?|%)` : `[${units}][次人]?`;
  // 432 家: the reports sometimes space a figure from its measure word. 第一人民医院 counts no 人.
  return new RegExp(`(?<![第\\d])${NUMBER}\\s?${tail}`, "gu");
}

const ANY_FIGURE = new RegExp(quantity(null).source, "u");

/** Whether `text` states a figure with its measure word (224项, 83.26%). */
export const hasFigure = (text: string): boolean => ANY_FIGURE.test(text);

/** Whether one of `words` stands within `window` characters of the span at `at`. */
export function near(text: string, at: number, length: number, words: readonly string[], window: number): boolean {
  const around = text.slice(Math.max(0, at - window), at + length + window);
  return words.some((w) => around.includes(w));
}

/** Whether a figure in `text` stands next to the noun the question counts (受教育党员近4万人次). */
export function countsAskedNoun(q: Question, text: string): boolean {
  if (q.counted === null) return false;
  // The counted noun as the reports may write it (廉洁 → 清廉), and the rest of the phrase it begins
  // (多少个市级以上重点学科: 市级 qualifies 学科, which the figure may stand next to instead).
  const asked = COUNT.exec(q.text);
  const phrase = asked === null ? "" : (/^[^，,。？?！!]*/.exec(q.text.slice(asked.index + asked[0].length))?.[0] ?? "");
  const inPhrase = q.terms.filter((t) => t !== q.counted && phrase.includes(t));
  const nouns = [q.counted, ...inPhrase, ...Object.entries(q.alternatives).flatMap(([t, alts]) => (t.startsWith(q.counted!) ? alts : []))];
  // 累计接种了多少新冠疫苗 is answered by 累计接种超千万剂次: the verb that takes the count, right before the figure, pins it as well.
  const before = asked === null ? "" : q.text.slice(0, asked.index).replace(/[了过]$/, "");
  const verb = before === "" ? undefined : q.terms.find((t) => before.endsWith(t));
  const takes = (at: number) => verb !== undefined && text.slice(Math.max(0, at - verb.length - VERB_FIGURE_GAP), at).includes(verb);
  return figures(text, q).some((f) => near(text, f.at, f.span.length, nouns, COUNTED_NOUN_WINDOW) || takes(f.at));
}

/** Whether a figure in `text` stands next to one of the question's words (累计接种新冠疫苗近43万人, not …等问题,开展实地调研33次). */
export function figureNearTerms(q: Question, text: string): boolean {
  const norm = normalizeText(text);
  return figures(norm, q).some((f) => near(norm, f.at, f.span.length, q.terms, COUNTED_NOUN_WINDOW));
}

/** The values of the figures a question states (近700人, 432家, 2.1万剂). */
export function statedValues(q: Question): number[] {
  return [...q.text.matchAll(quantity(null))].flatMap((m) => figureValue(m[0]) ?? []);
}

const CHINESE_MAGNITUDES: Record<string, number> = { 十: 10, 百: 100, 千: 1e3, 万: 1e4, 亿: 1e8 };

/** The value of a figure: 2.1万剂次 → 21000, 超千万剂次 → 10,000,000, 83.26% → 83.26; null without one. */
export function figureValue(span: string): number | null {
  const m = /(\d+(?:\.\d+)?)?([十百千万亿]*)/.exec(span.replace(/^[^\d十百千万亿]*/, ""));
  if (!m || (m[1] === undefined && m[2] === "")) return null;
  let value = m[1] === undefined ? 1 : Number(m[1]);
  for (const c of m[2]!) value *= CHINESE_MAGNITUDES[c]!;
  return value;
}

/** Chinese numerals one to ten, in order: each stands at its value less one. */
export const CHINESE_DIGITS = "一二三四五六七八九十";

/** The value of a one-character Chinese numeral or a run of digits: 四 → 4, 两 → 2, 12 → 12. */
export const numeralValue = (n: string): number => (/\d/.test(n) ? Number(n) : n === "两" ? 2 : CHINESE_DIGITS.indexOf(n) + 1);

/** The value of the first ordinal in `text` that `counts` follows (第二个 with /[个项条点]/ → 2), or null. */
export function ordinalBefore(text: string, counts: RegExp): number | null {
  const n = new RegExp(`第([${CHINESE_DIGITS}]|\\d+)(?:${counts.source})`, "u").exec(text)?.[1];
  return n === undefined ? null : numeralValue(n);
}
