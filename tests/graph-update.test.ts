import { describe, expect, it } from "vitest";
import { HashedEmbedder } from "../src/embed/hashed.js";
import { COMPACT_DELETED_SHARE, matchPrevious, planGraph, type PreviousGraph } from "../src/index/graph-update.js";
import { DEFAULT_HNSW_OPTIONS, HnswStore, PositionedVectors } from "../src/index/vectors.js";

const embedder = new HashedEmbedder({ dimension: 64 });
const TEXTS = Array.from({ length: 20 }, (_, i) => `第${i}段：${"发热门诊居家养老清廉医院党史学习疫苗补碘".slice(i % 10, (i % 10) + 4)}${i}号`);

/** A previous build of `texts` (the texts stand in for their hashes): labels are positions. */
function previousBuild(texts: string[]): PreviousGraph {
  const graph = HnswStore.create(64, texts.length, DEFAULT_HNSW_OPTIONS);
  texts.forEach((t, i) => graph.add(i, embedder.embed(t)));
  return { labels: Int32Array.from(texts.keys()), graph };
}

/** Inserts the plan's new passages as build does, and returns the graph seen through positions. */
function finish(plan: ReturnType<typeof planGraph>, texts: string[]): PositionedVectors {
  for (const p of plan.todo) {
    plan.labels[p] = plan.graph.size;
    plan.graph.add(plan.labels[p]!, embedder.embed(texts[p]!));
  }
  return new PositionedVectors(plan.graph, plan.labels);
}

describe("incremental graph updates", () => {
  it("keeps unchanged passages in place, hides removed ones, and inserts only new ones", () => {
    const previous = previousBuild(TEXTS);
    // One passage removed (position 3), one added at the end; the rest move up by one position.
    const now = [...TEXTS.slice(0, 3), ...TEXTS.slice(4), "新增段落：家庭医生签约服务"];
    const plan = planGraph(previous, matchPrevious(TEXTS, now), 64, DEFAULT_HNSW_OPTIONS);
    expect(plan.incremental).toBe(true);
    expect(plan.graph).toBe(previous.graph);
    expect(plan.todo).toEqual([now.length - 1]);
    expect(plan.labels[5]).toBe(6); // TEXTS[6], now at position 5, keeps its label

    const vectors = finish(plan, now);
    now.forEach((t, p) => expect(vectors.search(embedder.embed(t), 1)[0]).toMatchObject({ id: p }));
    // The removed passage is not found any more, even by its own vector.
    expect(vectors.search(embedder.embed(TEXTS[3]!), now.length).map((h) => now[h.id])).not.toContain(TEXTS[3]);
  });

  it("rebuilds the graph from the stored vectors once deleted entries would pass the compaction share", () => {
    const previous = previousBuild(TEXTS);
    const removed = Math.ceil(COMPACT_DELETED_SHARE * TEXTS.length) + 1;
    const now = TEXTS.slice(removed);
    const plan = planGraph(previous, matchPrevious(TEXTS, now), 64, DEFAULT_HNSW_OPTIONS);
    expect(plan.incremental).toBe(false);
    expect(plan.todo).toEqual([]);
    expect(plan.graph.size).toBe(now.length);
    const vectors = finish(plan, now);
    now.forEach((t, p) => expect(vectors.search(embedder.embed(t), 1)[0]).toMatchObject({ id: p }));
  });
});
