/**
 * What a user types besides the question proper: full-width and traditional
 * characters (normalized away), and what they say before asking (我是江北新区的
 * 退休老人，…), why (可以借鉴) and how they want the answer put (一两句话概括即可).
 * Only the question is read for what it asks; the subject and the words of
 * what was said before it stay as context.
 */
import { Converter } from "opencc-js";
import { placeMentions } from "../index/gazetteer.js";
import { normalizeText, termUnits } from "../text/tokenize.js";
import type { Vocabulary } from "./question.js";
import { isFiller, termsWithout } from "./terms.js";
import { AFTERWORD, ANSWER_SHAPE, ASKING_AFTER, FOR_USE, ONLY_ASKING, PREAMBLE, THANKS, USE_AFTER } from "./wording.js";

const traditionalToSimplified = Converter({ from: "t", to: "cn" });

const MONTHS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"];
/** A month in Chinese numerals where a date goes on (九月底, 五月份, 十月二十日): not 一月一次. */
const CHINESE_MONTH = /(十[一二]|[一二三四五六七八九十])月(?=底|初|末|份|[上中下]旬|\d|[一二三四五六七八九十]+[日号])/g;

/** A request put as a yes/no question: 能把…告诉我吗, 可以列一下…吗, 能不能把…列个提纲. */
const REQUEST = /[，,]?(?:能不能|能否|可否|可以|能)(?:请你|帮我)?把?([^，,。？?]*?)(?:都|全部?)?(?:告诉我|列(?:一下|出来|个提纲|个大纲)?|列举(?:一下)?)(?:吗|么)?(?=[？?]|$)/;

/** Asking for examples of what was spoken of: 能举两个名字吗, 举几个例子. */
const EXAMPLES = /(?:能不能|能否|可以|能)?举(?:[一两二三几]个)?(?:名字|例子)(?:吗|么)?(?=[？?]|$)/;

/**
 * Cantonese question words as Hong Kong users type them, in Mandarin (几多 → 多少, 佢 → 他, 边位 → 哪位).
 * Read before conversion: OpenCC turns 係 into 系. 边 alone stays (旁边, 两边).
 */
const CANTONESE: [RegExp, string][] = [
  [/有冇/g, "有没有"],
  [/冇/g, "没有"],
  // 几多间医院 counts hospitals, which Mandarin counts in 家.
  [/[几幾]多[间間]/g, "多少家"],
  [/[几幾]多/g, "多少"],
  [/咗/g, "了"],
  [/佢/g, "他"],
  [/係/g, "是"],
  [/嘅/g, "的"],
  [/乜嘢|咩/g, "什么"],
  [/[点點]样/g, "怎样"],
  [/[边邊]([个個位间間家])/g, "哪$1"],
  [/[边邊]度/g, "哪里"],
];

/** Traditional → simplified (黨史 → 党史), Cantonese question words → Mandarin (幾多 → 多少). */
export function toSimplified(text: string): string {
  // 报导 is Taiwan's (and an older mainland) spelling of the reports' 报道.
  return traditionalToSimplified(CANTONESE.reduce((t, [cantonese, mandarin]) => t.replace(cantonese, mandarin), text)).replace(/报导/g, "报道");
}

/** NFKC (８３％ → 83%), lower case, then simplified Mandarin (see `toSimplified`). */
export function normalizeQuestion(text: string): string {
  // 5月份 and 九月底 are written 5月 and 9月底 in the reports.
  const simplified = toSimplified(normalizeText(text.trim()))
    .replace(CHINESE_MONTH, (_: string, month: string) => `${MONTHS.indexOf(month) + 1}月`)
    .replace(/(\d{1,2}月)份/g, "$1")
    // 能把他们的名字都告诉我吗 asks for the names, not whether the bot can tell them.
    .replace(REQUEST, "$1是什么")
    // 能举两个名字吗, 举几个例子: which ones there are.
    .replace(EXAMPLES, "有哪些")
    // 嗯, 呃: a speaker's hesitation (voice input types it), inside words as often as between them.
    .replace(/[嗯呃]+/g, "")
    // 叫啥来着, 多少个来着: asking to be reminded, which asks nothing more.
    .replace(/来着/g, "")
    // An aside in brackets (江海区卫生健康局（即当地的卫生署）党组书记是谁) says nothing asked.
    .replace(/\([^()]*\)/g, "")
    // 咋 is 怎么 (咋创建的, 咋样); 总结下, 介绍下 are 总结一下, 介绍一下.
    .replace(/咋/g, "怎么")
    .replace(/(总结|介绍|概括|概述|说|讲|谈|聊)下(?![来去午面级属设])/g, "$1一下");
  // 我在写论文，想请你概括一下…: what the user says about themselves is not asked (its subject is kept, see readContext).
  const asked = simplified
    .slice(saidBefore(simplified).length)
    .replace(AFTERWORD, "")
    .replace(USE_AFTER, "")
    .replace(THANKS, "")
    .replace(FOR_USE, "")
    .replace(ANSWER_SHAPE, (shape: string) => (/^[？?]/.test(shape) ? shape[0]! : ""));
  return /\p{Script=Han}/u.test(asked) ? asked : simplified;
}

/**
 * What the user says before the question proper: the preamble (see PREAMBLE), and then what comes
 * before a 请问 when the question after it names something of its own (听说江北新区引进了好几家大医院，
 * 请问那5个建设项目的总投资是多少); 分享感悟的人，请问叫什么名字 asks about what came before.
 */
function saidBefore(text: string): string {
  const preamble = PREAMBLE.exec(text)?.[0] ?? "";
  const context = ASKING_AFTER.exec(text.slice(preamble.length))?.[0] ?? "";
  const rest = text.slice(preamble.length + context.length);
  return context !== "" && Array.from(rest.replace(ONLY_ASKING, "")).length >= MIN_OWN_CHARS ? preamble + context : preamble;
}

/** Characters of its own (beyond asking words) a question after 请问 needs to stand without what came before. */
const MIN_OWN_CHARS = 3;

/**
 * What the user says before asking (我是江北新区的退休老人，…; 我想给女儿打那种进口疫苗，…):
 * not the question, but the subject it names is what the question is about, and
 * the words of it the reports have place the answer as a previous question's do.
 */
export function readContext(raw: string, { gazetteer, seen }: Vocabulary): { subjects: string[]; terms: string[] } {
  const said = saidBefore(toSimplified(normalizeText(raw.trim())));
  const subjects = gazetteer.find(said);
  // 我在做重庆和广东两地的对比稿: places the reports are not about are the user's, not the question's.
  const terms = termsWithout(said, [...subjects, ...placeMentions(said).keys()], seen).filter((t) => termUnits(t).every(seen) && !isFiller(t));
  return { subjects, terms };
}
