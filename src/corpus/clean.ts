/**
 * Turns a decoded report into clean paragraphs plus title, source and date.
 *
 * Reports are saved web pages, so they carry comment forms, navigation,
 * copyright lines, photo labels and the like. Cleaning is by rule, line by
 * line, never by editing the files: a new report dropped into the corpus gets
 * the same treatment. A photo caption that states a fact (a name with a title,
 * a figure) is kept as a caption paragraph, since it can be the only place the
 * fact is stated; a caption that states nothing (图片, 活动现场) goes. Kept
 * paragraphs keep their offsets into the original text, so every chunk can be
 * traced back to where it came from. Cleaning is linear in the text, so a
 * report of tens of megabytes cleans in seconds.
 */
import type { Doc, Paragraph } from "../types.js";
import type { ReportFile } from "./load.js";
import { hasSentenceEnd } from "../text/sentences.js";
import { creditLines } from "./credits.js";

/** A rule that drops a whole line; `name` says why (shown by `explainLine`). */
interface DropRule {
  name: string;
  test: (line: string) => boolean;
}

const HAN = /\p{Script=Han}/u;
const hanCount = (s: string): number => s.match(/\p{Script=Han}/gu)?.length ?? 0;
const matches = (re: RegExp) => (line: string) => re.test(line);

/** A caption marker the page puts before a photo's caption (▲, 图：); not part of the caption's text. */
const CAPTION_MARKER = /^(▲|△|图[:：])\s*/;
/** Captions without a marker: 图为…, or a line naming who stands where in the photo, 董兴连(中)… */
const CAPTION_LINE = /^图为|^[^。！？]{2,40}[(（][左中右][一二三四五六七八九\d]?[)）][^。！？]*$/;
/** A photo label or credit on its own line: never a fact. */
const PHOTO_LABEL = /^(图片|照片|组图|配图|视频)$|^(摄影|供图|图片来源|摄)[:：]/;
/** What a caption states a fact with: a figure or count, a person's role, or who stands where. */
const CAPTION_FACT = /\d|[一二两三四五六七八九十百千万]+[名个家项人位支批场次所]|书记|主任|局长|院长|部长|主席|委员|处长|科长|所长|站长|队长|护士长|校长|代表|专家|医生|医师|[(（][左中右]/;
/** A caption that is only a photo title ends like this (活动现场, 合影留念): it names a scene, states nothing. */
const PHOTO_TITLE = /(现场|合影|留念|剪影|掠影|一角|风采|瞬间|集锦|照片|图片)$/;

/** True when `line` is a photo caption (with or without its marker). */
function isCaption(line: string): boolean {
  return CAPTION_MARKER.test(line) || CAPTION_LINE.test(line);
}

/** A caption worth keeping: it states a fact and is not just a scene's title. */
function captionStatesFact(line: string): boolean {
  const text = line.replace(CAPTION_MARKER, "");
  return CAPTION_FACT.test(text) && !PHOTO_TITLE.test(text);
}

/** Line rules, checked in order. Each targets one kind of web-page leftover. */
const DROP_RULES: DropRule[] = [
  { name: "no Chinese text (user names, page numbers, stray markup)", test: (l) => !HAN.test(l) },
  { name: "comment form", test: matches(/留言与评论|^昵称[:：]|^验证码[:：]|匿名发表|登录账号|^读者留言|看不清.{0,3}换一张|发表评论|^评论[(（]?共/) },
  { name: "navigation", test: matches(/^上一篇[:：]|^下一篇[:：]|放大\s*缩小\s*默认|^当前版[:：]|PDF原版下载|^栏目[:：]|^友情链接[:：]|^责任编辑[:：]|^编辑[:：]|^返回顶部|^打印本页|^关闭窗口|^分享到/) },
  { name: "copyright or ICP line", test: matches(/版权所有|ICP备|ICP证|未经授权禁止|^Copyright|©/i) },
  { name: "submission e-mail line", test: matches(/投稿邮箱|投稿信箱|欢迎投稿|[\w.-]+[@#][\w-]+[.#][\w.#-]+/) },
  { name: "photo label, credit, or caption stating no fact", test: (l) => PHOTO_LABEL.test(l) || (isCaption(l) && !captionStatesFact(l)) },
  { name: "label (摘要, a section name, a page number)", test: (l) => /^摘\s*要$/.test(l) || (hanCount(l) <= 4 && !/[\d\p{P}]/u.test(l.replace(/\s/g, ""))) },
  { name: "menu of links", test: (l) => l.split(/\s+/).length >= 6 && !hasSentenceEnd(l) },
];

/** The name of the rule that drops `line`, or null if the line is kept. */
export function explainLine(line: string): string | null {
  return DROP_RULES.find((r) => r.test(line))?.name ?? null;
}

/** "2024-05-29 09:30 来源:南岸区卫生健康委": a dateline printed under the title. */
const DATELINE = /^(\d{4})[-年./](\d{1,2})[-月./](\d{1,2})日?(\s+\d{1,2}:\d{2}(:\d{2})?)?(\s+来源[:：]\s*(\S+))?$/;
/** A newspaper masthead on the first line, e.g. 广东卫生健康电子报. */
const MASTHEAD = /^\S{2,14}报$/;
/** "来源:X" anywhere in the header. */
const SOURCE_LABEL = /来源[:：]\s*([^\s|，,。]+)/;
/** An outlet opening the first paragraph: "新江苏·中国江苏网讯(…", "全程导医网 徐州…". */
const OUTLET_LEAD = /^([^\s，,。:：(（]{2,20}?网)讯?[\s(（:：]/;

/** A title ending in a connective was cut off (…推进卫生健康和). */
const CUT_OFF_TITLE = /[和与及的、，,:：—-]$/;
/** How many leading lines count as the header (title, dateline, masthead). */
const HEADER_LINES = 5;

interface Line {
  start: number;
  end: number;
  text: string;
  /** A photo caption (kept only when it states a fact); its marker (▲) is not part of `text`. */
  caption: boolean;
}

/** Non-empty lines of `raw`, trimmed, with caption markers left out; drop rules see the whole line. */
function lines(raw: string, markdown: boolean): (Line & { full: string })[] {
  const out: (Line & { full: string })[] = [];
  const re = /[^\r\n]+/g;
  for (let m = re.exec(raw); m !== null; m = re.exec(raw)) {
    let start = m.index;
    let end = m.index + m[0].length;
    while (start < end && /[\s\u3000\u00a0\ufeff]/.test(raw[start]!)) start++;
    while (end > start && /[\s\u3000\u00a0]/.test(raw[end - 1]!)) end--;
    if (markdown) {
      // Markdown heading and quote markers are syntax, not text.
      const marker = /^(#{1,6}|>)\s+/.exec(raw.slice(start, end));
      if (marker) start += marker[0].length;
    }
    if (end === start) continue;
    const full = raw.slice(start, end);
    const caption = isCaption(full);
    if (caption) start += CAPTION_MARKER.exec(full)?.[0].length ?? 0;
    if (end > start) out.push({ start, end, text: raw.slice(start, end), full, caption });
  }
  return out;
}

const squeeze = (s: string): string => s.replace(/\s+/g, "");

/** Paragraphs shorter than this (without spaces) may repeat: short lines like 一是 recur legitimately. */
const MIN_REPEAT = 20;

/**
 * Drops paragraphs repeated inside a longer one (e.g. an abstract that
 * restates the lead) and later copies of a paragraph. Linear in the text:
 * each paragraph is found by a rolling hash of its first MIN_REPEAT
 * characters, so no paragraph is compared with every other.
 */
function dropRepeats<L extends Line>(kept: L[]): L[] {
  const texts = kept.map((l) => squeeze(l.text));
  const repeated = new Uint8Array(kept.length);
  const first = new Map<string, number>();
  texts.forEach((t, i) => {
    if (t.length < MIN_REPEAT) return;
    if (first.has(t)) repeated[i] = 1;
    else first.set(t, i);
  });
  const byHead = new Map<number, number[]>();
  for (const i of first.values()) {
    const head = rollingHashes(texts[i]!.slice(0, MIN_REPEAT))[0]!;
    const same = byHead.get(head);
    if (same) same.push(i);
    else byHead.set(head, [i]);
  }
  for (const other of texts) {
    if (other.length <= MIN_REPEAT) continue;
    rollingHashes(other).forEach((hash, at) => {
      for (const i of byHead.get(hash) ?? []) {
        const t = texts[i]!;
        if (t.length < other.length && other.startsWith(t, at)) repeated[i] = 1;
      }
    });
  }
  return kept.filter((_, i) => repeated[i] === 0);
}

const HASH_BASE = 31;
/** HASH_BASE ** (MIN_REPEAT - 1), modulo 2^32: takes the outgoing character out of a window's hash. */
const HASH_TOP = Array.from({ length: MIN_REPEAT - 1 }).reduce<number>((p) => Math.imul(p, HASH_BASE), 1);

/** Hash of every MIN_REPEAT-character window of `text`, by start position (Rabin–Karp, modulo 2^32). */
function rollingHashes(text: string): Uint32Array {
  const out = new Uint32Array(Math.max(0, text.length - MIN_REPEAT + 1));
  let hash = 0;
  for (let i = 0; i < text.length; i++) {
    if (i >= MIN_REPEAT) hash = (hash - Math.imul(text.charCodeAt(i - MIN_REPEAT), HASH_TOP)) | 0;
    hash = (Math.imul(hash, HASH_BASE) + text.charCodeAt(i)) | 0;
    if (i >= MIN_REPEAT - 1) out[i - MIN_REPEAT + 1] = hash >>> 0;
  }
  return out;
}

function isoDate(y: string, m: string, d: string): string {
  return `${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}`;
}

/** Lines between two progress calls of `cleanReport`. */
const PROGRESS_EVERY_LINES = 20_000;

export interface CleanOptions {
  /** Called as lines are checked (every PROGRESS_EVERY_LINES lines, and at the end): shows a large report's progress. */
  onProgress?: (done: number, total: number) => void;
}

/** Cleans one report. */
export function cleanReport(report: ReportFile, options: CleanOptions = {}): Doc {
  const markdown = /\.md$/i.test(report.file);
  const all = lines(report.text, markdown);
  const warnings: string[] = [];
  let source: string | null = null;
  let date: string | null = null;

  const header = all.slice(0, HEADER_LINES);
  const masthead = all[0] !== undefined && MASTHEAD.test(all[0].text) ? all[0] : undefined;
  if (masthead) source = masthead.text;
  for (const line of header) {
    const dl = DATELINE.exec(line.text);
    if (dl) {
      date ??= isoDate(dl[1]!, dl[2]!, dl[3]!);
      if (dl[7]) source ??= dl[7];
    }
    source ??= SOURCE_LABEL.exec(line.text)?.[1] ?? null;
  }

  let kept = all.filter((l, i) => {
    if (options.onProgress && (i + 1) % PROGRESS_EVERY_LINES === 0) options.onProgress(i + 1, all.length);
    return l !== masthead && !DATELINE.test(l.full) && explainLine(l.full) === null;
  });
  options.onProgress?.(all.length, all.length);
  kept = dropRepeats(kept);

  // The title is the first kept line when it reads like one: no sentence end, not too long.
  const first = kept[0];
  let title = report.meta.title ?? null;
  if (first !== undefined && !first.caption && !hasSentenceEnd(first.text) && first.text.length <= 80) {
    title ??= first.text;
    kept = kept.slice(1);
    if (report.meta.title === undefined && CUT_OFF_TITLE.test(first.text)) {
      warnings.push(`The title '${first.text}' seems cut off; put the full title in ${report.id}.meta.json as {"title": "…"}.`);
    }
  }
  title ??= report.id;

  // Bylines in the header ("X网讯(通讯员 …)") name the outlet when nothing else did.
  for (const line of kept.slice(0, 2)) source ??= OUTLET_LEAD.exec(line.text)?.[1] ?? null;

  // A trailing run of short, plain lines is a site menu (健康服务 / 市卫生健康导航).
  let tail = kept.length;
  while (tail > 0 && isMenuItem(kept[tail - 1]!.text)) tail--;
  kept = kept.slice(0, tail);

  const paragraphs: Paragraph[] = kept.map((l, index) => ({
    index,
    start: l.start,
    end: l.end,
    text: l.text,
    heading: !l.caption && isHeading(l.text, kept[index + 1]?.text),
    caption: l.caption,
  }));

  return {
    id: report.id,
    file: report.file,
    title,
    source: report.meta.source ?? source,
    date: report.meta.date ?? date,
    credits: creditLines(
      all.map((l) => l.text),
      paragraphs.map((p) => p.text),
    ),
    raw: report.text,
    paragraphs,
    warnings,
  };
}

function isMenuItem(text: string): boolean {
  return text.length <= 10 && !/[\d\p{P}]/u.test(text);
}

/** A heading is short, has no sentence end, and introduces prose (the next paragraph). */
function isHeading(text: string, next: string | undefined): boolean {
  return next !== undefined && text.length <= 40 && !hasSentenceEnd(text) && hasSentenceEnd(next);
}
