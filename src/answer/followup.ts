/**
 * Follow-ups: an elliptical question that names only a new subject (那徐州呢？,
 * 江海区的呢) is the conversation's previous question asked about it; a
 * question that asks more about what the previous one asked (具体是怎么做的？,
 * 有多少人参加？) is asked about that; and a question that goes on about the
 * same subject without naming it (那党委书记是谁？) is asked about the
 * previous question's subject.
 */
import { placeMentions } from "../index/gazetteer.js";
import type { Vocabulary } from "./question.js";
import { isFiller, isGenericVerb, questionTerms, termsWithout } from "./terms.js";
import { QUESTION_WORD } from "./wording.js";

/** An elliptical follow-up: a new subject and nothing else (那徐州呢？, 江海区的呢). */
const ELLIPTICAL = /^(?:那么?|那在|还有|再问一下|换成)?\s*(.{1,16}?)\s*(?:的情况|的|那边|这边|那里|那儿)?\s*(?:呢|怎么样|如何|又如何|又是怎样|也是吗|那边)[？?！!。\s]*$/;

/**
 * 那徐州呢？ after "南岸区有多少名党员？" → "徐州有多少名党员？": the previous
 * question with its subject replaced by the new one. With `bare`, a question
 * naming a subject and nothing but question words (那徐州有多少名？) is read
 * the same way. Null when `text` is no such follow-up.
 */
export function completeFollowUp(text: string, previous: string, { gazetteer, seen }: Vocabulary, bare: boolean): string | null {
  const m = ELLIPTICAL.exec(text);
  // With a subject and nothing else but question words, a question asks the previous one again (那徐州有多少家？).
  if (!m && !(bare && QUESTION_WORD.test(text))) return null;
  const named = m ? m[1]!.replace(/^(?:在|是)/, "") : text;
  const subject = gazetteer.find(named)[0] ?? [...placeMentions(named).keys()][0] ?? null;
  // Only a subject may stand alone (那措施呢 is not a follow-up this can complete), or with words
  // the previous question has: 那江北新区的新院区呢 after 南岸区的市五院新院区什么时候建成投用？
  if (subject === null || termsWithout(named, [subject], seen).some((t) => !isFiller(t) && !previous.includes(t))) return null;
  // Place-shaped words (贯彻市…) are only taken for the old subject when the corpus knows none in the question.
  const known = gazetteer.find(previous);
  const old = known.length > 0 ? known : [...placeMentions(previous).keys()];
  if (old.length === 0) return `${subject}${previous}`;
  let out = previous;
  for (const o of old) out = out.replaceAll(o, "\u0000");
  // Several mentions of the old subject become one mention of the new one.
  return out.replace(/\u0000+/g, subject).replaceAll(`${subject}${subject}`, subject);
}

/** 第二天呢？, 前一天呢: the day after or before the one the previous question names. */
const DAY_SHIFT = /^(?:那么?)?\s*(第二天|次日|隔天|后一天|前一天|头一天)\s*(?:呢|怎么样|又如何)?[？?！!。\s]*$/;

/**
 * 第二天呢？ after "义马卫健委5月8日开了什么会？" → "义马卫健委5月9日开了什么会？": the previous
 * question about the day after (or before) the one it names. Null when `text` is no such follow-up
 * or the previous question names no day.
 */
export function shiftDay(text: string, previous: string): string | null {
  const shift = DAY_SHIFT.exec(text)?.[1];
  const date = /(\d{1,2})月(\d{1,2})[日号]/.exec(previous);
  if (shift === undefined || date === null) return null;
  const day = Number(date[2]) + (/前|头/.test(shift) ? -1 : 1);
  // A shift across a month's end would need the month's length; such a day is left unread.
  if (day < 1 || day > 28) return null;
  return previous.replace(date[0], `${date[1]}月${day}日`);
}

/** 第二个是什么？, 那第三项呢: another item of the series the previous question asked one of. */
const ORDINAL_SHIFT = /^(?:那么?)?\s*(第[一二三四五六七八九十\d]+)([个项条点])?\s*(?:是什么|是啥|是哪个|呢)?[？?！!。\s]*$/;

/**
 * 第二个是什么？ after "南岸区的四个抓手，第一个是什么？" → "南岸区的四个抓手，第二个是什么？": the previous
 * question about the item asked now. Null when `text` is no such follow-up or the previous asks no item.
 */
export function shiftOrdinal(text: string, previous: string): string | null {
  const asked = ORDINAL_SHIFT.exec(text);
  const before = /第[一二三四五六七八九十\d]+(?=[个项条点])/.exec(previous);
  return asked === null || before === null ? null : previous.replace(before[0], asked[1]!);
}

/** Words standing for the previous question's subject. */
const PRONOUN = /他们|她们|它们|该委|该局|当地/;
/** Words a question opens with when it goes on from the previous one. */
const OPENER = /^(?:那么?|那个|这个|还有|另外|此外|再问一下|相应地?|与此相应|与此同时)[，,\s]*/;
/** Words that go on from the previous question (那…, 他们…, 当地…, 刚才说的…) rather than start a new one. */
const CONTINUATION = new RegExp(`${OPENER.source}|${PRONOUN.source}|那边|那里|其中|刚才|刚刚|上面说的|前面说的`);

/**
 * 那党委书记是谁？ after "南岸区创建了哪些清廉品牌？" → "南岸区党委书记是谁？". Only
 * a question that names no place and reads as going on (see CONTINUATION) is
 * completed: 什么是“2+6+x”？ after a 徐州 question asks about every report.
 */
export function carrySubject(text: string, previous: string, { gazetteer }: Vocabulary): string | null {
  if (!CONTINUATION.test(text) || gazetteer.find(text).length > 0 || placeMentions(text).size > 0) return null;
  const subjects = gazetteer.find(previous);
  if (gazetteer.subjectCount(subjects) !== 1) return null;
  const rest = text.replace(OPENER, "");
  // 他们的党员示范岗 → 南岸区的党员示范岗: the pronoun stood for the subject.
  return PRONOUN.test(rest) ? rest.replace(PRONOUN, subjects[0]!) : `${subjects[0]}${rest}`;
}

/**
 * Words a question opens with when it asks more about what the previous one asked (具体…, 其中…, 他…, 该评定…, 上述检查…;
 * 他们… the people it asked about). 他们的… is the previous subject's own (see carrySubject).
 */
const DETAIL_OPENER = /^(?:那么?|那个|这个|还有|另外)?[，,\s]*(?:具体|详细|其中|下面|下设|当时|当天|后来|然后|为什么|为啥|效果|成效|结果|举(?:个|几个)?例|比如|例如|[他她它](?!们)|[他她]们(?!的)|该(?![局委])|上述|前述|上面(?:说|提)到?的)/;
/** Words that ask more about a matter without naming one: 都有哪些形式, 举个例子, 谁负责. */
const MORE_ABOUT = new Set("形式 例子 效果 成效 结果 细节 过程 意义 目的 原因 时间 地点 负责 参加 参与 人员 规模 开始 结束 举办 步骤 安排 要求 职务 职位 身份 作用".split(" "));
/** Question words and end punctuation: what is left of a question is what it is about. */
const ASKING = /(?:是|有|在)?(?:(?:多少|几)(?:人次|剂次|场次|[个家名位项次场条人所座岁台份])?|谁|哪些|哪几[个家项位]?|哪一?[个家位所座支项条种类里儿天年]?|(?:什么|啥)时候|什么|啥|怎么样?|怎样|如何|何时)|是否|有没有|是不是|[吗呢吧啊呀][？?！!。]*$|[？?！!。]+$/g;

/** A follow-up read as going on from the previous question: the question as completed, and the part that came from the previous one. */
export interface Continuation {
  text: string;
  topic: string;
}

/**
 * 具体是怎么做的？ after "江北新区是怎么推进党史学习教育的？" → "江北新区推进党史学习
 * 教育，具体是怎么做的？": the previous question, as a statement of what was
 * asked about, then the new one. A question naming no subject that opens by
 * asking for more (see DETAIL_OPENER), or has no words of its own beyond the
 * previous question's and words asking for more (有多少人参加？), is surely one;
 * `loosely`, any question naming no subject may be (培训了多少人？): the caller
 * then weighs this reading against the question read alone.
 */
export function continueTopic(text: string, previous: string, { gazetteer, seen }: Vocabulary, loosely = false): Continuation | null {
  if (gazetteer.find(text).length > 0 || placeMentions(text).size > 0) return null;
  const own = questionTerms(text, seen).filter((t) => !isFiller(t) && !isGenericVerb(t) && !MORE_ABOUT.has(t) && !previous.includes(t));
  if (!loosely && !DETAIL_OPENER.test(text) && own.length > 0) return null;
  // A previous follow-up's request for details (…，具体是怎么做的？) adds nothing to the topic.
  const topic = previous.replace(/[，,](?:具体|详细)[^，,]*$/, "").replace(ASKING, "").replace(/[的，,\s]+$/, "");
  // 疫苗呢？ asks the same of another thing: 那 marks it as what the answer must be about (see asked.ts).
  // Not 后来呢, 具体呢: those ask more of the same thing.
  const named = /呢[？?！!。\s]*$/.test(text) ? ELLIPTICAL.exec(text)?.[1] : undefined;
  const other = named !== undefined && !DETAIL_OPENER.test(named) && questionTerms(named, seen).length > 0 ? named : undefined;
  const asked = other === undefined ? text.replace(OPENER, "") : `那${other.replace(OPENER, "")}呢？`;
  // Asking the same of another thing keeps what was asked (…接诊多少人次，那核酸检测呢？ wants a count).
  const before = other === undefined ? topic : previous.replace(/[？?！!。\s]+$/, "");
  return topic.length === 0 ? null : { text: `${before}，${asked}`, topic };
}
