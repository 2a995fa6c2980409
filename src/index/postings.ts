/**
 * Builds the lexical index's arrays: a term dictionary and, per term, its
 * postings (passage, term frequency in the text, in the context) sorted by
 * passage, in flat typed arrays. Field lengths and their averages follow
 * MiniSearch (distinct terms per field, running average) so BM25 scores match.
 */
import { tokenize } from "../text/tokenize.js";
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

const HAN = /^\p{Script=Han}+$/u;

/** The running average MiniSearch keeps of a field's length, step for step so scores agree to the last bit. */
export function runningAverage(lengths: ArrayLike<number>): number {
  let average = 0;
  for (let n = 0; n < lengths.length; n++) average = (average * n + lengths[n]!) / (n + 1);
  return average;
}

/** The single characters `idf` also counts for a term: those of a Han word, none otherwise. */
export function hanUnits(term: string): string[] {
  return term.length > 1 && HAN.test(term) ? Array.from(term) : [];
}

export function buildPostings(documents: Iterable<LexicalDocument>): Postings {
  const termIds = new Map<string, number>();
  const terms: string[] = [];
  // Per term: counts, this passage's frequencies, and the last passage that counted it (as a term, as a unit).
  const perTerm = {
    postings: [] as number[],
    dfText: [] as number[],
    dfContext: [] as number[],
    dfUnits: [] as number[],
    tfText: [] as number[],
    tfContext: [] as number[],
    seen: [] as number[],
    unitSeen: [] as number[],
  };
  const termId = (term: string): number => {
    let id = termIds.get(term);
    if (id === undefined) {
      termIds.set(term, (id = terms.length));
      terms.push(term);
      for (const counts of Object.values(perTerm)) counts.push(0);
    }
    return id;
  };
  // The units `idf` counts for a term: the term itself and, for Han text, each of its characters.
  // Every Han character of a passage is in one of its Han tokens, so this covers them all.
  const unitsOf: number[][] = [];
  const units = (id: number): number[] => {
    let out = unitsOf[id];
    if (out === undefined) {
      const term = terms[id]!;
      out = [id, ...hanUnits(term).map(termId)];
      unitsOf[id] = out;
    }
    return out;
  };
  // Postings in passage order, before grouping by term.
  const flatDoc = new Growable(new Int32Array(1 << 16));
  const flatTerm = new Growable(new Int32Array(1 << 16));
  const flatText = new Growable(new Uint16Array(1 << 16));
  const flatContext = new Growable(new Uint16Array(1 << 16));
  const ids = new Growable(new Int32Array(1024));
  const lengthText = new Growable(new Uint32Array(1024));
  const lengthContext = new Growable(new Uint32Array(1024));

  for (const document of documents) {
    const n = ids.length;
    const mark = n + 1;
    ids.push(document.id);
    // This passage's distinct terms; per-term scratch counters avoid a Map per passage.
    const passageTerms: number[] = [];
    const count = (tokens: string[], tf: number[]): number => {
      let distinct = 0;
      for (const token of tokens) {
        const id = termId(token);
        if (tf[id]!++ === 0) distinct++;
        if (perTerm.seen[id] !== mark) {
          perTerm.seen[id] = mark;
          passageTerms.push(id);
        }
      }
      return distinct;
    };
    const text = count(tokenize(document.text), perTerm.tfText);
    const context = count(tokenize(document.context), perTerm.tfContext);
    lengthText.push(text);
    lengthContext.push(context);
    for (const id of passageTerms) {
      const ft = perTerm.tfText[id]!;
      const fc = perTerm.tfContext[id]!;
      perTerm.tfText[id] = perTerm.tfContext[id] = 0;
      flatDoc.push(n);
      flatTerm.push(id);
      flatText.push(ft);
      flatContext.push(fc);
      perTerm.postings[id]!++;
      if (ft > 0) perTerm.dfText[id]!++;
      if (fc > 0) perTerm.dfContext[id]!++;
      for (const unit of units(id)) {
        if (perTerm.unitSeen[unit] === mark) continue;
        perTerm.unitSeen[unit] = mark;
        perTerm.dfUnits[unit]!++;
      }
    }
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
    averages: Float64Array.of(runningAverage(lengthText.toArray()), runningAverage(lengthContext.toArray())),
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
