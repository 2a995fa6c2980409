/**
 * Question understanding: everything that reasons about what a question asks.
 * A question is normalized (full-width → half-width, traditional →
 * simplified; said.ts, which also sets aside what the user says before
 * asking), its subject is looked up in the corpus's gazetteer, the kind
 * of answer it wants is read from its wording, and what is left are the
 * content terms a passage must cover. An elliptical follow-up (那徐州呢？)
 * is completed from the previous question first (followup.ts); content
 * terms, everyday words, what is asked for (asked.ts), a comparison's
 * clauses and the question words themselves (wording.ts) each have a module.
 */
import type { Unsearchable } from "../types.js";
import { looksLikePersonName, placeMentions, type Gazetteer } from "../index/gazetteer.js";
import { termUnits } from "../text/tokenize.js";
import { readAsked, wantOf, type Asked, type Want } from "./asked.js";
import { subjectClauses, type Clause } from "./clauses.js";
import { readEveryday } from "./everyday.js";
import { ordinalBefore } from "./figures.js";
import { normalizeQuestion, readContext, toSimplified } from "./said.js";
import { carrySubject, completeFollowUp, continueTopic, shiftDay, shiftOrdinal, type Continuation } from "./followup.js";
import { isFiller, questionTerms, termsWithout, withoutFiller } from "./terms.js";
import {
  ASKED_MEANS,
  ROLE_WORDS,
  COMPARISON,
  COUNT,
  DATE,
  DEFINITION,
  DONE,
  FIGURE_NOUN,
  GREETING,
  HOW,
  LIST,
  SET_ALONE,
  SHARE_NOUNS,
  MORE_DETAIL,
  OVERVIEW,
  PERSON,
  PROVINCE,
  RANK_QUESTION,
  REPORT_CREDIT,
  REPORT_DATE,
  REPORT_SOURCE,
  RESULTS,
  SUBJECT_ORGANISATION,
  SUBJECTS_COUNTED,
  SUMMARY,
  VIEW,
  WEAK_LIST,
  WHICH,
  WHICH_KIND,
  YESNO,
} from "./wording.js";

export type QuestionKind =
  | "count" // 多少名, 几家: a figure with its unit
  | "person" // 是谁: a name with the asked role
  | "date" // 什么时候
  | "list" // 哪些, 包括, 四个抓手是什么: the whole list
  | "definition" // 什么是, 是指
  | "how" // 怎么, 如何, 措施
  | "overview" // 总结/介绍 one report
  | "comparison" // 哪个地区, 各地: one sentence per report
  | "yesno" // 是否, 有没有
  | "fact"; // anything else

/** A question as read: what it is about (subjects, terms), what kind of answer it wants, and what it asks for (see `Asked`). */
export interface Question extends Asked {
  /** As typed. */
  raw: string;
  /** Normalized; for a follow-up, the completed question. */
  text: string;
  /** The completed question when `raw` was an elliptical follow-up, else null. */
  interpreted: string | null;
  kind: QuestionKind;
  /** A question about the report itself: who published it (哪个网站发的), when (哪天发的), or who wrote or edited it and in which column (谁写的, 责任编辑, 栏目); else null. */
  aboutReport: "source" | "date" | "credit" | null;
  /** Whether it asks for a summary (总结, 介绍, 概括, 有什么经验) in so many words: of a whole report (kind overview) or of a part of one. */
  summarize: boolean;
  /** The part of a report the question names by its place (那第二个方面具体是怎么做的 → 2), else null. */
  partAt: number | null;
  /** Whether the question asks how something is done (怎么, 如何, 做法, 措施), also inside a comparison or follow-up. */
  asksHow: boolean;
  /** Whether it asks what came of something (成效如何, 取得了哪些成绩): a sentence with figures answers it. */
  asksResults: boolean;
  /** Whether it asks for a view (怎么评价, 怎么看): reported speech answers it (表示, 提出, 强调). */
  asksView: boolean;
  /** Subjects the corpus knows, named in the question (徐州, 南岸区). */
  subjects: string[];
  /** Reports about those subjects. */
  subjectDocs: string[];
  /** Places named that the corpus does not know (北京市): the reports cannot be about them. */
  unknownPlaces: string[];
  /** Content terms: what a passage must speak of, subjects and question words left out. */
  terms: string[];
  /** Content terms that only come from the previous question a follow-up goes on from (具体是怎么做的？): what it is about, not what it asks. */
  topic: string[];
  /** The words a sentence's phrases are matched against: the question, or what a follow-up going on from the previous one asks in its own words, and the reports' words for its everyday words (发展新党员 → 发展党员). */
  phrasing: string;
  /** A follow-up asking for the details of what the previous question asked, naming nothing new (具体是怎么做的？). */
  asksMore: boolean;
  /** Content terms no report has in any form (世界杯): a question about nothing else is not about the reports. */
  unattested: string[];
  /** The reports' words a content term may be written as (老人 → 老年人, 老年): see everyday.ts. */
  alternatives: Record<string, string[]>;
  /** What retrieval searches for: the text plus the reports' words for its everyday words. */
  searchText: string;
  /** For a comparison asking each subject its own thing, each report's clause by report id (see clauses.ts). */
  clauses: Record<string, Clause>;
  /** Set when the input is not a question the reports could answer at all. */
  unsearchable: Unsearchable | null;
}

/** A year, written or said (2020年, 今年): it dates the report asked about. */
const YEAR = /^(?:\d{4}年?|今年|去年|当年|这一?年)$/;

/** The report itself, named as what is asked about: …的报道, 那篇, 这篇纪实, …一文. */
const REPORT_NAMED = /的(?:报道|文章|纪实|材料)|[这那]篇|一文/;

/**
 * The kind of answer the question wants, from its wording and the reports it
 * names. An overview asks about nothing but the report itself: its terms are
 * filler or what the report's title and publisher say it is about.
 */
function questionKind(text: string, terms: string[], subjects: { distinct: number; docs: string[] }, vocabulary: Pick<Vocabulary, "gazetteer" | "seen">): QuestionKind {
  const { gazetteer, seen } = vocabulary;
  const subjectDocs = subjects.docs;
  // 哪个单位 about one named subject asks which of its units, not which report.
  if ((COMPARISON.test(text) && subjects.distinct !== 1) || subjects.distinct > 1) return "comparison";
  // A year (2020年的党建工作, 2020年义马…) dates the report asked about; it names no part of it.
  // 强化党建引领的报道主要讲了什么: the words up to 的报道 (那篇, 这篇纪实, 一文) say which report, not what of it.
  const named = REPORT_NAMED.exec(text);
  const reportEnd = named === null ? -1 : named.index + named[0].length;
  // With the report named as a report (那篇报道讲了哪几块), a word no report uses is the user's own
  // (劳烦, 眼睛不好使), not a part of it asked about.
  const aboutReport = (t: string) =>
    isFiller(t) ||
    YEAR.test(t) ||
    gazetteer.describes(subjectDocs, withoutFiller(t)) ||
    (reportEnd >= 0 && ((text.indexOf(t) >= 0 && text.indexOf(t) < reportEnd) || !termUnits(t).some(seen)));
  if (OVERVIEW.test(text) && subjectDocs.length > 0 && terms.every(aboutReport)) return "overview";
  if (PERSON.test(text)) return "person";
  if (DATE.test(text)) return "date";
  if (LIST.test(text)) return "list";
  if ((COUNT.test(text) && !WHICH.test(text)) || RANK_QUESTION.test(text) || FIGURE_NOUN.test(text)) return "count";
  if (DEFINITION.test(text)) return "definition";
  if (WEAK_LIST.test(text)) return "list";
  if (HOW.test(text)) return "how";
  if (YESNO.test(text)) return "yesno";
  if (SET_ALONE.test(text) && terms.length <= 1) return "list";
  return "fact";
}

/** The terms not in `own`, the follow-up's own words after the previous question's topic; none when nothing else is left. */
function topicTerms(terms: string[], own: string): string[] {
  const borrowed = terms.filter((t) => !own.includes(t));
  return borrowed.length < terms.length ? borrowed : [];
}

/** What the corpus offers for reading questions: its subjects, and which bigrams occur in it at all. */
export interface Vocabulary {
  gazetteer: Gazetteer;
  /** Whether a Han bigram occurs in some passage. */
  seen: (bigram: string) => boolean;
}

function unsearchable(text: string): Unsearchable | null {
  if (GREETING.test(text)) return "greeting";
  if (!/\p{Script=Han}/u.test(text)) return /\p{L}/u.test(text) ? "not_chinese" : "no_content";
  return null;
}

/** `text` as a follow-up of `previous`, or null; a greeting or a comparison never carries the previous subject. */
function followUp(text: string, previous: string, vocabulary: Vocabulary, loosely: boolean): Continuation | null {
  const standsAlone = unsearchable(normalizeQuestion(text)) !== null || COMPARISON.test(text);
  // 介绍一下徐州 asks about 徐州 itself, whatever came before.
  const bare = !standsAlone && !OVERVIEW.test(text);
  const asked = (completed: string | null) => (completed === null ? null : { text: completed, topic: "" });
  // 那徐州呢？去过哪些地方: the previous question about the new subject, then what is asked of it.
  const [, head, tail] = /^(.+?[？?])\s*(\S.*)$/.exec(text) ?? [];
  const switched = head === undefined ? null : (completeFollowUp(head, previous, vocabulary, false) ?? shiftDay(head, previous) ?? shiftOrdinal(head, previous));
  if (switched !== null) return continueTopic(tail!, switched, vocabulary, true) ?? asked(switched);
  return (
    asked(completeFollowUp(text, previous, vocabulary, bare) ?? shiftDay(text, previous) ?? shiftOrdinal(text, previous)) ??
    (standsAlone ? null : (continueTopic(text, previous, vocabulary, loosely) ?? asked(carrySubject(text, previous, vocabulary))))
  );
}

/** How to read a question after another: `loosely`, any question naming no subject may go on from the previous one (see `continueTopic`). */
export interface ReadingOptions {
  previous?: string;
  loosely?: boolean;
}

/** A noun of a share (比例, 占比), wherever it stands. */
const SHARE_NOUN = new RegExp(SHARE_NOUNS, "g");

/**
 * What the subject and role checks cover is not asked again as content: the subject's
 * organisation (卫健委 vs the report's 卫生健康局) and a who-question's roles (党委书记 vs 党组书记;
 * 党委书记、主任). A comparison is about every report's own organisation, and its comparing words
 * (几个地方, 分别) ask nothing; nor do the kind of thing a which-question names, the means asked for
 * or a share asked as a count.
 */
function askedNotAbout(asked: string, namesSubject: boolean, want: Want | null): string[] {
  const comparing = COMPARISON.test(asked) ? [...(asked.match(new RegExp(COMPARISON.source, "g")) ?? []), "分别", "各自"] : [];
  const organisation = namesSubject || comparing.length > 0 ? (asked.match(SUBJECT_ORGANISATION) ?? []) : [];
  // 哪些领导, 哪几位专家 ask for people by what they are: the sentence names them by their titles instead.
  // 党组织书记, 党组织一把手: whose head is asked is the subject's own Party organisation.
  const roles = want === "person" ? (asked.match(new RegExp(`(?:党组织)?(?:${ROLE_WORDS})|(?<=哪(?:[些几]位?|位)|[这那]位)(?:市领导|领导|专家|同志|代表)`, "g")) ?? []) : [];
  // 那个姓张的: a hint at the person's surname, which the sentence's name shows, not a word it says.
  const surname = want === "person" ? (asked.match(/姓\p{Script=Han}(?=的|[，,。？?]|$)/gu) ?? []) : [];
  // 是哪一天, 几号: the date asked for (一天 is no matter).
  const when = want === "date" ? (asked.match(/哪一?[天年日]|几[号日]/g) ?? []) : [];
  // 两家单位, 两边: the subjects named, counted again.
  const counted = namesSubject ? (asked.match(SUBJECTS_COUNTED) ?? []) : [];
  // 有啥数字吗 asks for figures: 数字 is no matter (the reports' 数字鸿沟). 数据 is a stopword (see terms.ts).
  const figures = FIGURE_NOUN.exec(asked)?.[0].match(/数字/) ?? [];
  // 比例多少 asks for a share, which the reports state as a rate (产前筛查率为83.26%).
  const share = want === "count" ? (asked.match(SHARE_NOUN) ?? []) : [];
  return [...organisation, ...comparing, ...(WHICH_KIND.exec(asked) ?? []).slice(0, 1), ...(asked.match(ASKED_MEANS) ?? []), ...roles, ...surname, ...when, ...counted, ...figures, ...share];
}

/** A term as the question wrote it and as the reports may write it (老人 → 老年人, 老年). */
export function termForms(q: Pick<Question, "alternatives">, term: string): string[] {
  return [term, ...(q.alternatives[term] ?? [])];
}

/** Reads a question; `previous` is the conversation's last question, for follow-ups. */
export function analyzeQuestion(raw: string, vocabulary: Vocabulary, { previous, loosely = false }: ReadingOptions = {}): Question {
  const { gazetteer, seen } = vocabulary;
  // Completed in the user's own script and punctuation, since the answer shows it.
  const followed = previous === undefined ? null : followUp(toSimplified(raw.trim()), toSimplified(previous.trim()), vocabulary, loosely);
  const completed = followed?.text ?? null;
  // What a follow-up going on from the previous question asks in its own words (具体是怎么做的).
  const own = followed === null || followed.topic === "" ? null : normalizeQuestion(followed.text.slice(followed.topic.length + 1));
  const context = readContext(completed ?? raw, vocabulary);
  const question = normalizeQuestion(completed ?? raw);
  // 我是江北新区的退休老人，…新区有搞这个吗: the subject the user named before asking.
  const asked = gazetteer.find(question).length === 0 && context.subjects.length > 0 ? `${context.subjects.join("和")}${question}` : question;
  const subjects = gazetteer.find(asked);
  const subjectDocs = [...new Set(subjects.flatMap((s) => gazetteer.docsOf(s)))];
  const known = new Set(subjects);
  const provinces = (asked.match(PROVINCE) ?? []).map((name): [string, { stem: string }] => [name, { stem: name }]);
  const unknownPlaces = [...placeMentions(asked).entries(), ...provinces]
    // 江门江海区 runs a known city into a known place: it names them, nothing unknown.
    .filter(([name, { stem }]) => !known.has(name) && gazetteer.docsOf(stem).length === 0 && !subjects.some((s) => s.includes(stem) || name.includes(s)))
    .map(([name]) => name)
    .filter((name, i, names) => !names.some((other, j) => j !== i && other.includes(name)));
  const want = wantOf(asked);
  const terms = termsWithout(asked, [...subjects, ...unknownPlaces, ...askedNotAbout(asked, subjects.length > 0, want)], seen);
  // The kind is read from the question's own words, not from a name it quotes (“硬措施” asks no how);
  // 啥 is 什么 as people type it (分别指啥, 有啥经验).
  const kind = questionKind(asked.replace(/“[^”]*”/g, "“”").replace(/啥/g, "什么"), terms, { distinct: gazetteer.subjectCount(subjects), docs: subjectDocs }, vocabulary);
  // 他怎么看…, after a question naming a person: the sentence must name that person, not only their report.
  const referent = own !== null && /[他她](?!们)/.test(own) ? subjects.find((s) => looksLikePersonName(s) && !/[省市区县镇]$/.test(s)) : undefined;
  // Everyday words are read as the reports' (打疫苗 → 接种); the kind is read from the user's own words.
  const reading = readEveryday(asked, terms, seen);
  const contextTerms = context.terms.filter((t) => !reading.terms.includes(t));
  let why = unsearchable(asked);
  // Nothing to search for at all: no subject and no words beyond question words (？？？, 什么？).
  if (why === null && subjects.length === 0 && unknownPlaces.length === 0 && questionTerms(asked).length === 0) why = "no_content";
  const unattested = reading.terms.filter((t) => /^\p{Script=Han}+$/u.test(t) && !termUnits(t).some(seen) && reading.alternatives[t] === undefined);
  return {
    ...readAsked(asked, kind, reading.terms, unattested),
    raw,
    text: asked,
    interpreted: completed,
    kind,
    // 登在哪个栏目 asks the column, not the outlet.
    aboutReport: REPORT_CREDIT.test(asked) ? "credit" : REPORT_SOURCE.test(asked) ? "source" : REPORT_DATE.test(asked) ? "date" : null,
    summarize: SUMMARY.test(asked),
    partAt: partAt(asked),
    // 搞了啥 asks what was done, as 怎么做的 does; compared, each report's best sentence on it is the answer.
    asksHow: (HOW.test(asked) || /做法|经验|举措/.test(asked) || (kind !== "comparison" && DONE.test(asked))) && !VIEW.test(asked),
    asksView: VIEW.test(asked),
    asksResults: RESULTS.test(asked),
    subjects,
    subjectDocs,
    unknownPlaces,
    terms: [...(referent === undefined ? [] : [referent]), ...reading.terms, ...contextTerms],
    // The previous question's words a follow-up goes on from, and the user's own before asking: context.
    topic: [...(own === null ? [] : topicTerms(reading.terms, own)), ...contextTerms],
    phrasing: [own ?? asked, ...reading.words].join(" "),
    asksMore: own !== null && MORE_DETAIL.test(own) && reading.terms.every((t) => !own.includes(t)),
    alternatives: reading.alternatives,
    unattested,
    searchText: [asked, ...reading.words, ...contextTerms].join(" "),
    clauses: kind === "comparison" ? subjectClauses(asked, subjects, reading.terms, gazetteer) : {},
    unsearchable: why,
  };
}

/** What follows 第N when it names a part of a report by its place in an overview (第二个方面, 第三部分); not 第二点 or 第三项, items of a list. */
const PART_OF_REPORT = /(?:个|大)?(?:方面|部分|板块|版块|大块|块)/;

/** The part of a report a question names by its place (那第二个方面具体是怎么做的 → 2), else null. */
const partAt = (asked: string): number | null => ordinalBefore(asked, PART_OF_REPORT);
