/**
 * Sentence embeddings from a real model through transformers.js
 * (`feature-extraction`). The model is downloaded once into `modelDir` and read
 * from there afterwards; with `allowRemote: false` only local models load.
 */
import type { EmbedderInfo } from "../types.js";
import { EmbeddingError, type Embedder } from "./embedder.js";

export interface TransformersEmbedderOptions {
  /** Model id on the hub, or a folder name under `modelDir`. */
  model: string;
  /** Download cache, searched first for local models. */
  modelDir: string;
  /** May the model be downloaded from the hub? */
  allowRemote: boolean;
  /** A mirror to download from instead of the Hugging Face hub (transformers.js `env.remoteHost`). */
  remoteHost?: string;
  /** How token vectors become one sentence vector. Default from the model table, else 'mean'. */
  pooling?: "mean" | "cls";
  /** Instruction prepended to questions (not passages). Default from the model table, else none. */
  queryPrefix?: string;
  /** Load the 8-bit quantized weights (smaller, faster on CPU). Default true. */
  quantized?: boolean;
  /** Texts per forward pass. Default 16. */
  batchSize?: number;
}

/** What the model cards of known models ask for. */
const MODEL_PROFILES: { match: RegExp; pooling: "mean" | "cls"; queryPrefix: string }[] = [
  // BAAI's bge-*-zh cards: CLS pooling, and this instruction on short queries for retrieval.
  { match: /bge-.*zh/i, pooling: "cls", queryPrefix: "为这个句子生成表示以用于检索相关文章：" },
];

type Extractor = (texts: string[], options: { pooling: "mean" | "cls"; normalize: boolean }) => Promise<{ data: Float32Array; dims: number[] }>;

export class TransformersEmbedder implements Embedder {
  private constructor(
    readonly info: EmbedderInfo,
    private readonly extract: Extractor,
    private readonly pooling: "mean" | "cls",
    private readonly queryPrefix: string,
    private readonly batchSize: number,
  ) {}

  static async load(options: TransformersEmbedderOptions): Promise<TransformersEmbedder> {
    const profile = MODEL_PROFILES.find((p) => p.match.test(options.model));
    const pooling = options.pooling ?? profile?.pooling ?? "mean";
    const queryPrefix = options.queryPrefix ?? profile?.queryPrefix ?? "";
    let extract: Extractor;
    try {
      const { env, pipeline } = await import("@xenova/transformers");
      env.localModelPath = options.modelDir;
      env.cacheDir = options.modelDir;
      env.allowLocalModels = true;
      env.allowRemoteModels = options.allowRemote;
      if (options.remoteHost !== undefined) env.remoteHost = options.remoteHost.endsWith("/") ? options.remoteHost : `${options.remoteHost}/`;
      extract = (await pipeline("feature-extraction", options.model, { quantized: options.quantized ?? true })) as unknown as Extractor;
    } catch (error) {
      const how = options.allowRemote
        ? `run once on a machine with internet access so it is cached in '${options.modelDir}'`
        : `put the model folder in '${options.modelDir}' or set ALLOW_REMOTE_MODELS=true`;
      throw new EmbeddingError(
        `Cannot load embedding model '${options.model}' (${(error as Error).message}). To fix: ${how}, or set EMBEDDER=hashed.`,
      );
    }
    const probe = new TransformersEmbedder({ kind: "transformers", model: options.model, dimension: 0 }, extract, pooling, queryPrefix, 1);
    const [vector] = await probe.embedDocuments(["维度"]);
    return new TransformersEmbedder(
      { kind: "transformers", model: options.model, dimension: vector!.length },
      extract,
      pooling,
      queryPrefix,
      options.batchSize ?? 16,
    );
  }

  async embedDocuments(texts: string[]): Promise<Float32Array[]> {
    const out: Float32Array[] = [];
    for (let i = 0; i < texts.length; i += this.batchSize) {
      const batch = texts.slice(i, i + this.batchSize);
      let tensor: { data: Float32Array; dims: number[] };
      try {
        tensor = await this.extract(batch, { pooling: this.pooling, normalize: true });
      } catch (error) {
        throw new EmbeddingError(`Embedding with '${this.info.model}' failed: ${(error as Error).message}`);
      }
      const width = tensor.dims[tensor.dims.length - 1]!;
      // The tensor is one flat [batch, width] buffer; copy rows out so they outlive it.
      for (let row = 0; row < batch.length; row++) out.push(tensor.data.slice(row * width, (row + 1) * width));
    }
    return out;
  }

  async embedQuery(text: string): Promise<Float32Array> {
    const [vector] = await this.embedDocuments([this.queryPrefix + text]);
    return vector!;
  }
}
