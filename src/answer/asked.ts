/**
 * What a question asks for beyond what it is about: the one thing a sentence
 * must state to answer it (a count in its unit, a person with a role, a date,
 * a place, a reason, a which-one) and the words that pin that thing down (the
 * counted noun, the role, what is dated or placed). decide.ts checks sentences
 * against it.
 */
import type { QuestionKind } from "./question.js";
import { MEASURE_WORDS } from "./terms.js";
import {
  COUNT,
  COUNTED_NOUN,
  DATE,
  EXTREME_MAX,
  EXTREME_MIN,
  FIGURE_NOUN,
  LIST,
  MONEY_NOUNS,
  NAME,
  ORDINAL_EXPRESSION,
  PARTNER,
  PERSON,
  PLACE,
  RANK_QUESTION,
  RATE_NOUN,
  REASON,
  SAME_FIGURE,
  ROLE_WORDS,
  SHARE_NOUNS,
  WHICH,
  WHICH_KIND,
} from "./wording.js";

/** The one thing a question asks for, that a sentence either states or does not. */
export type Want = "count" | "person" | "date" | "place" | "reason" | "which" | "name";

export interface Asked {
  /** The one thing the question asks for, also inside a comparison (各地党委书记分别是谁 → a person); null for open questions. */
  want: Want | null;
  /** A comparison asking for the largest (最多, 最高) or smallest (最少, 最低) figure; else null. */
  extreme: "max" | "min" | null;
  /** Measure word a count question asks in (多少名 → 名, 多少钱 → 元), when it names one. */
  unit: string | null;
  /** The noun a count question counts (多少名老年人 → 老年), when it names one. */
  counted: string | null;
  /** A count question asking which of a series (第几次): an ordinal (第十三次) answers it, not a count. */
  asksOrdinal: boolean;
  /** Whether it asks a rank (排第几, 第几名): answered by 排名全市第一, not by a count. */
  asksRank: boolean;
  /** Ordinals the question names (第一期, 第十三次): a sentence about another of the same series does not answer it. */
  ordinals: string[];
  /** The role a who-question asks for (主任, 书记), when it names one. */
  role: string | null;
  /** A who-question about a partner or organiser (跟谁一起, 由谁主办): an organisation answers it as well as a person. */
  asksOrganisation: boolean;
  /** A when-question asking for the year (哪一年): a day or month alone does not answer it. */
  asksYear: boolean;
  /** A when-question asking for the day (几号, 哪一天): a month alone (今年5月) does not answer it. */
  asksDay: boolean;
  /** What a when-, where- or name-question asks the date, place or name of: the term standing last before 什么时候, 在哪 or 叫什么 (座谈会是在哪开的 → 座谈会). */
  placed: string | null;
  /** What a which-question names the kind of (哪个社区 → 社区, 哪个单位 → 单位), when it asks for one of a known kind. */
  whichKind: string | null;
  /** The set a count question counts part of (23名优秀护理工作者中有几名… → 23名): the answer must be about that set. */
  partOf: string | null;
  /** The question's words naming that part (347名人才里博士有多少名 → 博士): the figure must stand by them. */
  partNames: string[];
  /** A count asked of each part (每一类各有多少项): one figure does not answer it. */
  asksEach: boolean;
  /** Asked about what is yet to come (明年计划新建多少个): what was done does not answer it. */
  asksFuture: boolean;
  /** A count of all there are (一共有多少名党员): a figure of those something was done to does not answer it. */
  asksTotal: boolean;
  /** The noun the question ends on (…的目标是什么 → 目标, 去了哪些旧址 → 旧址). */
  focus: string | null;
  /**
   * What a question contrasts with a fact it states first (九价HPV打了2.1万剂，那二价HPV接种了多少 → 二价):
   * the first term of its asking clause that the stated fact lacks. The answer must be about it.
   */
  contrasted: string | null;
  /** What the person asked for does (会议由谁主持 → 主持): the sentence naming them must say it. */
  doneBy: string | null;
  /**
   * A yes/no question checking a word no report has (稿子写的是杨东林，对吗？): the reports can
   * show what they say instead, though they never state the claim.
   */
  checksClaim: boolean;
}

/**
 * The one thing `asked` asks for from its question words alone, before its
 * kind is known: a who-question's roles are then left out of its terms.
 */
export function wantOf(asked: string): Want | null {
  // 哪个地区接种最多 asks for a figure as much as 多少 does; 谁的…更多 compares figures, it asks for no person.
  if (EXTREME_MAX.test(asked) || EXTREME_MIN.test(asked) || SAME_FIGURE.test(asked) || FIGURE_NOUN.test(asked)) return "count";
  if (PERSON.test(asked)) return "person";
  if (DATE.test(asked)) return "date";
  // 排第几, 在全国算什么水平: a rank answers it, which the count checks read (see decide.ts).
  if (RANK_QUESTION.test(asked)) return "count";
  return COUNT.test(asked) && !LIST.test(asked) && !WHICH.test(asked) ? "count" : null;
}

/**
 * What `asked` (normalized) asks for, given its kind and its content terms. A
 * count, person or date question asks for that; any other asks for a place,
 * reason, which-one or name when it says so within (在哪开的, 为啥没达到, 叫什么名字).
 */
export function readAsked(asked: string, kind: QuestionKind, terms: string[], unattested: string[]): Asked {
  const asking = wantOf(asked);
  const whichKind = WHICH_KIND.exec(asked)?.[1] ?? null;
  const within: Want | null = PLACE.test(asked) ? "place" : REASON.test(asked) ? "reason" : whichKind !== null ? "which" : NAME.test(asked) ? "name" : null;
  const want: Want | null = kind === "comparison" ? asking : kind === "person" || kind === "date" || kind === "count" ? kind : within;
  const subset = asking === "count" ? SUBSET.exec(asked) : null;
  const extreme = EXTREME_MAX.test(asked) ? "max" : EXTREME_MIN.test(asked) ? "min" : null;
  return {
    want,
    extreme: kind === "comparison" ? extreme : null,
    unit: asking === "count" ? unitOf(COUNT.exec(asked), asked) : null,
    counted: asking === "count" ? countedTerm(COUNTED_NOUN.exec(asked)?.[1] ?? RATE_NOUN.exec(asked)?.[1] ?? placedTerm(asked, terms, VALUE_ASKED) ?? countedBefore(asked, unattested, TRAILING_COUNT) ?? countedBefore(asked, terms, VERB_THEN_COUNT) ?? undefined, terms) : null,
    asksOrdinal: /第几/.test(asked),
    asksRank: RANK_QUESTION.test(asked),
    ordinals: asked.match(ORDINAL_EXPRESSION) ?? [],
    // 哪些领导 asks for officials of any role (副书记董兴连、副市长杨冬林).
    role: new RegExp(ROLE_WORDS).exec(asked)?.[0] ?? (/哪[些几]位?(?:市领导|领导)/.test(asked) ? "领导" : null),
    asksOrganisation: PARTNER.test(asked),
    asksYear: /哪一?年|什么年份|几几年|哪个年份/.test(asked),
    asksDay: /几号|几日|哪一?天|哪日/.test(asked),
    placed: placedTerm(asked, terms, want === "date" ? DATE : want === "place" ? PLACE : want === "name" ? NAME : null),
    whichKind,
    partOf: subset?.[1] ?? null,
    // The part is named before the question word or after it (有多少场是那个68人的宣讲团讲的), in words not naming the whole set.
    partNames: subset === null ? [] : partNames(subset, asked, terms),
    asksEach: asking === "count" && kind !== "comparison" && EACH.test(asked),
    asksFuture: FUTURE_ASKED.test(asked),
    asksTotal: asking === "count" && TOTAL.test(asked),
    focus: focusOf(asked),
    contrasted: contrastedTerm(asked, terms),
    doneBy: want === "person" ? (new RegExp(`谁(?:来|去)?(${NAMED_ACTS})`).exec(asked)?.[1] ?? null) : null,
    checksClaim: kind === "yesno" && unattested.some((t) => claimOf(t).test(asked)),
  };
}

/** `word` (Han characters only, so safe in a pattern) put forward to be confirmed: 是李艳军吗, 是市肿瘤医院的李艳军吗, 写的是杨东林，对吗, 叫张三是不是. */
const claimOf = (word: string) => new RegExp(`(?:是|叫|为)[^,，。?？]*${word}(?:吗|嘛|[,，]?\\s*(?:对|是)(?:吗|不对|不是|吧))`);

/** ，那 (or 那么) opening a clause that asks about something else; not 那次, 那天, 那些 pointing back at what was said. */
const CONTRAST = /[，,]那么?(?![次天个些里时年场位名会阵边儿样种])/u;

/** The first term after a contrasting 那 that the clause before it does not have: the thing now asked about. */
function contrastedTerm(asked: string, terms: string[]): string | null {
  const at = CONTRAST.exec(asked)?.index;
  if (at === undefined) return null;
  const [stated, asking] = [asked.slice(0, at), asked.slice(at)];
  const own = terms.filter((t) => asking.includes(t) && !stated.includes(t)).sort((a, b) => asking.indexOf(a) - asking.indexOf(b));
  return own[0] ?? null;
}

/** The noun a question ends on: before its question word (…的目标是什么 → 目标) or after 哪些 or 什么 (去了哪些旧址 → 旧址, 学习了什么精神 → 精神); not a category asked what something is (是个什么项目). */
function focusOf(asked: string): string | null {
  const before = /([\p{Script=Han}]{2})(?:是|有|为)?(?:什么|哪些|多少|是谁|谁)[？?。！!\s]*$/u.exec(asked)?.[1];
  // The head of the noun after 哪些 is its last two characters (探访了哪些红色教育基地 → 基地); none
  // when a generic noun opens it (通过哪些方式落实: a verb follows).
  const phrase = /(?:哪些|哪几[个家项所位名种类条]|(?<!是个|是一个|是一种)(?:什么|啥))([\p{Script=Han}]{2,8})[？?。！!\s]*$/u.exec(asked)?.[1];
  const after = phrase === undefined || GENERIC_NOUNS.has(phrase.slice(0, 2)) ? undefined : phrase.slice(-2);
  return before ?? (after !== undefined && !GENERIC_NOUNS.has(after) ? after : null);
}

/** Nouns of administrative prose that any measure is (哪些工作, 哪些措施): they single out no sentence. */
const GENERIC_NOUNS = new Set("工作 事情 东西 事儿 项目 措施 举措 方面 内容 形式 方式 做法 活动 成效 成果 亮点 特色 经验 问题 情况 方法 办法".split(" "));

/** What a report names a person for doing, in so many words (由谁主持, 谁牵头): not 一起, not 负责 (said many ways). */
const NAMED_ACTS = "主持|主讲|主办|承办|牵头|带队|领队|拍板|授课";

/** 目标值是多少: the noun right before it is what the figure is of. */
const VALUE_ASKED = /(?<=\p{Script=Han})(?:值|数)?(?:是|为)多少/u;

/** A question word ending the question (博士几个？, 医生有多少？), as terse questions put it. */
const TRAILING_COUNT = new RegExp(`有?(?:几|多少)[${MEASURE_WORDS}]?[？?！!。]*$`, "u");

/** 清廉医护选了几个, 那清廉医护呢，选了几个: a one-character verb, marked done by 了 or 过, between what is counted and a trailing count. */
const VERB_THEN_COUNT = new RegExp(`(?<=\\p{Script=Han})(?:呢[，,]?\\s*)?\\p{Script=Han}[了过](?:几|多少)[${MEASURE_WORDS}]?[？?！!。]*$`, "u");

/**
 * The one of `words` standing right against where `ending` matches at the end of `asked`: what is
 * counted when the question puts it first. A word no report has, right before the question word
 * (347名人才博士几个 → 博士), and no figure of the reports counts it; a word the reports have only
 * before a verb done (清廉医护选了几个), since right before a question word it is as often a verb itself (多出来多少).
 */
function countedBefore(asked: string, words: string[], ending: RegExp): string | null {
  const at = ending.exec(asked)?.index ?? -1;
  return words.find((t) => at > 0 && asked.lastIndexOf(t, at - 1) === at - t.length) ?? null;
}

/**
 * 23名优秀护理工作者中，有几名来自…, 347名人才里博士有多少名, 那130亿里…投了多少: a count of part of a set
 * (or of a sum) the question states, the words naming the set, and those naming the part.
 */
const SUBSET = new RegExp(
  `(\\d+(?:\\.\\d+)?(?:[万亿][${MEASURE_WORDS}]?|[${MEASURE_WORDS}]))([^，,。？?]{0,20})(?:中|里面?|里头|当中|之中)[，,]?([^，,。？?]{0,16}?)(?:有)?(?:几|多少)[${MEASURE_WORDS}]?([^，,。？?]{0,16})`,
  "u",
);

/**
 * The words naming the part of a set a SUBSET match asks about: the terms after the set's own words;
 * when the part is named in everyday words read as the reports' (68人里医生几个 → 医务人员), those.
 */
function partNames(subset: RegExpExecArray, asked: string, terms: string[]): string[] {
  const [setWords, before, after] = [subset[2]!, subset[3]!, subset[4]!];
  const named = terms.filter((t) => (before.includes(t) || after.includes(t)) && !setWords.includes(t));
  return named.length > 0 || !/\p{Script=Han}{2}/u.test(before + after) ? named : terms.filter((t) => !asked.includes(t));
}

/** 每一类各有多少, 每个…分别多少, 5家医疗机构分别接诊了多少: a count of each part of something. */
const EACH = /每一?[类个项种批家支所][^，,。？?]{0,8}(?:各|分别)?(?:有|是|为)?(?:多少|几)|各(?:有|是|为)多少|[\d一二两三四五六七八九十]+[类个项种批家支所名][^，,。？?]{1,14}[，,]?(?:各自?|分别)[^，,。？?]{0,8}(?:多少|几)/;

/** Times yet to come (明年, 今后): the reports' plans are said with 将, 计划 or 预计 (see FUTURE in lead.ts). */
const FUTURE_ASKED = /明年|后年|下一年|今后|将来|未来/;

/** 一共有多少, 总共有多少: how many there are in all. */
const TOTAL = /一共有|总共有|共有|总数|一共多少|总共多少/;

/** Nouns a count question may end on that count nothing in particular (完成了多少工作). */
const VAGUE_NOUNS = new Set(["工作", "事情", "东西", "事儿"]);

/** A unit the counted-noun pattern may take for a noun: 多少人次 counts in 人次, it names nothing counted. */
const UNIT_ONLY = new RegExp(`^[${MEASURE_WORDS}]+$`, "u");

/** The counted noun, when it begins one of the question's terms (多少名老年人 → 老年; not 多少人参加's 参加 if no term starts so). */
function countedTerm(noun: string | undefined, terms: string[]): string | null {
  return noun !== undefined && !VAGUE_NOUNS.has(noun) && !UNIT_ONLY.test(noun) && terms.some((t) => t.startsWith(noun)) ? noun : null;
}

/** How a share is asked (百分之多少, 比例是多少, 接种率多少). */
const SHARE_ASKED = new RegExp(`^(?:百分之|${SHARE_NOUNS}|率)`);

/** 多少钱 asks for an amount in 元 (130亿元), 百分之多少 and 比例是多少 for a percentage (产前筛查率为83.26%). */
function unitOf(asking: RegExpExecArray | null, asked: string): string | null {
  const word = asking?.[1];
  // 年度预算？, 投入资金？: an amount of money asked by its noun alone.
  if (asking === null) return MONEY_NOUN_ASKED.test(asked) ? "元" : null;
  if (SHARE_ASKED.test(asking[0])) return "%";
  // 经费有多少, 投资多少: an amount of money is counted in 元 (130亿元), not in 家 or 个.
  if (word === undefined && MONEY.test(asked.slice(Math.max(0, asking.index - MONEY_WINDOW), asking.index))) return "元";
  return word === undefined ? null : word === "钱" ? "元" : word;
}

/** Nouns of money a count may ask about without a measure word: those a question may end on, and more. */
const MONEY = new RegExp(`${MONEY_NOUNS}|补助|补贴|奖金|花了|花费`);
/** A noun of money ending the question. */
const MONEY_NOUN_ASKED = new RegExp(`(?:${MONEY_NOUNS})(?:吗|呢)?[？?。！!]*$`);
/** How far before 多少 a noun of money may stand (经费有多少, 投资了多少). */
const MONEY_WINDOW = 6;

/** The term standing last before the question word `asking` matches, when it is one of `terms`. */
function placedTerm(asked: string, terms: string[], asking: RegExp | null): string | null {
  const at = asking === null ? -1 : (asking.exec(asked)?.index ?? -1);
  if (at < 0) return null;
  const before = terms.map((t) => ({ t, end: asked.lastIndexOf(t, at - 1) + t.length })).filter((x) => x.end >= x.t.length && x.end <= at);
  return before.length === 0 ? null : before.reduce((a, b) => (b.end > a.end ? b : a)).t;
}
