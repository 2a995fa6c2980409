/**
 * The credit lines a report's page prints about the report itself: its column
 * (栏目:抓党建谋发展), its editor (责任编辑:黄爽) and its authors (a line of
 * names, 蔡昭璐 谭观琴 吴慧敏, or the parenthesis after the dateline,
 * 豫鲁健康网讯(李超 谢瑞斯 王平)). Cleaning drops the labelled ones as page
 * furniture; they are kept here, with the report's title and publisher, so a
 * question about who wrote or edited a report is answered from its header.
 */

/** 栏目:…, 责任编辑:…: a labelled credit on its own line. */
const LABELLED = /^(?:栏目|责任编辑|编辑|作者|撰稿)[:：]\s*\S.{0,40}$/;
/** A line of two to eight names of two or three characters, maybe in parentheses. */
const NAMES = /^[(（]?(\p{Script=Han}{2,3}(?:[ \u3000]+\p{Script=Han}{2,3}){1,7})[)）]?$/u;
/** The parenthesis after an outlet's dateline at a paragraph's start: 新江苏·中国江苏网讯(通讯员 苏为彬 记者 丁小玲). */
const AFTER_DATELINE = /^[^，。,]{0,20}讯\s*[(（]([^()（）]{2,40})[)）]/u;

/**
 * The credit lines of a report, each once, in order: labelled ones among all its `lines`, names among
 * the `kept` lines cleaning leaves (a menu, 放大 缩小 默认, is shaped like a line of names too).
 */
export function creditLines(lines: string[], kept: string[]): string[] {
  const labelled = lines.map((l) => l.trim()).filter((l) => LABELLED.test(l));
  const names = kept.flatMap((l) => NAMES.exec(l.trim())?.[1] ?? AFTER_DATELINE.exec(l.trim())?.[1] ?? []).map((n) => n.trim());
  return [...new Set([...labelled, ...names])];
}
