/**
 * Tokens for Chinese search. Han text becomes character bigrams (the usual
 * choice for Chinese full-text search: no dictionary, no missed words);
 * numbers stay whole with their decimals and percent signs (2.1, 83.26%);
 * latin words stay whole (HPV); a short quoted term (“一件事”) is also kept
 * as one token so quoting a name matches it exactly.
 */

const TOKEN = /(\d+(?:[.,]\d+)*%?)|([a-z]+)|(\p{Script=Han}+)/gu;
const QUOTED = /[“「『"]([^”」』"]{1,12})[”」』"]/g;

/** NFKC folds full-width digits and letters (８３．２６％) into their ASCII forms. */
export function normalizeText(text: string): string {
  return text.normalize("NFKC").toLowerCase();
}

/** Search tokens of a text, in order, repeats kept (term frequency matters). */
export function tokenize(text: string): string[] {
  const norm = normalizeText(text);
  const tokens: string[] = [];
  for (const m of norm.matchAll(TOKEN)) {
    const [, number, latin, han] = m;
    if (number !== undefined) {
      tokens.push(number);
      if (number.endsWith("%")) tokens.push(number.slice(0, -1));
    } else if (latin !== undefined) {
      tokens.push(latin);
    } else if (han !== undefined) {
      tokens.push(...hanGrams(han));
    }
  }
  for (const m of norm.matchAll(QUOTED)) tokens.push(m[1]!);
  return tokens;
}

/** Character bigrams of a Han run; a single character stands for itself. */
export function hanGrams(run: string): string[] {
  const chars = Array.from(run);
  if (chars.length === 1) return chars;
  const grams: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) grams.push(chars[i]! + chars[i + 1]!);
  return grams;
}

/**
 * Question words, particles and filler that say nothing about what is asked
 * for; they are left out when measuring how much of a question a passage covers.
 */
const QUESTION_STOPWORDS = new Set(
  (
    "的 了 是 有 在 和 与 及 或 吗 呢 吧 啊 呀 么 个 给 把 被 对 从 什么 哪些 哪个 哪里 哪 谁 是谁 几 " +
    "怎么 怎样 怎么样 样 如何 为什么 为何 一共 共 总共 共有 都 请问 请 一下 关于 有关 方面 " +
    "了解 告诉 我 你 我们 你们 他们 它 这 那 这个 那个 这些 那些 哪位 可以 能 会 要 具体 主要 一些 " +
    // Words that frame the question rather than name its subject (数量有什么变化).
    "数量 变化 内容 情况"
  ).split(/\s+/),
);
/** "多少个", "几家": quantity questions. */
const QUANTITY_WORD = /^(多少|几)/;

const segmenter = new Intl.Segmenter("zh", { granularity: "word" });
const isSingleHan = (s: string): boolean => /^\p{Script=Han}$/u.test(s);

/**
 * The terms a question asks about. Intl.Segmenter splits names it does not
 * know into single characters (江|海|区), so runs of single characters are
 * joined back (江海区); question words break runs and are dropped, and so is
 * a lone character, too ambiguous to weigh on its own.
 */
export function questionTerms(question: string): string[] {
  const terms: string[] = [];
  let run = "";
  const add = (term: string): void => {
    if (Array.from(term).length > 1 && !terms.includes(term)) terms.push(term);
  };
  const flush = (): void => {
    add(run);
    run = "";
  };
  let afterQuantity = false;
  for (const { segment, isWordLike } of segmenter.segment(normalizeText(question))) {
    const word = segment.length > 1 ? segment.replace(/了$/, "") : segment;
    // The measure word after 多少/几 (多少|场, 几|家) belongs to the question word.
    const measure = afterQuantity && isSingleHan(word);
    afterQuantity = QUANTITY_WORD.test(word);
    if (!isWordLike || measure || afterQuantity || QUESTION_STOPWORDS.has(word)) {
      flush();
    } else if (isSingleHan(word)) {
      run += word;
    } else {
      flush();
      add(word);
    }
  }
  flush();
  return terms;
}
