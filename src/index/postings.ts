/**
 * Builds the lexical index's arrays: a term dictionary and, per term, its
 * postings (passage, term frequency in the text, in the context) sorted by
 * passage, in flat typed arrays. Field lengths and their averages follow
 * MiniSearch (distinct terms per field, running average) so BM25 scores match.
 */
import { normalizeText, tokenize } from "../text/tokenize.js";
import type { LexicalDocument } from "./lexical.js";

export interface Postings {
  /** Every term: search tokens, and single Han characters (counted for `idf` only). */
  terms: string[];
  /** External id of each passage (internal passages are 0..n-1 in insertion order). */
  ids: Int32Array;
  /** Distinct terms in each passage's text and context. */
  lengthText: Uint32Array;
  lengthContext: Uint32Array;
  /** Average of lengthText and of lengthContext. */
  averages: Float64Array;
  /** Per term: passages holding it anywhere (text, context, or as a single character). */
  dfUnits: Uint32Array;
  /** Per term: its postings are start[t] .. start[t + 1] - 1. */
  start: Uint32Array;
  /** Per term: passages holding it in the text, in the context. */
  dfText: Uint32Array;
  dfContext: Uint32Array;
  /** Per term: the most one occurrence of it adds to a passage's score (filled in by LexicalIndex). */
  bound: Float64Array;
  /** Per posting: internal passage number, and term frequencies in text and context. */
  doc: Int32Array;
  tfText: Uint16Array;
  tfContext: Uint16Array;
}

/** A typed array that grows by doubling while a build appends to it. */
class Growable<A extends Int32Array | Uint16Array | Uint32Array> {
  length = 0;
  constructor(private data: A) {}
  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new (this.data.constructor as new (n: number) => A)(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }
  get(i: number): number {
    return this.data[i]!;
  }
  toArray(): A {
    return this.data.slice(0, this.length) as A;
  }
}

/** Term frequencies of one field, by term id. */
function termFrequencies(tokens: string[], termId: (term: string) => number): Map<number, number> {
  const tf = new Map<number, number>();
  for (const token of tokens) {
    const id = termId(token);
    tf.set(id, (tf.get(id) ?? 0) + 1);
  }
  return tf;
}

/** Units whose document frequency `idf` needs: whole tokens, and single Han characters. */
function dfUnits(text: string): Set<string> {
  const units = new Set(tokenize(text));
  for (const ch of normalizeText(text)) if (/\p{Script=Han}/u.test(ch)) units.add(ch);
  return units;
}

export function buildPostings(documents: Iterable<LexicalDocument>): Postings {
  const termIds = new Map<string, number>();
  const terms: string[] = [];
  const perTerm = { postings: [] as number[], dfText: [] as number[], dfContext: [] as number[], dfUnits: [] as number[] };
  const termId = (term: string): number => {
    let id = termIds.get(term);
    if (id === undefined) {
      termIds.set(term, (id = terms.length));
      terms.push(term);
      for (const counts of Object.values(perTerm)) counts.push(0);
    }
    return id;
  };
  // Postings in passage order, before grouping by term.
  const flatDoc = new Growable(new Int32Array(1 << 16));
  const flatTerm = new Growable(new Int32Array(1 << 16));
  const flatText = new Growable(new Uint16Array(1 << 16));
  const flatContext = new Growable(new Uint16Array(1 << 16));
  const ids = new Growable(new Int32Array(1024));
  const lengthText = new Growable(new Uint32Array(1024));
  const lengthContext = new Growable(new Uint32Array(1024));
  const averages = new Float64Array(2);

  for (const document of documents) {
    const n = ids.length;
    ids.push(document.id);
    const text = termFrequencies(tokenize(document.text), termId);
    const context = termFrequencies(tokenize(document.context), termId);
    lengthText.push(text.size);
    lengthContext.push(context.size);
    // MiniSearch's running average, step for step, so the scores agree to the last bit.
    averages[0] = (averages[0]! * n + text.size) / (n + 1);
    averages[1] = (averages[1]! * n + context.size) / (n + 1);
    for (const id of new Set([...text.keys(), ...context.keys()])) {
      const ft = text.get(id) ?? 0;
      const fc = context.get(id) ?? 0;
      flatDoc.push(n);
      flatTerm.push(id);
      flatText.push(ft);
      flatContext.push(fc);
      perTerm.postings[id]!++;
      if (ft > 0) perTerm.dfText[id]!++;
      if (fc > 0) perTerm.dfContext[id]!++;
    }
    for (const unit of dfUnits(`${document.context}\n${document.text}`)) perTerm.dfUnits[termId(unit)]!++;
  }

  // Group by term (a counting sort keeps each term's postings in passage order).
  const start = new Uint32Array(terms.length + 1);
  perTerm.postings.forEach((count, t) => (start[t + 1] = start[t]! + count));
  const cursor = start.slice(0, terms.length);
  const total = flatTerm.length;
  const doc = new Int32Array(total);
  const tfText = new Uint16Array(total);
  const tfContext = new Uint16Array(total);
  for (let i = 0; i < total; i++) {
    const at = cursor[flatTerm.get(i)]!++;
    doc[at] = flatDoc.get(i);
    tfText[at] = flatText.get(i);
    tfContext[at] = flatContext.get(i);
  }
  return {
    terms,
    ids: ids.toArray(),
    lengthText: lengthText.toArray(),
    lengthContext: lengthContext.toArray(),
    averages,
    dfUnits: Uint32Array.from(perTerm.dfUnits),
    start,
    dfText: Uint32Array.from(perTerm.dfText),
    dfContext: Uint32Array.from(perTerm.dfContext),
    bound: new Float64Array(terms.length),
    doc,
    tfText,
    tfContext,
  };
}
