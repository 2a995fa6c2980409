/**
 * The lead: the sentence an answer opens with, and whether it states what was
 * asked. It is the best-scored sentence that holds the kind of thing asked
 * for; a question about what a quoted name means is led by the sentence that
 * says so, and a follow-up asking for details by what follows the sentence
 * that answered before.
 */
import { normalizeText, termUnits } from "../text/tokenize.js";
import { answersKind, kindSpans, wantsSpan } from "./decide.js";
import { countsAskedNoun, figureValue, figures, near, numeralValue, statedValues } from "./figures.js";
import { holdsKeyTerm, phraseOverlap, type Evidence, type EvidenceContext, type weightedTerms } from "./evidence.js";
import { namedSet } from "./lists.js";
import { termForms, type Question } from "./question.js";
import { COUNTED_NOUN_WINDOW } from "./tuning.js";

/** The lead of an answer from `evidence` (best first), and the sentences the user has already seen (not quoted again). */
export function chooseLead(q: Question, evidence: Evidence[]): { lead: Evidence; seen: (e: Evidence) => boolean } {
  // “两大战略策略”是什么意思: the sentence that says what the name is, when there is one, over those that only use it.
  // Not when the question asks something else about the name (“一件事”改革的目标是什么).
  // Unquoted, a counted name is one too (两大战略策略是啥, 六个聚焦是哪六个).
  const quoted = q.kind === "definition" || q.kind === "list" ? (quotedName(q) ?? namedSet(q.text)?.phrase ?? quotedInReports(q, evidence)) : undefined;
  // “一件事”改革是什么 asks what the name is: its head noun (改革) follows it.
  const headed = (name: string) => q.focus !== null && normalizeText(q.text).includes(`${name}”${q.focus}`);
  const name = quoted !== undefined && (q.focus === null || !q.terms.includes(q.focus) || quoted.includes(q.focus) || headed(quoted)) ? quoted : undefined;
  const defining = name === undefined ? undefined : evidence.find((e) => definesName(name, e.text));
  // 南岸的五个方面是哪五个: the sentence that names the set (围绕“…”五个方面加压奋进) lists it.
  const set = q.kind === "list" ? namedSet(q.text)?.phrase : undefined;
  const introducing = set === undefined ? undefined : evidence.find((e) => normalizeText(e.text).includes(set));
  // 去了哪些旧址: a sentence without 旧址 lists none, however much else of the question it covers.
  const listed = q.kind === "list" && q.focus !== null && q.terms.includes(q.focus) ? q.focus : undefined;
  const naming = listed === undefined ? undefined : evidence.find((e) => holdsTerm(q, listed, normalizeText(e.text)));
  // 核酸检测做了多少人次，那疫苗呢: the sentence about what the question turns to, over those about what it turned from.
  const about = (e: Evidence) => q.contrasted === null || holdsTerm(q, q.contrasted, normalizeText(e.text));
  const contrasting = q.contrasted === null ? undefined : evidence.find(about);
  const best = (wantsSpan(q) ? evidence.find((e) => e.answers && about(e)) : undefined) ?? defining ?? introducing ?? naming ?? contrasting ?? evidence[0]!;
  // 具体是怎么做的？: the best sentence restates what the previous answer said; what follows it says more.
  // …具体有哪些？ after a count: a best sentence that names the members (共有四项,分别是…) says it all.
  const more = q.asksMore && !(q.kind === "list" && ENUMERATES.test(best.text)) ? following(best, evidence) : undefined;
  return more === undefined ? { lead: best, seen: () => false } : { lead: more, seen: (e) => e === best };
}

/**
 * Whether the lead's passage is the only one with a word of the question's own (贾汪): that ties it to the
 * question as a shared phrase does. Not the reports' word for an everyday one (发烧 → 发热), rare by chance.
 */
function hasOwnWordOnly(q: Question, lead: Evidence, context: Pick<EvidenceContext, "passagesWith">): boolean {
  const passage = normalizeText(lead.passage.chunk.text);
  return q.terms.some((t) => q.text.includes(t) && passage.includes(t) && termUnits(t).every((u) => context.passagesWith(u) === 1));
}

/** A sentence naming the members of what it counts: 共有四项,分别是…; 包括…. */
const ENUMERATES = /分别(?:是|为)|包括|[：:]\s*\S/;

/** Whether the lead states what was asked about what was asked, beyond holding the kind of thing asked for. */
export function leadAnswers(q: Question, lead: Evidence, terms: ReturnType<typeof weightedTerms>, context: Pick<EvidenceContext, "seen" | "passagesWith">): boolean {
  const { seen } = context;
  // A figure, name or date from a passage without the question's most specific word is about something
  // else (徐州's 超千万剂次 of all vaccines, asked about 九价HPV). Open questions are not held to it.
  // A date, a place or a yes must be said of the key word itself: 去年 in a sentence about the
  // epidemic does not date 首例, and a sentence about 星级党员 without 奖金 does not say yes to 奖金.
  const keyHeld =
    q.kind === "yesno"
      ? holdsKeyTerm(terms, lead, seen, "sentence", "last")
      : q.want === "date" || q.want === "place" || q.want === "which"
        ? holdsKeyTerm(terms, lead, seen, "sentence")
        : q.want === null || holdsKeyTerm(terms, lead, seen, "paragraph");
  // 多少名党员 is answered by a figure of 党员, not by the 600余人次 of another count beside it.
  const text = normalizeText(lead.text);
  const counted = q.want !== "count" || q.counted === null || q.asksOrdinal || q.asksRank || countsAskedNoun(q, text);
  // A question that names no subject must share a phrase with the passage it is answered from:
  // scattered common words (医保, 儿童) are how off-topic questions (小孩发烧了怎么办) touch the reports.
  const grounded = q.subjects.length > 0 || (q.terms.length > 0 && (phraseOverlap(q.searchText, lead.passage.chunk.text) > 0 || hasOwnWordOnly(q, lead, context)));
  // 座谈会是在哪开的 is not answered by where the leaders went the same day: the sentence names what is dated or placed.
  const placed = q.placed === null || holdsTerm(q, q.placed, text);
  // 23名…中有几名来自市人民医院 is answered about the 23, not by 市人民医院11名党员医护人员.
  // 347名人才里博士有多少名 is not answered by a figure standing by no 博士.
  const ofSet = q.partOf === null || (text.includes(q.partOf) && (q.partNames.length === 0 || countsPart(q, text)));
  // 那224项每一类各有多少项 is not answered by one figure (其中…“一把手”工程25项).
  const each = !q.asksEach || kindSpans(q, lead.text).length >= 2;
  const total = !q.asksTotal || countsWhole(q, text);
  // 南医大四附院有多少张床位 is not answered by the beds of all five projects it is listed among.
  const alone = q.want !== "count" || !countsListedTogether(q, text);
  // 九价HPV打了2.1万剂，那二价HPV接种了多少 is not answered by the 九价 sentence it restates.
  const contrast = q.contrasted === null || holdsTerm(q, q.contrasted, text);
  // 会议由谁主持 is not answered by a sentence about the meeting that names no one chairing it.
  const acts = q.doneBy === null || holdsTerm(q, q.doneBy, text);
  // 今年新发展的5名党员都是哪家单位的 asks where those five are from: a unit named beside another count
  // (走进2家公立医院) is not theirs, and a sentence without the five speaks of others.
  const aboutStated = (q.want !== "which" && q.want !== "place") || statedValues(q).every((v) => figures(text, q).some((f) => figureValue(f.span) === v));
  // 明年计划新建多少个 is not answered by what was built (先后建设运营居家养老服务中心72个).
  const ahead = !q.asksFuture || FUTURE.test(text);
  return lead.answers && keyHeld && placed && grounded && counted && ofSet && each && total && alone && contrast && acts && aboutStated && ahead && explainsName(q, lead.text);
}

/** Whether a figure of `text` other than the set's own stands by the words naming the part asked about. */
function countsPart(q: Question, text: string): boolean {
  return figures(text, q).some((f) => f.span !== q.partOf && near(text, f.at, f.span.length, q.partNames, COUNTED_NOUN_WINDOW));
}

/** Whether normalized `text` holds `term` as the question wrote it or as the reports may (its alternatives). */
function holdsTerm(q: Question, term: string, text: string): boolean {
  return termForms(q, term).some((form) => text.includes(form));
}

/** Things done to or by some of a group (培训, 表彰, 派出), or some added to it (新发展, 新增): a figure in such a clause counts those, not the whole group. */
const EVENT = /培训|表彰|派出|选派|参加|接诊|慰问|帮扶|走访|义诊|讲解|接种|检测|救治|服务|新发展|新增|新建|引进/g;

/**
 * Whether `text` has a figure answering `q` that counts a whole group: 一共有多少名党员 asks for all
 * of them, not for the 700名…党员干部 trained. A clause naming an event the question does not is about some.
 */
function countsWhole(q: Question, text: string): boolean {
  const clauses = text.split(/[，,；;。]/).filter((c) => answersKind(q, c));
  return clauses.some((c) => [...c.matchAll(EVENT)].every((m) => q.text.includes(m[0])));
}

/** What sums up things listed before it: 这5个建设项目, 共, 合计. */
const TOGETHER = /这\s*(?:\d+|[两三四五六七八九十]+)\s*[个家所项座]|合计|总计|共计|一共|总投资/;

/**
 * Whether `text` counts, together with others, what a question asks the count of alone: what the
 * question names is an item of a list (…、南医大四附院、…) and a figure follows what sums the list up
 * (这5个建设项目…8000张). A question asking for the total (一共, 这几个, 那5个) is not held to it.
 */
function countsListedTogether(q: Question, text: string): boolean {
  // …130亿，南医大四附院单个投了多少 names the whole to ask about one item of it.
  const ofOne = /单个|单独|单项|其中/.test(q.text);
  if (q.asksTotal || (!ofOne && /[这那](?:几|些|\d+|[两三四五六七八九十]+)[个家所项座]?|总|合计|一共|全部/.test(q.text))) return false;
  const lists = text.split(/[，,；;。：:]/).flatMap((clause) => (clause.includes("、") ? [clause.split("、")] : []));
  const listed = lists.flatMap((items) => items.flatMap((item, i) => listedName(item, q.text, i === 0, i === items.length - 1) ?? []))[0];
  if (listed === undefined) return false;
  const together = TOGETHER.exec(text.slice(text.indexOf(listed)));
  return together !== null && kindSpans(q, text.slice(text.indexOf(listed) + together.index)).length > 0;
}

/** Fewer characters of an item than this say too little to name it (医院). */
const LISTED_NAME_MIN = 4;

/**
 * The name of a listed item the question names: the whole item, or, where the list's last item runs
 * on into the sentence (…、省肿瘤医院新院区先后落户) or its first follows a verb (涉及提升医疗服务能力、…),
 * its longest start (of the last) or end (of the first) of at least LISTED_NAME_MIN characters the question has.
 */
function listedName(item: string, question: string, first: boolean, last: boolean): string | null {
  const chars = Array.from(item);
  if (chars.length >= 3 && question.includes(item)) return item;
  for (let n = chars.length - 1; n >= LISTED_NAME_MIN; n--) {
    const start = chars.slice(0, n).join("");
    const end = chars.slice(chars.length - n).join("");
    if (last && question.includes(start)) return start;
    if (first && question.includes(end)) return end;
  }
  return null;
}

/** 具体, 详细: the question asks for the details of what it names. */
const DETAIL = /具体|详细|细节/;
/** Asking which members or what a thing is (具体是哪4个, 具体指什么), not what was done. */
const ASKS_WHAT_IT_IS = /哪|是什么|指什么|什么意思|含义/;

/**
 * The name a question quotes to ask about it (“2+6+x”, “两大战略策略”), if any: the last one not
 * qualifying another head after a 的 (“我为群众办实事”计划的重点项目 asks about the projects;
 * “一件事”改革提出的“三个零”目标 about “三个零”) nor stated as an aim.
 */
function quotedName(q: Question): string | undefined {
  const names = [...q.text.matchAll(/“([^”]+)”/gu)];
  const after = (m: RegExpExecArray) => q.text.slice(m.index + m[0].length);
  return names.filter((m) => !QUALIFIES.test(after(m)) && !AIM.test(after(m))).pop()?.[1];
}

/** The last of the question's words that the reports quote as a name (一件事 for 新生儿出生一件事是什么, typed without quotes). */
function quotedInReports(q: Question, evidence: Evidence[]): string | undefined {
  return q.terms.filter((t) => evidence.some((e) => e.text.includes(`“${t}”`))).pop();
}

/** How the reports speak of what is yet to come (将于10月前建成, 预计, 到2025年). */
const FUTURE = /将|计划|预计|力争|争取|拟|明年|今后|未来|下一步|接下来|到20\d\d年/;

/** What follows a name that qualifies another head: a 的, then a noun or another name (计划的重点项目, 提出的“三个零”). */
const QUALIFIES = /^[^，,。？?]{0,8}的[\p{Script=Han}“]/u;
/** After a name the question gives as an aim (以“零距离、零材料、零跑腿”为目标): what aims at it is asked about, not the name. */
const AIM = /^为(?:目标|宗旨|主题)/;

/**
 * Whether `text` says what `name` is: the name, then within a few characters 是, 指, 即, 包括, 分别 or a colon;
 * or what it stands for, then the name (将…等事项整合成“一件事”, 简称“…”, “重温入党誓词、集中学习”等主题党日规定动作,
 * its members listed right before it: 外防输入、…、督查推进“四个体系”, “名医、…、名院长”四名工程).
 */
function definesName(name: string, text: string): boolean {
  if (listsCountedMembers(name, text)) return true;
  const at = text.indexOf(name);
  if (at < 0) return false;
  const quoted = text[at - 1] === "“" ? at - 1 : at;
  const before = text.slice(0, quoted);
  return (
    /^[^，,。；;、]{0,8}?(?:是|指|即|包括|分别|：|:)/.test(text.slice(at + name.length)) ||
    /(?:整合成|合并成|统称为?|简称|称为|概括为|归纳为|等\p{Script=Han}{0,6})$/u.test(before) ||
    listedBefore(name, before) ||
    listedThenCounted(name, text)
  );
}

/** A member of a list written with 、. */
const MEMBER = "[^、，,。；;“”]{1,10}";

/** How many a name counts by its leading numeral (“四个体系” → 4), or null. */
function countOf(name: string): number | null {
  const n = /^(?:[一二两三四五六七八九十]|\d+)/.exec(name)?.[0];
  return n === undefined ? null : numeralValue(n);
}

/** Whether `before` ends on as many members, listed with 、, as `name` counts (外防输入、…、督查推进 before “四个体系”). */
function listedBefore(name: string, before: string): boolean {
  const list = new RegExp(`${MEMBER}(?:、${MEMBER})+(?=”?$)`, "u").exec(before)?.[0];
  return list !== undefined && list.split("、").length === countOf(name);
}

/** Whether `text` lists as many members as `name` counts and then counts them: 从党纪学习教育、清廉医院建设、集中整治专项行动三个方面建章立制 says what “三条线路” are. */
function listedThenCounted(name: string, text: string): boolean {
  const n = countOf(name);
  const counts = new RegExp(`(${MEMBER}(?:、${MEMBER})+)([一二两三四五六七八九十]|\\d+)[个项条类大]`, "gu");
  return n !== null && [...text.matchAll(counts)].some((m) => numeralValue(m[2]!) === n && m[1]!.split("、").length === n);
}

/**
 * Whether `text` lists as many members as `name` counts, each opening with its last character
 * (“三个零” → 零距离、零材料、零跑腿) or ending with it (“四项监督” → 党委全面监督、…、党员民主监督).
 */
function listsCountedMembers(name: string, text: string): boolean {
  const set = namedSet(name);
  if (set === null || set.phrase !== name || !/\p{Script=Han}$/u.test(name)) return false;
  const last = name.slice(-1);
  return [`${last}[^、，,。；;“”]{1,6}`, `[^、，,。；;“”]{1,12}${last}`].some((member) => new RegExp(`${member}(?:、${member}){${set.size - 1}}`, "u").test(text));
}

/**
 * A question asking for the details of a quoted name (“2+6+x”培训机制具体是怎么
 * 安排的) is answered only by a sentence that says what the name is, not by one
 * that names it among other measures.
 */
function explainsName(q: Question, text: string): boolean {
  const name = quotedName(q);
  if (name === undefined) return true;
  // The details asked are the name's when asked in its clause, or in a later one asking which or what they
  // are (…“双示范计划”，具体是哪4个); …“第一时间”采取了行动，请问具体做了什么 asks what was done.
  const asked = q.text.split(/[，,。；;]/).filter((c) => DETAIL.test(c));
  return !asked.some((c) => c.includes(`“${name}”`) || ASKS_WHAT_IT_IS.test(c)) || definesName(name, text);
}

/** The sentence right after `sentence` in its paragraph, among the evidence. */
function following(sentence: Evidence, evidence: Evidence[]): Evidence | undefined {
  const inParagraph = (e: Evidence) => e.doc.id === sentence.doc.id && e.passage.chunk.paragraph === sentence.passage.chunk.paragraph;
  return evidence.filter((e) => inParagraph(e) && e.start >= sentence.end).sort((a, b) => a.start - b.start)[0];
}

