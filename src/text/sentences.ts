/**
 * Chinese-aware sentence splitting. A sentence ends at 。！？；… (or their
 * half-width forms) plus any closing quotes or brackets that follow; a '.'
 * between digits (2.3亿元, 83.26%) or inside a latin word is not an end.
 */
import type { Span } from "../types.js";

const TERMINATORS = new Set(["。", "！", "？", "；", "…", "!", "?", ";", "｡"]);
const CLOSERS = new Set(["”", "’", "」", "』", "）", ")", "】", "》", "〉"]);

/** True when the text holds a sentence-ending mark (used to tell headings from prose). */
export function hasSentenceEnd(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isTerminator(text, i)) return true;
  return false;
}

function isTerminator(text: string, i: number): boolean {
  const c = text[i]!;
  if (TERMINATORS.has(c)) return true;
  if (c !== ".") return false;
  // A half-width full stop ends a sentence only when it is not part of a number or word.
  const prev = text[i - 1] ?? "";
  const next = text[i + 1] ?? "";
  return !/[0-9A-Za-z]/.test(prev) && !/[0-9A-Za-z]/.test(next);
}

/**
 * Sentence spans of `text`, shifted by `offset`. Leading and trailing
 * whitespace is left out of each span; spans without a letter or digit
 * (stray punctuation) are merged into the sentence before them.
 */
export function splitSentences(text: string, offset = 0): Span[] {
  const spans: Span[] = [];
  let start = 0;
  const push = (end: number): void => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (s === e) return;
    const last = spans[spans.length - 1];
    if (last !== undefined && !/[\p{L}\p{N}]/u.test(text.slice(s, e))) last.end = e + offset;
    else spans.push({ start: s + offset, end: e + offset });
  };
  let i = 0;
  while (i < text.length) {
    if (isTerminator(text, i)) {
      let j = i + 1;
      while (j < text.length && (isTerminator(text, j) || CLOSERS.has(text[j]!))) j++;
      push(j);
      start = j;
      i = j;
    } else if (text[i] === "\n") {
      push(i);
      start = i + 1;
      i++;
    } else {
      i++;
    }
  }
  push(text.length);
  return spans;
}

/** An item of a series: 一是…, 二是…, 首先…, 第三，… */
export const ORDINAL = /^[“"]?(?:[一二三四五六七八九十]+是|首先|其次|再次|最后|第[一二三四五六七八九十]+[，,、])/;
/** An item heading this short (一是精准施教提升能力本领。) only names the item; the next sentence holds it. */
const ITEM_HEAD_MAX_CHARS = 30;
/** A paragraph's opening sentence this short is a topic line (护士节隆重表彰。). */
export const TOPIC_MAX_CHARS = 16;
/** …and one up to this long too, when it is a single clause without figures (民政、残联、退役军人事务服务工作扎实推进。). */
const TOPIC_CLAUSE_MAX_CHARS = 28;
/** A sentence opening with a demonstrative (这一项目, 该局, 此次) continues the one before. */
export const ANAPHORA = /^[“"]?(这|该|此|其|上述|以上|会上|会议(?:强调|指出|要求|提出))/;

/**
 * Whether `text` continues the sentence before it: it opens with a demonstrative, or with the
 * short name that sentence gives what it speaks of (…实施方案》(以下简称《方案》) → 《方案》通过…).
 * `before` is only asked for when `text` opens with a quoted or titled name.
 */
export function refersBack(text: string, before: () => string): boolean {
  if (ANAPHORA.test(text)) return true;
  if (!/^[“《"]/.test(text)) return false;
  const short = /简称([“《"][^”》"]{1,12}[”》"])/.exec(before())?.[1];
  return short !== undefined && text.startsWith(short);
}

/**
 * A sentence that only names what follows: an item heading (一是精准施教提升能力本领。)
 * or, when it opens its paragraph, a topic line (发展党员增强组织活力。).
 */
export function isHeadingSentence(text: string, opensParagraph: boolean): boolean {
  const chars = Array.from(text).length;
  const singleClause = !/[，,；;：:\d]/.test(text);
  return (ORDINAL.test(text) && chars <= ITEM_HEAD_MAX_CHARS) || (opensParagraph && (chars <= TOPIC_MAX_CHARS || (singleClause && chars <= TOPIC_CLAUSE_MAX_CHARS)));
}
