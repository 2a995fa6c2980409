/**
 * The lexical channel: BM25 over Chinese search tokens, with MiniSearch's
 * scoring (same formula, parameters, field boosts and its bonus for matching
 * several query terms), so it ranks as the MiniSearch setup it replaced did.
 *
 * Built for many look-alike passages: postings live in typed arrays, scores
 * accumulate in one dense array, and a query stops admitting new passages as
 * soon as the terms left could not lift one into the top k (MaxScore), so the
 * most common bigrams are only looked up for the few passages still in the
 * running. The index is saved as one binary file (see packed.ts).
 */
import { normalizeText, termUnits, tokenize } from "../text/tokenize.js";
import { PackedFile, writePacked } from "./packed.js";
import { buildPostings, type Postings } from "./postings.js";
import { mergePostings } from "./postings-merge.js";
import { TopK } from "./topk.js";

/** What the lexical index sees of a passage. */
export interface LexicalDocument {
  /** Position of the passage in the chunk store. */
  id: number;
  text: string;
  /** Title, publisher and section: matches here count less than in the text. */
  context: string;
}

export interface LexicalHit {
  id: number;
  score: number;
}

/** BM25 parameters: MiniSearch's defaults (k1 1.2, b 0.7, and d 0.5 added to every matching field, "BM25+"). */
export const BM25 = { k: 1.2, b: 0.7, d: 0.5 } as const;
/** Field weights: a match in the title/section context counts half a match in the text. */
export const FIELD_BOOST = { text: 1, context: 0.5 } as const;

const FILE_FORMAT = { name: "lexical-bm25", version: 1 };
/** A rebuild merges into the previous postings while at most this share of passages is new or removed; beyond, a fresh build is as quick. */
const MERGE_MAX_CHANGED_SHARE = 0.2;

/** BM25's inverse document frequency of a term found in `df` of `n` documents. */
const bm25Idf = (n: number, df: number) => Math.log(1 + (n - df + 0.5) / (df + 0.5));

/** A query term with what scoring it needs. */
interface QueryTerm {
  term: number;
  /** Times the term occurs in the query: MiniSearch scores each occurrence. */
  weight: number;
  /** Most this term adds to any passage's score. */
  bound: number;
  idfText: number;
  idfContext: number;
}

export class LexicalIndex {
  private readonly termIds: Map<string, number>;
  /** Per passage: BM25's length normalisation k·(1 − b + b·length/average) of each field. */
  private readonly normText: Float64Array;
  private readonly normContext: Float64Array;
  /** Dense accumulators, reused by every query and cleared after it. */
  private readonly scores: Float64Array;
  private readonly matched: Uint8Array;
  /** Marks the passages still in the running once pruning starts. */
  private readonly running: Uint8Array;
  /** Work done by the last query: postings whose BM25 score was computed, out of the postings of its terms (what pruning saves; for the bench). */
  lastQueryCost = { scored: 0, postings: 0 };

  private constructor(private readonly p: Postings) {
    this.termIds = new Map(p.terms.map((t, i) => [t, i]));
    const n = p.ids.length;
    this.normText = new Float64Array(n);
    this.normContext = new Float64Array(n);
    for (let d = 0; d < n; d++) {
      this.normText[d] = BM25.k * (1 - BM25.b + (BM25.b * p.lengthText[d]!) / p.averages[0]!);
      this.normContext[d] = BM25.k * (1 - BM25.b + (BM25.b * p.lengthContext[d]!) / p.averages[1]!);
    }
    this.scores = new Float64Array(n);
    this.matched = new Uint8Array(n);
    this.running = new Uint8Array(n);
  }

  get documentCount(): number {
    return this.p.ids.length;
  }

  static build(documents: Iterable<LexicalDocument>): LexicalIndex {
    const postings = buildPostings(documents);
    const index = new LexicalIndex(postings);
    index.computeBounds();
    return index;
  }

  /**
   * The index of `documents` for a rebuild: `previousOf[i]` is the passage of
   * `previous` that documents[i] repeats exactly (same text and context), or -1.
   * Only the new passages are tokenized when few changed; the result is the
   * same as `build(documents)`.
   */
  static update(previous: LexicalIndex, documents: LexicalDocument[], previousOf: Int32Array): LexicalIndex {
    const aTo = new Int32Array(previous.documentCount).fill(-1);
    const bTo: number[] = [];
    previousOf.forEach((old, i) => {
      if (old >= 0) aTo[old] = i;
      else bTo.push(i);
    });
    const removed = aTo.filter((d) => d < 0).length;
    if (bTo.length + removed > MERGE_MAX_CHANGED_SHARE * documents.length) return LexicalIndex.build(documents);
    const fresh = buildPostings(bTo.map((i) => documents[i]!));
    const merged = mergePostings(previous.p, aTo, fresh, Int32Array.from(bTo), Int32Array.from(documents, (d) => d.id));
    if (!merged) return LexicalIndex.build(documents);
    const index = new LexicalIndex(merged);
    index.computeBounds();
    return index;
  }

  static load(file: string): LexicalIndex {
    const f = PackedFile.read(file, FILE_FORMAT);
    return new LexicalIndex({
      terms: f.strings("terms"),
      ids: f.array("ids", "i32"),
      lengthText: f.array("lengthText", "u32"),
      lengthContext: f.array("lengthContext", "u32"),
      averages: f.array("averages", "f64"),
      dfUnits: f.array("dfUnits", "u32"),
      start: f.array("start", "u32"),
      dfText: f.array("dfText", "u32"),
      dfContext: f.array("dfContext", "u32"),
      bound: f.array("bound", "f64"),
      doc: f.array("doc", "i32"),
      tfText: f.array("tfText", "u16"),
      tfContext: f.array("tfContext", "u16"),
    });
  }

  save(file: string): void {
    const { terms, ...arrays } = this.p;
    writePacked(file, FILE_FORMAT, { terms, ...arrays });
  }

  /**
   * Scores one occurrence of `t` at posting `i` (passage `d`): MiniSearch's
   * termResults over both fields, with the term's constants worked out once.
   */
  private scorer(t: QueryTerm): (i: number, d: number) => number {
    const { tfText, tfContext } = this.p;
    const { normText, normContext } = this;
    const text = FIELD_BOOST.text * t.idfText;
    const context = FIELD_BOOST.context * t.idfContext;
    const k1 = BM25.k + 1;
    return (i, d) => {
      let s = 0;
      const ft = tfText[i]!;
      if (ft > 0) s += text * (BM25.d + (ft * k1) / (ft + normText[d]!));
      const fc = tfContext[i]!;
      if (fc > 0) s += context * (BM25.d + (fc * k1) / (fc + normContext[d]!));
      return s;
    };
  }

  /** The most one occurrence of each term adds to any passage: what MaxScore prunes with. */
  private computeBounds(): void {
    const { start, doc, bound, dfText, dfContext } = this.p;
    const n = this.documentCount;
    for (let term = 0; term < bound.length; term++) {
      const t = { term, weight: 1, bound: 0, idfText: bm25Idf(n, dfText[term]!), idfContext: bm25Idf(n, dfContext[term]!) };
      const score = this.scorer(t);
      let max = 0;
      for (let i = start[term]!; i < start[term + 1]!; i++) max = Math.max(max, score(i, doc[i]!));
      // A hair above the true maximum, so rounding can never prune a passage that belongs in the top k.
      bound[term] = max * (1 + 1e-9);
    }
  }

  private queryTerms(text: string): QueryTerm[] {
    const weights = new Map<number, number>();
    for (const token of tokenize(text)) {
      const term = this.termIds.get(token);
      if (term !== undefined && this.p.start[term + 1]! > this.p.start[term]!) weights.set(term, (weights.get(term) ?? 0) + 1);
    }
    const n = this.documentCount;
    const { dfText, dfContext, bound } = this.p;
    return [...weights].map(([term, weight]) => ({
      term,
      weight,
      bound: weight * bound[term]!,
      idfText: bm25Idf(n, dfText[term]!),
      idfContext: bm25Idf(n, dfContext[term]!),
    }));
  }

  /**
   * The `k` best passages for a query by BM25; `filter` keeps only the passages it accepts.
   * A passage's score is the sum over query terms times the number of distinct terms it matches.
   */
  query(text: string, k: number, filter?: (id: number) => boolean): LexicalHit[] {
    // Rare terms first: they can lift a passage most, so the threshold rises early.
    const terms = this.queryTerms(text).sort((a, b) => b.bound - a.bound || a.term - b.term);
    this.lastQueryCost = { scored: 0, postings: terms.reduce((n, t) => n + this.p.start[t.term + 1]! - this.p.start[t.term]!, 0) };
    if (terms.length === 0 || k <= 0) return [];
    // rest[i]: what terms i.. can add to a passage none of terms ..i-1 matched.
    const rest = new Float64Array(terms.length + 1);
    for (let i = terms.length - 1; i >= 0; i--) rest[i] = rest[i + 1]! + terms[i]!.bound;
    const { scores, matched } = this;
    const touched: number[] = [];
    let i = 0;
    // The best score any passage is already sure of: no pruning is possible while the bound is above it.
    let best = 0;
    for (; i < terms.length; i++) {
      // A passage no earlier term matched scores at most rest[i] × (terms left): once that cannot reach the top k, stop admitting.
      const bound = rest[i]! * (terms.length - i);
      if (i > 0 && bound < best && bound < this.threshold(touched, k)) break;
      best = Math.max(best, this.accumulate(terms[i]!, touched, filter));
    }
    const candidates = i < terms.length ? this.inTheRunning(touched, terms.slice(i), rest[i]!, this.threshold(touched, k)) : touched;
    for (; i < terms.length; i++) this.addToCandidates(terms[i]!, candidates);

    const top = new TopK(k);
    for (const d of candidates) top.offer(d, scores[d]! * matched[d]!);
    for (const d of touched) {
      scores[d] = 0;
      matched[d] = 0;
      this.running[d] = 0;
    }
    return top.sorted().map(({ item, score }) => ({ id: this.p.ids[item]!, score }));
  }

  /** Adds every posting of `t` to the accumulators, admitting passages the filter accepts; returns the best partial score. */
  private accumulate(t: QueryTerm, touched: number[], filter?: (id: number) => boolean): number {
    const { start, doc, ids } = this.p;
    const { scores, matched } = this;
    const score = this.scorer(t);
    let best = 0;
    for (let i = start[t.term]!; i < start[t.term + 1]!; i++) {
      const d = doc[i]!;
      if (matched[d] === 0) {
        if (filter && !filter(ids[d]!)) continue;
        touched.push(d);
      }
      const sum = (scores[d] = scores[d]! + t.weight * score(i, d));
      const m = (matched[d] = matched[d]! + 1);
      if (sum * m > best) best = sum * m;
    }
    this.lastQueryCost.scored += start[t.term + 1]! - start[t.term]!;
    return best;
  }

  /** The k-th best score a passage is already sure of (its partial sum can only grow), or 0. */
  private threshold(touched: number[], k: number): number {
    if (touched.length < k) return 0;
    const top = new TopK(k);
    for (const d of touched) top.offer(d, this.scores[d]! * this.matched[d]!);
    return top.lowest();
  }

  /** Passages that could still reach the top k if they matched every remaining term; marked in `running` until the query ends. */
  private inTheRunning(touched: number[], left: QueryTerm[], leftBound: number, threshold: number): number[] {
    const candidates = touched.filter((d) => (this.scores[d]! + leftBound) * (this.matched[d]! + left.length) >= threshold);
    for (const d of candidates) this.running[d] = 1;
    return candidates;
  }

  /** Adds term `t` to the given passages only: by binary search in its postings, or one pass when that is cheaper. */
  private addToCandidates(t: QueryTerm, candidates: number[]): void {
    const { start, doc } = this.p;
    const { scores, matched, running } = this;
    const from = start[t.term]!;
    const to = start[t.term + 1]!;
    const score = this.scorer(t);
    let added = 0;
    const add = (i: number, d: number) => {
      scores[d] = scores[d]! + t.weight * score(i, d);
      matched[d] = matched[d]! + 1;
      added++;
    };
    if (candidates.length * Math.log2(to - from + 1) > to - from) {
      for (let i = from; i < to; i++) if (running[doc[i]!] === 1) add(i, doc[i]!);
    } else {
      for (const d of candidates) {
        let lo = from;
        let hi = to;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (doc[mid]! < d) lo = mid + 1;
          else hi = mid;
        }
        if (lo < to && doc[lo] === d) add(lo, d);
      }
    }
    this.lastQueryCost.scored += added;
  }

  /**
   * BM25's inverse document frequency of a term. A multi-character term is
   * weighed by its bigrams (a word the segmenter found may never occur whole),
   * so this is the mean over them; an unseen term weighs the most.
   */
  idf(term: string): number {
    const units = termUnits(term);
    const n = this.documentCount;
    return units.reduce((acc, u) => acc + bm25Idf(n, this.documentFrequency(u)), 0) / units.length;
  }

  /** How many passages contain `unit` (a Han character or bigram, or a whole number or latin word). */
  documentFrequency(unit: string): number {
    const id = this.termIds.get(normalizeText(unit));
    return id === undefined ? 0 : this.p.dfUnits[id]!;
  }
}
