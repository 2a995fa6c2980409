import { readFile, readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { HashedEmbedder } from "../src/embed/hashed.js";
import { buildIndex } from "../src/index/build.js";
import { FORMAT_VERSION, IndexLoadError, assertSameEmbedder, loadIndex } from "../src/index/store.js";
import { ExactStore, HnswStore } from "../src/index/vectors.js";
import { embeddingText } from "../src/text/passage.js";
import { tempDir, tempWorkspace } from "./helpers/corpus.js";

describe("HNSW vector store", () => {
  it("finds the nearest vectors by cosine, and finds them again after save and load", async () => {
    const dir = await tempDir();
    const embedder = new HashedEmbedder({ dimension: 64 });
    const texts = ["发热门诊", "居家养老服务中心", "清廉品牌", "九价HPV疫苗", "党史学习教育", "科学补碘宣传"];
    const store = HnswStore.create(64, 2); // starts small: must grow as vectors are added
    const exact = ExactStore.create(64, texts.length);
    texts.forEach((t, i) => {
      store.add(i, embedder.embed(t));
      exact.add(i, embedder.embed(t));
    });
    const query = embedder.embed("清廉品牌建设");
    expect(store.search(query, 1)[0]!.id).toBe(2);
    expect(store.search(query, 3).map((h) => h.id)).toEqual(exact.search(query, 3).map((h) => h.id));

    const file = path.join(dir, "v.hnsw");
    store.save(file);
    const loaded = HnswStore.load(file, 64);
    expect(loaded.size).toBe(texts.length);
    expect(loaded.search(query, 3)).toEqual(store.search(query, 3));
    await rm(dir, { recursive: true });
  });

  it("refuses a vector of the wrong dimension", () => {
    expect(() => HnswStore.create(8, 1).add(0, new Float32Array(4))).toThrow(/length 4 .* dimension 8/);
  });
});

describe("building the index", () => {
  let ws: Awaited<ReturnType<typeof tempWorkspace>>;
  beforeEach(async () => {
    ws = await tempWorkspace();
  });
  afterEach(async () => ws.cleanup());

  const build = () => buildIndex({ corpusDir: ws.corpusDir, indexDir: ws.indexDir, embedder: new HashedEmbedder() });

  it("writes the manifest, the HNSW file and the chunk store", async () => {
    const summary = await build();
    const manifest = JSON.parse(await readFile(path.join(ws.indexDir, "manifest.json"), "utf8"));
    expect(manifest).toMatchObject({ formatVersion: FORMAT_VERSION, chunkCount: summary.chunks, embedder: { kind: "hashed", dimension: 640 } });
    expect(manifest.corpusFingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(manifest.documents.map((d: { id: string }) => d.id)).toEqual(["000_d0c70cf1157b7cde", "001_45c036bfc3bc9d28", "002_bcc9836c8c8f6416", "003_689daa4cc1bfa8ce", "004_bb6c15bc4c325fd7"]);
    expect((await readdir(path.join(ws.indexDir, manifest.generation))).sort()).toEqual(["chunks.bin", "lexical.bin", "vectors.hnsw"]);
    const index = await loadIndex(ws.indexDir);
    expect(index.vectors.size).toBe(summary.chunks);
  });

  it("re-embeds nothing when nothing changed, and only the changed report's passages after an edit", async () => {
    const first = await build();
    expect(first.embedded).toBe(first.chunks);

    const again = await build();
    expect(again).toMatchObject({ embedded: 0, reused: first.chunks, unchanged: true, generation: first.generation });

    const file = path.join(ws.corpusDir, "004_bb6c15bc4c325fd7.txt");
    await writeFile(file, (await readFile(file, "utf8")).replace("23名优秀护理工作者", "24名优秀护理工作者"));
    const edited = await build();
    expect(edited.unchanged).toBe(false);
    expect(edited.embedded).toBeGreaterThan(0);
    expect(edited.embedded).toBeLessThanOrEqual(2); // the edited passage and its overlapping neighbour at most
    const index = await loadIndex(ws.indexDir);
    expect(index.chunks.some((c) => c.text.includes("24名优秀护理工作者"))).toBe(true);
  });

  it("adds a new report to the previous graph in place, embedding only its passages", async () => {
    const first = await build();
    await writeFile(path.join(ws.corpusDir, "new.txt"), "新增报告标题\n\n某区卫健委开设了夜间发热门诊，服务群众三千人次。");
    const summary = await build();
    expect(summary).toMatchObject({ incrementalGraph: true, reused: first.chunks, embedded: summary.chunks - first.chunks });
    const index = await loadIndex(ws.indexDir);
    const position = index.chunks.findIndex((c) => c.docId === "new");
    const hit = index.vectors.search(new HashedEmbedder().embed(embeddingText(index.docById.get("new")!, index.chunks[position]!)), 1)[0];
    expect(hit?.id).toBe(position);
    expect(index.lexical.query("夜间发热门诊", 1)[0]?.id).toBe(position);
  });

  it("drops a deleted report from the rebuilt index", async () => {
    await build();
    await rm(path.join(ws.corpusDir, "003_689daa4cc1bfa8ce.txt"));
    const summary = await build();
    expect(summary.removed).toEqual(["003_689daa4cc1bfa8ce"]);
    const index = await loadIndex(ws.indexDir);
    expect(index.chunks.some((c) => c.docId === "003_689daa4cc1bfa8ce")).toBe(false);
    expect(index.docs).toHaveLength(4);
  });

  it("keeps the previous index whole when a rebuild fails on bad input", async () => {
    await build();
    const before = await readFile(path.join(ws.indexDir, "manifest.json"), "utf8");
    await writeFile(path.join(ws.corpusDir, "broken.txt"), Buffer.from([0x00, 0x01, 0x02]));
    await expect(build()).rejects.toThrow(/broken\.txt looks binary.*|index was left unchanged/s);
    expect(await readFile(path.join(ws.indexDir, "manifest.json"), "utf8")).toBe(before);
    expect((await loadIndex(ws.indexDir)).docs).toHaveLength(5);
    expect((await readdir(ws.indexDir)).filter((n) => n.startsWith("gen-"))).toHaveLength(1);
  });

  it("leaves one generation on disk after repeated builds", async () => {
    await build();
    await writeFile(path.join(ws.corpusDir, "new.txt"), "新增报告标题\n\n某区卫健委开设了发热门诊。");
    await build();
    await rm(path.join(ws.corpusDir, "new.txt"));
    await build();
    const names = await readdir(ws.indexDir);
    expect(names.filter((n) => n.startsWith("gen-"))).toHaveLength(1);
    expect(names.filter((n) => n.startsWith(".tmp"))).toHaveLength(0);
  });
});

describe("loading the index", () => {
  it("says how to build it when it is missing", async () => {
    const dir = await tempDir();
    await expect(loadIndex(dir)).rejects.toThrow(IndexLoadError);
    await expect(loadIndex(dir)).rejects.toThrow(/No index in .*npm run build-index/);
    await rm(dir, { recursive: true });
  });

  it("refuses a manifest of another format version", async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, "manifest.json"), JSON.stringify({ formatVersion: 99 }));
    await expect(loadIndex(dir)).rejects.toThrow(new RegExp(`format version 99, this code reads version ${FORMAT_VERSION}\\. Rebuild`));
    await rm(dir, { recursive: true });
  });

  it("refuses to query with another embedder than the one that built the index", () => {
    const manifest = { embedder: { kind: "hashed", model: "char-ngram", dimension: 1024 } } as never;
    expect(() => assertSameEmbedder(manifest, { kind: "transformers", model: "Xenova/bge-small-zh-v1.5", dimension: 512 }, "index")).toThrow(
      /built with hashed:char-ngram \(dimension 1024\).*transformers:Xenova\/bge-small-zh-v1\.5 \(dimension 512\).*npm run build-index.*EMBEDDER=hashed/,
    );
  });
});
