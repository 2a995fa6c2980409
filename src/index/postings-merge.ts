/**
 * Postings for a rebuild that changes a few reports: the previous build's
 * postings are renumbered (passages kept), filtered (passages removed) and
 * merged term by term with the postings of the new passages, which alone are
 * tokenized. A pass over typed arrays instead of re-tokenizing 100,000
 * passages; the result is what a full build would give (a test checks it).
 */
import { hanUnits, runningAverage, type Postings } from "./postings.js";

/**
 * Merges `a` (the previous build) and `b` (the new passages) into the
 * postings of the passages with external `ids`: `aTo[d]` is the new number of
 * a's passage d (-1: removed), `bTo[d]` that of b's. Returns null when the
 * kept passages changed order, which a merge cannot express.
 */
export function mergePostings(a: Postings, aTo: Int32Array, b: Postings, bTo: Int32Array, ids: Int32Array): Postings | null {
  const n = ids.length;
  if (!increasing(aTo) || !increasing(bTo)) return null;

  // The dictionary: a's terms keep their ids, b's new terms follow.
  const termIds = new Map(a.terms.map((t, i) => [t, i]));
  const terms = [...a.terms];
  const bTerm = Int32Array.from(b.terms, (t) => {
    let id = termIds.get(t);
    if (id === undefined) termIds.set(t, (id = terms.push(t) - 1));
    return id;
  });
  const size = terms.length;

  const dfUnits = new Uint32Array(size);
  dfUnits.set(a.dfUnits);
  for (const units of removedUnits(a, aTo, termIds)) for (const u of units) dfUnits[u]!--;
  b.dfUnits.forEach((count, t) => (dfUnits[bTerm[t]!]! += count));

  const lengthText = new Uint32Array(n);
  const lengthContext = new Uint32Array(n);
  for (const [p, to] of [[a, aTo], [b, bTo]] as const) {
    to.forEach((d, old) => {
      if (d < 0) return;
      lengthText[d] = p.lengthText[old]!;
      lengthContext[d] = p.lengthContext[old]!;
    });
  }

  const bOf = new Int32Array(size).fill(-1);
  bTerm.forEach((merged, t) => (bOf[merged] = t));
  const range = (p: Postings, t: number): [number, number] => (t < 0 || t >= p.terms.length ? [0, 0] : [p.start[t]!, p.start[t + 1]!]);
  const start = new Uint32Array(size + 1);
  for (let t = 0; t < size; t++) {
    const [a0, a1] = range(a, t);
    const [b0, b1] = range(b, bOf[t]!);
    let kept = b1 - b0;
    for (let i = a0; i < a1; i++) if (aTo[a.doc[i]!]! >= 0) kept++;
    start[t + 1] = start[t]! + kept;
  }
  const doc = new Int32Array(start[size]!);
  const tfText = new Uint16Array(doc.length);
  const tfContext = new Uint16Array(doc.length);
  const dfText = new Uint32Array(size);
  const dfContext = new Uint32Array(size);
  for (let t = 0, at = 0; t < size; t++) {
    let [i, a1] = range(a, t);
    let [j, b1] = range(b, bOf[t]!);
    // Two sorted runs (both renumberings keep order): take the smaller passage each time.
    while (i < a1 || j < b1) {
      const da = i < a1 ? aTo[a.doc[i]!]! : -1;
      if (i < a1 && da < 0) {
        i++;
        continue;
      }
      const db = j < b1 ? bTo[b.doc[j]!]! : -1;
      const fromA = j >= b1 || (i < a1 && da < db);
      const [p, k] = fromA ? [a, i++] : [b, j++];
      doc[at] = fromA ? da : db;
      tfText[at] = p.tfText[k]!;
      tfContext[at] = p.tfContext[k]!;
      if (tfText[at]! > 0) dfText[t]!++;
      if (tfContext[at]! > 0) dfContext[t]!++;
      at++;
    }
  }
  return {
    terms,
    ids,
    lengthText,
    lengthContext,
    averages: Float64Array.of(runningAverage(lengthText), runningAverage(lengthContext)),
    dfUnits,
    start,
    dfText,
    dfContext,
    bound: new Float64Array(size),
    doc,
    tfText,
    tfContext,
  };
}

/** True when the non-negative entries rise strictly. */
function increasing(to: Int32Array): boolean {
  let last = -1;
  for (const d of to) {
    if (d < 0) continue;
    if (d <= last) return false;
    last = d;
  }
  return true;
}

/** The idf units (term ids) of each passage of `a` that `aTo` removes, once per passage. */
function removedUnits(a: Postings, aTo: Int32Array, termIds: Map<string, number>): Set<number>[] {
  const byPassage = new Map<number, Set<number>>();
  for (let t = 0; t < a.terms.length; t++) {
    for (let i = a.start[t]!; i < a.start[t + 1]!; i++) {
      const d = a.doc[i]!;
      if (aTo[d]! >= 0) continue;
      let units = byPassage.get(d);
      if (!units) byPassage.set(d, (units = new Set()));
      units.add(t);
      for (const ch of hanUnits(a.terms[t]!)) units.add(termIds.get(ch)!);
    }
  }
  return [...byPassage.values()];
}
