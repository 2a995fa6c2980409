/**
 * Turns a decoded report into clean paragraphs plus title, source and date.
 *
 * Reports are saved web pages, so they carry comment forms, navigation,
 * copyright lines, photo captions and the like. Cleaning is by rule, line by
 * line, never by editing the files: a new report dropped into the corpus gets
 * the same treatment. Kept paragraphs keep their offsets into the original
 * text, so every chunk can be traced back to where it came from.
 */
import type { Doc, Paragraph } from "../types.js";
import type { ReportFile } from "./load.js";
import { hasSentenceEnd } from "../text/sentences.js";

/** A rule that drops a whole line; `name` says why (shown by `explainLine`). */
interface DropRule {
  name: string;
  test: (line: string) => boolean;
}

const HAN = /\p{Script=Han}/u;
const hanCount = (s: string): number => s.match(/\p{Script=Han}/gu)?.length ?? 0;
const matches = (re: RegExp) => (line: string) => re.test(line);

/** Line rules, checked in order. Each targets one kind of web-page leftover. */
const DROP_RULES: DropRule[] = [
  { name: "no Chinese text (user names, page numbers, stray markup)", test: (l) => !HAN.test(l) },
  { name: "comment form", test: matches(/留言与评论|^昵称[:：]|^验证码[:：]|匿名发表|登录账号|^读者留言|看不清.{0,3}换一张|发表评论|^评论[(（]?共/) },
  { name: "navigation", test: matches(/^上一篇[:：]|^下一篇[:：]|放大\s*缩小\s*默认|^当前版[:：]|PDF原版下载|^栏目[:：]|^友情链接[:：]|^责任编辑[:：]|^编辑[:：]|^返回顶部|^打印本页|^关闭窗口|^分享到/) },
  { name: "copyright or ICP line", test: matches(/版权所有|ICP备|ICP证|未经授权禁止|^Copyright|©/i) },
  { name: "submission e-mail line", test: matches(/投稿邮箱|投稿信箱|欢迎投稿|[\w.-]+[@#][\w-]+[.#][\w.#-]+/) },
  { name: "image caption", test: matches(/^图片$|^▲|^(图|图为|摄影|供图)[:：]|^[^。！？]{2,40}[(（][左中右][一二三四五六七八九\d]?[)）][^。！？]*$/) },
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
}

function lines(raw: string, markdown: boolean): Line[] {
  const out: Line[] = [];
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
    if (end > start) out.push({ start, end, text: raw.slice(start, end) });
  }
  return out;
}

const squeeze = (s: string): string => s.replace(/\s+/g, "");

/** Drops paragraphs repeated inside a longer one (e.g. an abstract that restates the lead). */
function dropRepeats(kept: Line[]): Line[] {
  const texts = kept.map((l) => squeeze(l.text));
  return kept.filter((_, i) => {
    const t = texts[i]!;
    if (t.length < 20) return true;
    return !texts.some((other, j) => j !== i && (other.length > t.length ? other.includes(t) : other === t && j < i));
  });
}

function isoDate(y: string, m: string, d: string): string {
  return `${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}`;
}

/** Cleans one report. */
export function cleanReport(report: ReportFile): Doc {
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

  let kept = all.filter((l) => l !== masthead && !DATELINE.test(l.text) && explainLine(l.text) === null);
  kept = dropRepeats(kept);

  // The title is the first kept line when it reads like one: no sentence end, not too long.
  const first = kept[0];
  let title = report.meta.title ?? null;
  if (first !== undefined && !hasSentenceEnd(first.text) && first.text.length <= 80) {
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
    heading: isHeading(l.text, kept[index + 1]?.text),
  }));

  return {
    id: report.id,
    file: report.file,
    title,
    source: report.meta.source ?? source,
    date: report.meta.date ?? date,
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
