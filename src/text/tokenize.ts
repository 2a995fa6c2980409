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
 * The units a term is matched and weighed by: a Han term by its bigrams (a
 * word the segmenter found may never occur whole), anything else whole.
 */
export function termUnits(term: string): string[] {
  const norm = normalizeText(term);
  return /^\p{Script=Han}+$/u.test(norm) ? hanGrams(norm) : [norm];
}
