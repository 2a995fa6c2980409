import { rm } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCoreConfig } from "../src/config.js";
import { EmbeddingError, createEmbedder } from "../src/embed/embedder.js";
import { HashedEmbedder } from "../src/embed/hashed.js";
import { TransformersEmbedder } from "../src/embed/transformers.js";
import { Answerer } from "../src/answer/answerer.js";
import { buildIndex } from "../src/index/build.js";
import { readManifest } from "../src/index/store.js";
import { REAL_CORPUS, tempDir } from "./helpers/corpus.js";
import { writeTinyBertModel, type TinyModel } from "./helpers/tiny-model.js";

const norm = (v: Float32Array) => Math.sqrt(v.reduce((s, x) => s + x * x, 0));
const cos = (a: Float32Array, b: Float32Array) => a.reduce((s, x, i) => s + x * b[i]!, 0);

describe("the installed transformers.js", () => {
  it("imports (a broken sharp install fails here)", async () => {
    const transformers = await import("@xenova/transformers");
    expect(typeof transformers.pipeline).toBe("function");
  });
});

describe("transformers embedder on a generated tiny model", () => {
  let dir: string;
  let tiny: TinyModel;
  let embedder: TransformersEmbedder;

  beforeAll(async () => {
    dir = await tempDir();
    tiny = await writeTinyBertModel(dir);
    embedder = await TransformersEmbedder.load({ model: tiny.model, modelDir: tiny.modelDir, allowRemote: false, batchSize: 2 });
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it("loads through the real pipeline with remote models off and reports its dimension", () => {
    expect(embedder.info).toEqual({ kind: "transformers", model: "tiny-bert", dimension: tiny.dimension });
  });

  it("returns unit-length vectors that differ for different texts and repeat for the same text", async () => {
    const [a, b, a2] = await embedder.embedDocuments(["党建", "天气", "党建"]);
    for (const v of [a!, b!]) expect(norm(v)).toBeCloseTo(1, 5);
    expect(Array.from(a2!)).toEqual(Array.from(a!));
    expect(cos(a!, b!)).toBeLessThan(0.999);
  });

  it("returns one vector per text, in order, across batches", async () => {
    const texts = ["党建", "卫生", "健康", "医院", "疫苗"];
    const batched = await embedder.embedDocuments(texts);
    expect(batched).toHaveLength(5);
    for (const [i, t] of texts.entries()) expect(Array.from(batched[i]!)).toEqual(Array.from((await embedder.embedDocuments([t]))[0]!));
  });

  it("embeds questions like passages when the model wants no prefix, differently when it does", async () => {
    const [doc] = await embedder.embedDocuments(["清廉品牌"]);
    expect(Array.from(await embedder.embedQuery("清廉品牌"))).toEqual(Array.from(doc!));
    const prefixed = await TransformersEmbedder.load({ model: tiny.model, modelDir: tiny.modelDir, allowRemote: false, queryPrefix: "天气" });
    expect(Array.from(await prefixed.embedQuery("清廉品牌"))).not.toEqual(Array.from(doc!));
  });

  it("fails with the model, the folder and the fix when the model is missing and downloads are off", async () => {
    const error = await TransformersEmbedder.load({ model: "no-such-model", modelDir: dir, allowRemote: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EmbeddingError);
    expect((error as Error).message).toMatch(/'no-such-model'.*put the model folder in '.*' or set ALLOW_REMOTE_MODELS=true, or set EMBEDDER=hashed/);
  });

  it("is what createEmbedder returns when the configured model is present", async () => {
    const config = loadCoreConfig({ EMBEDDER: "transformers", EMBED_MODEL: tiny.model, MODEL_DIR: tiny.modelDir, ALLOW_REMOTE_MODELS: "false" });
    expect((await createEmbedder(config)).info.model).toBe("tiny-bert");
  });

  it("builds an index that is queried with the same model and refused with another", async () => {
    const indexDir = `${dir}/index`;
    await buildIndex({ corpusDir: REAL_CORPUS, indexDir, embedder });
    const manifest = await readManifest(indexDir);
    expect(manifest.embedder).toEqual(embedder.info);
    const answerer = await Answerer.open({ indexDir, embedder });
    expect((await answerer.ask("南岸区创建了哪些清廉品牌？")).citations[0]!.excerpt).toContain("清廉仁济");
    await expect(Answerer.open({ indexDir, embedder: new HashedEmbedder() })).rejects.toThrow(/built with transformers:tiny-bert \(dimension 8\), but questions would be embedded with hashed/);
  });

  it("falls back to the hashed embedder with a loud warning when the model cannot be loaded", async () => {
    const config = loadCoreConfig({ EMBEDDER: "transformers", EMBED_MODEL: "missing-model", MODEL_DIR: dir, ALLOW_REMOTE_MODELS: "false" });
    const warnings: string[] = [];
    const fallback = await createEmbedder(config, { warn: (m) => warnings.push(m) });
    expect(fallback).toBeInstanceOf(HashedEmbedder);
    expect(warnings.join("\n")).toMatch(/WARNING: .*missing-model.*\n.*hashed embedder/);
  });
});

describe("hashed embedder", () => {
  it("is deterministic, unit length, and closer for texts that share wording", async () => {
    const e = new HashedEmbedder();
    const [a, b, c] = await e.embedDocuments(["南岸区创建清廉品牌", "南岸区清廉品牌建设", "明天上海的天气"]);
    expect(norm(a!)).toBeCloseTo(1, 5);
    expect(Array.from(await e.embedQuery("南岸区创建清廉品牌"))).toEqual(Array.from(a!));
    expect(cos(a!, b!)).toBeGreaterThan(cos(a!, c!));
  });
});
