/**
 * Reuses the previous build's HNSW graph: passages whose embedded text is
 * unchanged keep their vector and their place in the graph, removed ones are
 * marked deleted, and only new passages are embedded and inserted. When
 * deleted entries pile up the graph is rebuilt from the stored vectors
 * (still without embedding anything again), so searches stay fast and exact
 * enough.
 */
import { HnswStore, type HnswOptions } from "./vectors.js";

/** Rebuild the graph afresh once deleted entries would exceed this share of it: they cost memory and search time. */
export const COMPACT_DELETED_SHARE = 0.2;

/** What a rebuild can reuse from the previous index. */
export interface PreviousGraph {
  /** Graph label of each previous passage. */
  labels: Int32Array;
  graph: HnswStore;
}

/**
 * For each passage of this build, the previous passage with the same embedded
 * text (by content hash, each previous passage used once), or -1.
 */
export function matchPrevious(previousHashes: string[], hashes: string[]): Int32Array {
  const byHash = new Map<string, number[]>();
  previousHashes.forEach((h, p) => byHash.set(h, [...(byHash.get(h) ?? []), p]));
  return Int32Array.from(hashes, (h) => byHash.get(h)?.shift() ?? -1);
}

export interface GraphPlan {
  graph: HnswStore;
  /** Graph label of each passage of this build; -1 for a new passage until it is inserted (under the next free label). */
  labels: Int32Array;
  /** Positions of the passages to embed and insert. */
  todo: number[];
  /** True when the previous graph was reused in place (false: built afresh). */
  incremental: boolean;
}

/** Plans the graph of this build's passages; `previousOf` (from matchPrevious) says which vectors the previous graph already holds. */
export function planGraph(previous: PreviousGraph | null, previousOf: Int32Array, dimension: number, hnsw: HnswOptions): GraphPlan {
  const labels = Int32Array.from(previousOf, (old) => (previous && old >= 0 ? previous.labels[old]! : -1));
  const todo = [...labels.keys()].filter((p) => labels[p]! < 0);
  const kept = labels.length - todo.length;

  // The previous graph's entries that no current passage uses, including ones deleted by earlier rebuilds.
  const deleted = previous ? previous.graph.size - kept : 0;
  if (previous && kept > 0 && deleted <= COMPACT_DELETED_SHARE * (labels.length + deleted)) {
    const used = new Set(labels);
    for (const label of previous.labels) if (!used.has(label)) previous.graph.markDelete(label);
    return { graph: previous.graph, labels, todo, incremental: true };
  }

  const graph = HnswStore.create(dimension, labels.length, hnsw);
  labels.forEach((label, p) => {
    if (label >= 0) graph.add(p, previous!.graph.vector(label));
    labels[p] = p;
  });
  return { graph, labels, todo, incremental: false };
}
