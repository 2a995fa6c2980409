/**
 * Whether an answer names the members of a set the question counts: 那5家医疗机构分别是哪几家 is
 * not answered by 5家医疗机构开设了发热门诊, nor by a list of something else beside it.
 */
import { ORDINAL } from "../text/sentences.js";
import type { Quote } from "./cite.js";
import { CHINESE_DIGITS, near, numeralValue } from "./figures.js";
import { NUMBERED_HEADING } from "./lists.js";
import type { Question } from "./question.js";
import { MEASURE_WORDS } from "./terms.js";
import { COUNTED_NOUN_WINDOW } from "./tuning.js";

/** A set the question counts (那5家医疗机构, 20项…清单, 四个抓手); 第二期 is one of a series, not a set. */
const COUNTED_SET = new RegExp(`(?<![第\\d])(?:\\d+|[${CHINESE_DIGITS}两]+)[${MEASURE_WORDS}]`, "u");

/** A count in the set's measure word, its numeral captured: 16个 for 16个清廉品牌. */
const countIn = (set: RegExpExecArray): string => `((?:\\d+|[${CHINESE_DIGITS}两]+))${set[0].slice(-1)}`;

/** Whether a list question asks for the members of a set it counts (那5家医疗机构分别是哪几家, 20项…清单都有哪些). */
function asksMembers(q: Question): boolean {
  const set = COUNTED_SET.exec(q.text);
  if (q.kind !== "list" || set === null) return false;
  // 那两家公立医院补上哪些规章 asks for rules, not for the two hospitals: what 哪些 asks for must be the set's noun.
  // 那5家发热门诊是哪几家医院 counts the same things in the same measure word: they are the set's members.
  const rest = q.text.slice(set.index);
  const which = new RegExp(`(?:哪些|哪(?:[几两三四五六七八九十]|\\d+)([${MEASURE_WORDS}])?|分别是|叫什么|都有|包括|列(?:一下|出来?))(\\p{Script=Han}{2})?`, "u").exec(rest);
  const noun = which?.[2];
  const sameMeasure = which?.[1] !== undefined && set[0].endsWith(which[1]);
  // 5名党员分别来自哪些单位, 3次活动，分别去了哪些地方: what is asked of each member names them.
  const ofEach = which !== null && /分别|各自/.test(rest.slice(0, which.index));
  return which !== null && (ofEach || sameMeasure || noun === undefined || /^[哪什啥名]/.test(noun) || rest.slice(0, which.index).includes(noun));
}

/** What refers back to the items just listed, before their count: 这5个, 上述3家. */
const SUMS_UP = /(?:这|上述|以上|前述)$/;
/** What ends the counted noun in a question: what it asks of the set (4个党组织|分别是哪几个). */
const ASKS_OF_SET = /分别|都|各|是|有|包括|叫|具体|哪|什么|啥|来自|在/;

/**
 * Where in `quotes` the set's members can be named: from the clause that states its count by its
 * noun on (江北新区先后落户了…、…等5个医疗建设项目), or from its sentence's start when the count sums
 * up what it listed (…先后落户江北新区,…这5个建设项目), when a quote states it. What is listed
 * before, in the clause or in the report, or counted alike of another noun (长效固化四个方面 for
 * 4个党组织), is something else.
 */
function afterCount(q: Question, set: RegExpExecArray, quotes: Quote[]): Quote[] {
  const size = numeralValue(set[0].slice(0, -1));
  const rest = q.text.slice(set.index + set[0].length);
  const noun = rest.slice(0, ASKS_OF_SET.exec(rest)?.index ?? rest.length);
  const nounWords = Array.from({ length: Math.max(0, noun.length - 1) }, (_, i) => noun.slice(i, i + 2));
  const count = new RegExp(countIn(set), "gu");
  const stating = (text: string) =>
    [...text.matchAll(count)].find((m) => numeralValue(m[1]!) === size && (nounWords.length === 0 || near(text, m.index, m[0].length, nounWords, COUNTED_NOUN_WINDOW)));
  const counting = quotes.find((quote) => stating(quote.text) !== undefined);
  if (counting === undefined) return quotes;
  const { text } = counting;
  const stated = stating(text)!;
  const ends = SUMS_UP.test(text.slice(0, stated.index)) ? "。" : "，,；;。";
  const clauseStart = Math.max(...[...ends].map((p) => text.lastIndexOf(p, stated.index))) + 1;
  // The sentences after it in its paragraph may go on with the list (一是…, 二是…); those before it,
  // or in another part of the report (一是“三条线路”… below 从严治党“四个一”机制), do not.
  const following = quotes.filter((quote) => quote.doc.id === counting.doc.id && quote.paragraph === counting.paragraph && quote.start > counting.start);
  return [{ ...counting, text: text.slice(clauseStart) }, ...following];
}

/** How many items `quotes` name beyond what `q` says: series items, headings, names in a series or in quotes. */
function itemsNamed(q: Question, quotes: Quote[]): number {
  let items = 0;
  for (const { text, doc, paragraph } of quotes) {
    // An item of a series (一是…, 一、…), a section heading, or an item of a list whose items end in ；.
    if (ORDINAL.test(text) || NUMBERED_HEADING.test(text) || /[；;]\s*$/.test(text) || doc.paragraphs[paragraph]?.heading === true) items++;
    // A series of three names or more (中大医院新院区、省肿瘤医院江北新院区、…); two may be two verbs
    // (办实事、解难题), and 居家养老服务中心72个、助餐点72家 counts things instead of naming them.
    // What follows 等 sums the list up (…、志愿服务站等3个服务阵地): it names no item.
    for (const clause of text.split(/[，,；;。：:]/)) {
      const parts = clause.replace(/等[^、]*$/, "").split("、");
      if (parts.length >= 3 && parts.every((part) => !/\d/.test(part))) items += parts.length;
    }
    items += (text.match(/“[^”]{2,20}”|《[^》]{2,30}》/g) ?? []).filter((name) => !q.terms.some((t) => name.includes(t))).length;
  }
  return items;
}

/**
 * Whether `quotes` name the members of the set a list question counts: two
 * items at least, and not a few examples of many. A sentence that only restates
 * the count (5家医疗机构开设了发热门诊) does not. Questions that ask for no set's
 * members are not held to it.
 */
export function namesMembers(q: Question, quotes: Quote[]): boolean {
  const set = asksMembers(q) ? COUNTED_SET.exec(q.text) : null;
  if (set === null) return true;
  const from = afterCount(q, set, quotes);
  return !givesExamples(from[0]?.text ?? "", set) && itemsNamed(q, from) >= 2;
}

/**
 * Whether the clause counting the set names only some of its members: “清廉仁济”“廉润南中”等16个清廉品牌
 * gives two examples of sixteen, while …、…、志愿服务站等3个服务阵地 names all three.
 */
function givesExamples(clause: string, set: RegExpExecArray): boolean {
  const size = numeralValue(set[0].slice(0, -1));
  const count = new RegExp(`等${countIn(set)}`, "u").exec(clause);
  if (count === null || numeralValue(count[1]!) !== size) return false;
  const before = clause.slice(0, count.index);
  const named = Math.max(before.split("、").length, (before.match(/“[^”]{2,20}”/g) ?? []).length);
  return named < size;
}
