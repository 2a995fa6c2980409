/**
 * Peers for the benchmark, over the same cleaned passages: MiniSearch set up
 * as this project's lexical channel used to be (same tokens, context at half
 * weight), and Orama with its Mandarin tokenizer. Each builds in memory and
 * searches; neither composes an answer, so their latency is a search's.
 */
import { create, insertMultiple, search } from "@orama/orama";
import { createTokenizer } from "@orama/tokenizers/mandarin";
import MiniSearch from "minisearch";
import { chunkDoc } from "../chunk.js";
import { cleanReport } from "../corpus/clean.js";
import { readCorpus } from "../corpus/load.js";
import { readGoldSet } from "../eval.js";
import { embeddingText, passageContext } from "../text/passage.js";
import { tokenize } from "../text/tokenize.js";
import { latencies, mean, peakRssMiB, percentile, rssMiB, timed } from "./measure.js";
import { retrievalQuality, workload, type ServeResult, type TaskOptions } from "./tasks.js";

interface Passage {
  id: number;
  docId: string;
  text: string;
  context: string;
  /** What the embedder reads: title, section and text. */
  content: string;
}

async function passages(corpusDir: string): Promise<Passage[]> {
  const docs = (await readCorpus(corpusDir)).map((r) => cleanReport(r));
  return docs.flatMap((doc) => chunkDoc(doc).map((c) => ({ docId: doc.id, text: c.text, context: passageContext(doc, c), content: embeddingText(doc, c) })))
    .map((p, id) => ({ id, ...p }));
}

/** Builds a peer with `build`, then times `query` (top 20) over the gold questions. */
async function benchPeer(
  system: string,
  options: TaskOptions,
  build: (passages: Passage[]) => Promise<(q: string) => Promise<Passage[]> | Passage[]>,
): Promise<ServeResult & { buildMs: number }> {
  const gold = await readGoldSet(options.goldFile);
  const [[query, size], buildMs] = await timed(async () => {
    const all = await passages(options.corpusDir);
    return [await build(all), all.length] as const;
  });
  const readyMiB = rssMiB();
  const times = await latencies(workload(gold, options.repeats), query);
  const top3 = await Promise.all(gold.map(async (g) => (await query(g.q)).slice(0, 3)));
  return {
    system,
    passages: size,
    buildMs,
    readyMiB,
    peakMiB: peakRssMiB(),
    p50Ms: percentile(times, 50),
    p95Ms: percentile(times, 95),
    meanMs: mean(times),
    ...retrievalQuality(gold, top3),
  };
}

/**
 * MiniSearch set up as this project's lexical channel was before it had its
 * own index: the same tokens, context matches at half weight. The yardstick
 * the lexical index is tested against.
 */
export function miniSearchLikeLexical<T extends { id: number; text: string; context: string }>(docs: T[]): MiniSearch<T> {
  const index = new MiniSearch<T>({
    fields: ["text", "context"],
    tokenize,
    // Tokens are already normalized; MiniSearch's default would lowercase again.
    processTerm: (term) => term,
    searchOptions: { boost: { text: 1, context: 0.5 }, combineWith: "OR" },
  });
  index.addAll(docs);
  return index;
}

export function benchMiniSearch(options: TaskOptions) {
  return benchPeer("MiniSearch 7 (BM25, same tokens and boosts)", options, async (all) => {
    const index = miniSearchLikeLexical(all);
    return (q) => index.search(q).slice(0, 20).map((r) => all[r.id as number]!);
  });
}

export function benchOrama(options: TaskOptions) {
  return benchPeer("Orama 3 (BM25, Mandarin tokenizer)", options, async (all) => {
    const db = create({ schema: { docId: "string", text: "string", content: "string" } as const, components: { tokenizer: createTokenizer() } });
    await insertMultiple(db, all.map((p) => ({ id: String(p.id), docId: p.docId, text: p.text, content: p.content })), 1000);
    return async (q) => (await search(db, { term: q, properties: ["content"], limit: 20 })).hits.map((h) => all[Number(h.id)]!);
  });
}
