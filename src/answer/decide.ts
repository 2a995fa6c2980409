/**
 * Deciding how far the reports answer a question: `answered` when a sentence
 * states the asked-for thing about the subject, `related` when the reports
 * speak about the subject without stating it, `not_found` otherwise. Also
 * finds the span of a sentence that answers (the figure, the name, the date).
 */
import type { AnswerStatus } from "../types.js";
import { looksLikePersonName } from "../index/gazetteer.js";
import type { Question } from "./question.js";
import { ORDINAL_EXPRESSION, RANK_EXPRESSION, ROLE_WORDS } from "./wording.js";
import { MEASURE_WORDS } from "./terms.js";
import { NAMED_PERSON_WINDOW, RELATED_MIN_COVERAGE } from "./tuning.js";
import { NUMBER, figures, near, statedValues, figureValue } from "./figures.js";

/** Organisational units a role can belong to instead of the subject itself (科主任, 副主任). */
const SUB_UNIT = "科室部所站组队副";
const DATE = /\d{4}年(?:\d{1,2}月(?:\d{1,2}日)?)?|\d{1,2}月\d{1,2}日|\d{1,2}月(?:份|底|初|中旬|下旬|上旬)|今年\d{1,2}月|今年|去年|日前|近日|(?:早上|上午|中午|下午|晚上)?\d{1,2}[时点](?:\d{1,2}分)?/;
/** An organisation named as a partner or organiser: 联合江海区委组织部, 由市卫健委主办. */
const PARTNER_ORGANISATION = /(?:联合|会同|携手|协同|联手|邀请|代表|与|和|同|由)(\p{Script=Han}{2,12}?(?:组织部|政府|宣传部|委员会|党工委|党委|党组|支部|中心|协会|学会|集团|公司|大学|学院|医院|部|委|局|办|站|所|队|团))/gu;
/** An organisation that does something, opening its clause: 义马市疾控中心党支部派出9名专业人员. */
const ACTING_ORGANISATION =
  /(?:^|[，,。；;])(\p{Script=Han}{2,14}?(?:党支部|党总支|党委|党组|党工委|中心|医院|卫健委|卫健局|卫生院))(?=派出|选派|组织|开展|牵头|负责|举办|成立|组建|联合|会同)/gu;
/** A place something is at or goes to: 在市人民医院, 赴江津, 走进2家公立医院. */
const PLACE_NAMED =
  /(?:在|到|赴|于|前往|走进|来到|落户)([\p{Script=Han}\d]{1,14}?(?:省|市|区|县|镇|乡|村|社区|街道|小区|医院|中心|卫生院|基地|会议室|学校|广场|公园|采样点|旧址|礼堂|大厅|院区)|\p{Script=Han}{2,4}(?=[、，,等]|开展|召开|举办|参加|学习|考察|调研|参观|支援|交流))/gu;
/** How a name of each kind a which-question asks for ends (哪个单位 → …医院, …中心, …委). */
const KIND_SUFFIXES: Record<string, string> = {
  // 干部 ends in 部 and names no unit.
  单位: "医院|卫生院|卫生室|中心|委员会|党委|工委|卫健委|卫健局|(?<!干)部|办公室|社区|公司|学校|支部|服务站",
  部门: "委员会|卫健委|卫健局|(?<!干)部|办公室|中心",
  机构: "医院|卫生院|卫生室|中心|服务站|疾控中心",
  医院: "医院|卫生院|院区",
  学校: "学校|中学|小学|大学|学院",
  企业: "企业|公司|集团|厂",
  部队: "军|部队|师|团",
};

/** A count of things of a kind (走进2家公立医院), which names none of them. */
const COUNTED_KIND = new RegExp(`(?<![第\\d])${NUMBER}\\s?[${MEASURE_WORDS}]\\p{Script=Han}{0,4}$`, "u");

/** What may stand before a name in the few characters read with it (该局联合|江海区委组织部, 了解|医院). */
const LEAD_IN = /^.*(?:联合|会同|走进|深入|了解|指导|督促|推动|到|在|赴|于|对|向|和|与|及|、|的)/u;
/** What is left of a general mention of a kind rather than a name (医院, 各社区, 该单位, 公立医院). */
const GENERIC_NAME = /^(?:各|该|本|此|这|那|全|公立|所有|辖区|基层)|^(?:医院|社区|单位|部门|机构|学校|企业|支部|科室)$/;

/** A name of `kind`: a few characters ending as names of that kind do (…社区 for 社区 when no suffixes are listed). */
function namedOfKind(kind: string): RegExp {
  return new RegExp(`[\\p{Script=Han}\\d]{2,12}?(?:${KIND_SUFFIXES[kind] ?? kind})`, "gu");
}

/** Punctuation that ends a clause. */
const CLAUSE_END = "，,；;。：:";

/** Words that give a cause or a purpose. */
const CAUSE = /因为|由于|原因|为了|旨在|以便|导致|所以|因此|是为/;
/** A day, for 几号: 今年5月 does not say which day. */
const DAY = /\d{1,2}月\d{1,2}[日号]|\d{1,2}[日号]/;
/** A year, for 哪一年: 6月初 does not say which year. */
const YEAR = /\d{4}年|今年|去年|前年/;
const PERSON_NAME = `(?:${ROLE_WORDS})(?:[、，](?:${ROLE_WORDS}))*\\s*([\\p{Script=Han}]{2,3})`;
/**
 * A person the report names without a role, opening a clause or listed with others, before what
 * people do (陆婉秋立即协助…, 赵金萍、刘兆昌、陈红爱组成3人小组): who a 她叫啥 asks about.
 */
const UNROLED_NAME = /(?<=^|[，,。；;：:、“])(\p{Script=Han}{2,3}?)(?=、|立即|主动|第一时间|带领|表示|说|先后|每天|坚持|放弃|连续|作为|组成)/gu;

/** Every 书记 a report names (党委书记, 党组书记, 党工委书记) answers a question about the subject's 书记; a 书记 or 局长 its 一把手 or 负责人; a 领队 or 队长 answers 带头的是谁. */
function roleAlternatives(role: string): string {
  if (/^(?:党委|党组|党工委)?书记$/.test(role)) return "(?:党委|党组|党工委|党总支)?书记";
  // 主要负责人 of a commission is its 一把手 as well.
  if (role === "一把手" || role === "负责人" || role === "负责同志") return "(?:负责人|(?:党委|党组|党工委|党总支)?书记|局长|主任|院长)";
  if (role === "领导") return `(?:${ROLE_WORDS})`;
  return /^(?:带头|领头|带队)的$/.test(role) ? "(?:总?领队|队长|组长|负责人|带头人)" : role;
}

function roleWithName(role: string | null, ofSubject: boolean): RegExp {
  if (role === null) return new RegExp(PERSON_NAME, "gu");
  // A 科主任 or 副主任 is not the subject's 主任 unless the question asked for that (but 那位主任
  // in a question naming no subject may be any 主任); the name may follow a second role
  // (总领队，市第一人民医院检验科副主任余汉忠).
  return new RegExp(
    `${ofSubject ? `(?<![${SUB_UNIT}])` : ""}${roleAlternatives(role)}(?:[、，,][^，,。；]{0,20}?(?:${ROLE_WORDS}))*\\s*([\\p{Script=Han}]{2,3})`,
    "gu",
  );
}

/** Every span of `text` that states what `q` asks for, for the kinds that ask for one thing. */
export function kindSpans(q: Question, text: string): string[] {
  switch (q.want) {
    case "count": {
      // 第几次 is answered by 第十三次, not by 第二期.
      if (q.asksRank) return text.match(RANK_EXPRESSION) ?? [];
      if (q.asksOrdinal) return (text.match(ORDINAL_EXPRESSION) ?? []).filter((o) => q.unit === null || o.endsWith(q.unit));
      // 那“六大类224项”里每一类各有多少项: a figure the question states is not what it asks, however
      // it is written there (近700人 is the 700名 of the report).
      const stated = statedValues(q);
      return figures(text, q)
        .map((f) => f.span)
        .filter((span) => !q.text.includes(span) && !stated.includes(figureValue(span) ?? NaN));
    }
    case "person": {
      // 院长负责制 follows a role too: only a name that starts with a surname is a person. Without
      // a role (优秀护理工作者都叫什么), the name must stand by the people the question names.
      // A name without a role is of the sentence's story (…一名村民出现低血糖反应后,陆婉秋立即…): the sentence speaks of what was asked.
      const roled = [...text.matchAll(roleWithName(q.role, q.subjects.length > 0))].filter(
        (m) => q.role !== null || near(text, m.index, m[0].length, q.terms, NAMED_PERSON_WINDOW),
      );
      const unroled = q.role === null && q.terms.some((t) => text.includes(t)) ? [...text.matchAll(UNROLED_NAME)] : [];
      const people = [...roled, ...unroled].filter((m) => looksLikePersonName(m[1]!)).map((m) => m[0]);
      const organisations = q.asksOrganisation ? [...text.matchAll(PARTNER_ORGANISATION), ...text.matchAll(ACTING_ORGANISATION)].map((m) => m[1]!) : [];
      return [...people, ...organisations];
    }
    case "date":
      return ((q.asksYear ? YEAR : q.asksDay ? DAY : DATE).exec(text) ?? []).slice(0, 1);
    case "place":
      // 去哪里 is answered by 走进3家公立医院; 分别在哪些单位 asks for their names.
      return [...text.matchAll(PLACE_NAMED)].map((m) => m[1]!).filter((place) => q.kind !== "list" || !COUNTED_KIND.test(place));
    case "which":
      // 走进2家公立医院 counts hospitals, it names none; 了解医院党建 speaks of hospitals in general.
      return q.whichKind === "城市"
        ? [...text.matchAll(PLACE_NAMED)].map((m) => m[1]!)
        : [...text.matchAll(namedOfKind(q.whichKind!))].map((m) => m[0].replace(LEAD_IN, "")).filter((name) => !COUNTED_KIND.test(name) && !GENERIC_NAME.test(name));
    case "name": {
      // A name is quoted (“清廉仁济”), or is the thing asked about named in full (…医院总支部委员会);
      // 新建3座公益性骨灰堂 counts the things, it does not name them.
      // A name the question says itself (10个江南医疗菁英都叫啥 → “江南医疗菁英”) is not the one it asks for.
      const quoted = (text.match(/“[^”]{2,20}”|《[^》]{2,30}》/g) ?? []).filter((name) => !q.text.includes(name.slice(1, -1)));
      if (quoted.length > 0) return quoted;
      if (q.placed === null) return [];
      // 4个党支部分别叫什么 asks the names of what it counts: a list of them (一党支部、…和退休党支部), not
      // the noun itself (10个江南医疗菁英都叫啥 → 10名人才获评“江南医疗菁英”).
      const named = `[^、，,。；;和及]{1,10}?${q.placed.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`;
      const asked = q.text.indexOf(q.placed);
      if (asked >= 0 && countedAt(q.text, asked, q.placed)) return text.match(new RegExp(`${named}(?:[、和及]${named})+`, "gu")) ?? [];
      const at = text.indexOf(q.placed);
      return at >= 0 && !countedAt(text, at, q.placed) ? [q.placed] : [];
    }
    case "reason":
      return text.split(/[，,；;。]/).filter((clause) => CAUSE.test(clause));
    default:
      return [];
  }
}

/** Whether `noun` at `at` of `text` is counted, before it (新建3座…骨灰堂) or after it (居家养老服务中心72个). */
function countedAt(text: string, at: number, noun: string): boolean {
  return new RegExp(`${NUMBER}[${MEASURE_WORDS}][^，,。；;]{0,6}$`, "u").test(text.slice(0, at)) || new RegExp(`^${NUMBER}[${MEASURE_WORDS}]`, "u").test(text.slice(at + noun.length));
}

/** Whether the answer is one thing a sentence either states or does not (a count, a person, a date). */
export function wantsSpan(q: Question): boolean {
  return q.want !== null;
}

/** Whether a sentence holds the kind of thing asked for (always true for kinds without one). */
export function answersKind(q: Question, text: string): boolean {
  return !namesOtherOrdinal(q, text) && (!wantsSpan(q) || kindSpans(q, text).length > 0);
}

/** Whether `text` is about another of a series the question names one of (第二期 when 第一期 was asked). */
function namesOtherOrdinal(q: Question, text: string): boolean {
  if (q.ordinals.length === 0) return false;
  const series = (o: string) => o.slice(-1);
  const named: string[] = text.match(ORDINAL_EXPRESSION) ?? [];
  return q.ordinals.some((o) => !named.includes(o) && named.some((n) => series(n) === series(o)));
}

/**
 * The part of a sentence that answers: for counts, names and dates the span
 * nearest the question's words; for other kinds the clause that shares most
 * with the question, when the sentence has several. Always a substring of `text`.
 */
export function highlightOf(q: Question, text: string): string | null {
  const spans = kindSpans(q, text);
  if (spans.length > 0) {
    const count = (part: string) => q.terms.reduce((n, t) => n + (part.includes(t) ? 1 : 0), 0);
    // The question's words in the span's own clause first (人才发展指数居全省第三), then close around it.
    const near = (span: string) => {
      const at = text.indexOf(span);
      const clauseStart = Math.max(...[...CLAUSE_END].map((p) => text.lastIndexOf(p, at)));
      const clause = text.slice(clauseStart + 1, at + span.length);
      return count(clause) * 100 + count(text.slice(Math.max(0, at - 12), at + span.length + 12));
    };
    return withListed(text, spans.reduce((best, s) => (near(s) > near(best) ? s : best)), spans);
  }
  if (q.kind === "list" || q.kind === "overview" || q.kind === "comparison") return null;
  const clauses = text.split(/(?<=[，,；：:])/).map((c) => c.replace(/[，,；：:。！？]$/, "")).filter((c) => c.length >= 4);
  if (clauses.length < 2) return null;
  const shared = (c: string) => q.terms.reduce((n, t) => n + (c.includes(t) ? t.length : 0), 0);
  const best = clauses.reduce((a, b) => (shared(b) > shared(a) ? b : a));
  return shared(best) > 0 ? best : null;
}

/** `span` with the spans listed right beside it (副书记董兴连、副市长杨冬林): people asked for together are highlighted together. */
function withListed(text: string, span: string, spans: string[]): string {
  let start = text.indexOf(span);
  if (start < 0) return span;
  let end = start + span.length;
  for (let grown = true; grown; ) {
    grown = false;
    for (const other of spans) {
      const after = text.startsWith(`、${other}`, end) || text.startsWith(`和${other}`, end);
      const before = start > other.length && text.startsWith(`${other}、`, start - other.length - 1);
      if (after) end += other.length + 1;
      if (before) start -= other.length + 1;
      grown ||= after || before;
    }
  }
  return text.slice(start, end);
}

/**
 * The answer's status from the best evidence: how much of the question the
 * best passage covers, and whether the lead sentence states the asked-for thing.
 */
export function decideStatus(q: Question, bestCoverage: number, leadAnswers: boolean, minCoverage: number): AnswerStatus {
  // A claim no report makes is never confirmed; what they do say on it is shown instead.
  if (q.checksClaim) return bestCoverage >= RELATED_MIN_COVERAGE ? "related" : "not_found";
  // A place the reports do not know, or a word no report has (世界杯), with no subject they know: not about the reports.
  if ((q.unknownPlaces.length > 0 || q.unattested.length > 0) && q.subjects.length === 0) return "not_found";
  if (bestCoverage >= minCoverage && leadAnswers) return "answered";
  // "Related" says the reports speak of the subject: without one the corpus knows, there is nothing to relate to.
  return q.subjects.length > 0 && bestCoverage >= RELATED_MIN_COVERAGE ? "related" : "not_found";
}
