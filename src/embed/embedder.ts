/**
 * The embedder interface and the one entry point that picks an embedder from
 * config. Vectors are always L2-normalized so cosine = dot product.
 */
import type { CoreConfig } from "../config.js";
import type { EmbedderInfo } from "../types.js";
import { AppError } from "../errors.js";
import { HashedEmbedder } from "./hashed.js";
import { TransformersEmbedder } from "./transformers.js";

export interface Embedder {
  readonly info: EmbedderInfo;
  /** Vectors for passages, in input order. */
  embedDocuments(texts: string[]): Promise<Float32Array[]>;
  /** Vector for a question (some models want an instruction prefix here). */
  embedQuery(text: string): Promise<Float32Array>;
}

/** Raised when an embedder cannot be loaded or cannot embed. */
export class EmbeddingError extends AppError {
  override name = "EmbeddingError";
}

export function describeEmbedder(info: EmbedderInfo): string {
  return `${info.kind}:${info.model} (dimension ${info.dimension})`;
}

export interface CreateEmbedderOptions {
  /** Called with a loud warning when the configured model cannot be loaded. */
  warn?: (message: string) => void;
}

/**
 * The embedder the config asks for. When the transformers model cannot be
 * loaded (no network, no local copy), falls back to the offline hashed
 * embedder and says so loudly: an answer from weaker vectors beats no answer,
 * and the manifest records which embedder built the index.
 */
export async function createEmbedder(config: CoreConfig, options: CreateEmbedderOptions = {}): Promise<Embedder> {
  if (config.EMBEDDER === "hashed") return new HashedEmbedder();
  try {
    return await TransformersEmbedder.load({
      model: config.EMBED_MODEL,
      modelDir: config.MODEL_DIR,
      allowRemote: config.ALLOW_REMOTE_MODELS,
      remoteHost: config.MODEL_REMOTE_HOST,
    });
  } catch (error) {
    const warn = options.warn ?? ((m: string) => console.warn(m));
    const reason = error instanceof Error ? error.message : String(error);
    warn(
      [
        "!".repeat(78),
        `WARNING: ${reason}`,
        "Falling back to the offline hashed embedder (character n-grams): answers lean on keyword search.",
        "Set EMBEDDER=hashed to choose it on purpose and silence this warning.",
        "!".repeat(78),
      ].join("\n"),
    );
    return new HashedEmbedder();
  }
}
