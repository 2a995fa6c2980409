/**
 * The places and people each report is about, found by rule at index time and
 * saved with the report. A question that names one of them (徐州, 南岸区,
 * 陆小军) is about those reports, so retrieval can stay inside them even when a
 * passage never repeats its own place.
 */
import { normalizeText } from "../text/tokenize.js";

/** Administrative suffixes that end a place name (江北新区, 徐州市, 南岸区). */
const PLACE_SUFFIXES = ["自治县", "新区", "省", "市", "区", "县", "镇"];
/**
 * Characters that cannot start or end a place name before a suffix: 全市,
 * 我市, 该区, 社区, 小区, 城区 are generic, not names; nor is a question
 * word (哪位市领导 names no place called 哪位), nor what a place never
 * opens or ends with: 其 (其中县处级), an aspect particle or a time (保障了新区,
 * 下旬时新区).
 */
const NOT_A_STEM = new Set("全我本该各此其省市区县镇新两到去往在赴对于向和与及的是为从哪谁啥几么个了着时".split(""));
/** Common nouns shaped like places (党员责任区, 示范区). */
const GENERIC_PLACES = new Set(["责任区", "示范区", "功能区", "服务区", "试验区", "保护区", "风景区", "居民区", "生活区", "核心区", "商业区", "工业区", "示范县", "地级市"]);
/** Roles a report names people by (党委书记胡传峰, 局长陆小军). */
const ROLE = "(?:党委书记|党组书记|党工委书记|副书记|书记|副主任|主任|副局长|局长|副院长|院长|副市长|市长|干事|总领队|负责人|部长|科长|所长|站长)";
/** Words that follow a name in report prose: 陆小军表示, 胡传峰在…, 曹仁 (end of a caption). */
const AFTER_NAME = "(?=表示|说|在|以|向|先后|把|指出|强调|介绍|带领|[、，,。：:\\s]|$)";
const PERSON = new RegExp(`${ROLE}(?:[、，]${ROLE})*\\s*(\\p{Script=Han}{2,3}?)${AFTER_NAME}`, "gu");
/** Common Chinese surnames: a "name" after a role that starts otherwise is a verb (书记领学). */
const SURNAMES = new Set(
  "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤师".split(""),
);

/** Characters read before a place suffix: a stem of up to five, and context for the segmenter. */
const SUFFIX_WINDOW_CHARS = 12;
/** Mentions that make a place's bare stem one of the report's subjects (see `placeNames`). */
const MIN_PLACE_MENTIONS = 2;

const segmenter = new Intl.Segmenter("zh", { granularity: "word" });

/**
 * Place mentions in `text` (徐州市 → stem 徐州), counted. The stem before a
 * suffix is the segmenter's word there (徐州|市), or the run of single
 * characters it could not place (江|海|区 → 江海), or a single character joined
 * to the word before it (九龙|坡|区 → 九龙坡).
 */
export function placeMentions(text: string): Map<string, { stem: string; count: number }> {
  const mentions = new Map<string, { stem: string; count: number }>();
  const count = (name: string, stem: string): void => {
    if (GENERIC_PLACES.has(name)) return;
    const seen = mentions.get(name);
    if (seen) seen.count++;
    else mentions.set(name, { stem, count: 1 });
  };
  // A place ends in a suffix character, and only the few words before it matter: each suffix is
  // read in a short window of Han text ending with it. Segmenting whole reports instead took
  // about a second per megabyte (ICU), which a rebuild of thousands of reports cannot afford.
  const norm = normalizeText(text);
  // 市级, 区域, 市场, 县处级: a level, a region or a market follows the character, not a place ending in it.
  for (const m of norm.matchAll(/[市区县省镇](?![级域场]|处级)/g)) {
    const window = norm.slice(Math.max(0, m.index + 1 - SUFFIX_WINDOW_CHARS), m.index + 1).replace(/^[^]*[^\p{Script=Han}]/u, "");
    const segments = [...segmenter.segment(window)].map((s) => s.segment);
    const i = segments.length - 1;
    // The segmenter knows some places whole (北京市, 上海市).
    const whole = /^(\p{Script=Han}{2,4})(市|区|县|省)$/u.exec(segments[i]!);
    if (whole && !NOT_A_STEM.has(whole[1]![0]!)) count(whole[0], whole[1]!);
    let suffix = segments[i]!;
    let end = i;
    // The segmenter may split 新区 into 新|区.
    if (suffix === "区" && segments[i - 1] === "新") {
      suffix = "新区";
      end = i - 1;
    }
    if (!PLACE_SUFFIXES.includes(suffix)) continue;
    const stem = stemBefore(segments, end);
    if (stem !== null) count(stem + suffix, stem);
  }
  return mentions;
}

/**
 * Place names of a report. A place that recurs or stands in the title is
 * known with and without its suffix (徐州市, 徐州); one mentioned once only
 * with it (贾汪区), because a verb before a generic 新区 or 市 (围绕新区) also
 * looks like a place once, and its bare stem (围绕) would match any question.
 */
export function placeNames(text: string, header = ""): string[] {
  const inHeader = placeMentions(header);
  const names = new Set<string>();
  for (const [name, { stem, count }] of placeMentions(`${header}\n${text}`)) {
    names.add(name);
    if (count >= MIN_PLACE_MENTIONS || inHeader.has(name)) names.add(stem);
  }
  // A header line opening with a city before a place it names (南京江北新区): people name the report by either.
  for (const name of inHeader.keys()) {
    const city = new RegExp(`^(\\p{Script=Han}{2})${name}`, "mu").exec(normalizeText(header))?.[1];
    if (city !== undefined && !NOT_A_STEM.has(city[0]!)) names.add(city);
  }
  return [...names];
}

function stemBefore(segments: string[], end: number): string | null {
  const isHan = (s: string | undefined): s is string => s !== undefined && /^\p{Script=Han}+$/u.test(s);
  const prev = segments[end - 1];
  if (!isHan(prev)) return null;
  let stem: string;
  if (prev.length > 1) {
    stem = prev;
  } else {
    let run = "";
    let j = end - 1;
    while (j >= 0 && isHan(segments[j]) && segments[j]!.length === 1 && !NOT_A_STEM.has(segments[j]!) && run.length < 4) {
      run = segments[j]! + run;
      j--;
    }
    const before = segments[j];
    stem = run.length === 1 && isHan(before) && before.length > 1 ? before + run : run;
  }
  const chars = Array.from(stem);
  if (chars.length < 2 || chars.length > 5 || NOT_A_STEM.has(chars[chars.length - 1]!) || NOT_A_STEM.has(chars[0]!)) return null;
  return stem;
}

/** Whether `name` starts like a Chinese personal name (a common surname), not a verb (书记领学) or a noun (院长负责制). */
export function looksLikePersonName(name: string): boolean {
  return SURNAMES.has(name[0] ?? "");
}

/** People named with a role (书记、局长陆小军表示 → 陆小军). */
export function personNames(text: string): string[] {
  const names = new Set<string>();
  for (const m of normalizeText(text).matchAll(PERSON)) {
    const name = m[1]!;
    if (looksLikePersonName(name)) names.add(name);
  }
  return [...names];
}

/** What a report is about: its places and the people it names, from its metadata and text. */
export function reportSubjects(parts: { title: string; source: string | null; text: string }): string[] {
  const header = `${parts.title}\n${parts.source ?? ""}`;
  return [...new Set([...placeNames(parts.text, header), ...personNames(`${header}\n${parts.text}`)])];
}

/** What the gazetteer reads of a report. */
export interface GazetteerDoc {
  id: string;
  subjects: readonly string[];
  title: string;
  source: string | null;
}

/** Subject name → the reports about it, for matching questions. */
export class Gazetteer {
  private readonly docsByName = new Map<string, Set<string>>();
  /** Each report's title and publisher: what the report as a whole is about. */
  private readonly about = new Map<string, string>();
  private readonly longest: number;

  constructor(docs: Iterable<GazetteerDoc>) {
    let longest = 0;
    for (const doc of docs) {
      // Not the lead paragraph: it names the topics of every section (疫情防控), which a question may ask about alone.
      this.about.set(doc.id, normalizeText(`${doc.title}\n${doc.source ?? ""}`));
      for (const name of doc.subjects) {
        let set = this.docsByName.get(name);
        if (!set) this.docsByName.set(name, (set = new Set()));
        set.add(doc.id);
        longest = Math.max(longest, name.length);
      }
    }
    this.longest = longest;
  }

  /** Whether `term` is part of what one of the reports as a whole is about (its title or publisher). */
  describes(docIds: readonly string[], term: string): boolean {
    const norm = normalizeText(term);
    return docIds.some((id) => this.about.get(id)?.includes(norm));
  }

  /** Ids of the reports about `name`, or an empty list when it is not a known subject. */
  docsOf(name: string): string[] {
    return [...(this.docsByName.get(name) ?? [])];
  }

  /** How many different subjects `names` stand for: names of the same reports (徐州市, 胡传峰) are one. */
  subjectCount(names: readonly string[]): number {
    return new Set(names.map((n) => this.docsOf(n).join())).size;
  }

  /**
   * Known subjects named in `text`, longest first and never one inside
   * another (江北新区, not also 江北).
   */
  find(text: string): string[] {
    const norm = normalizeText(text);
    const found: { name: string; start: number; end: number }[] = [];
    for (let start = 0; start < norm.length; start++) {
      for (let len = Math.min(this.longest, norm.length - start); len >= 2; len--) {
        const name = norm.slice(start, start + len);
        if (this.docsByName.has(name)) {
          found.push({ name, start, end: start + len });
          break;
        }
      }
    }
    const kept = found.filter((f) => !found.some((o) => o !== f && o.start <= f.start && o.end >= f.end && o.end - o.start > f.end - f.start));
    return [...new Set(kept.map((f) => f.name))];
  }
}
