/**
 * Offline embedder: character n-grams hashed into a fixed-size vector
 * ("feature hashing"). Needs no model download, so it always works; it captures
 * surface overlap, not meaning, which the lexical channel complements.
 */
import type { EmbedderInfo } from "../types.js";
import type { Embedder } from "./embedder.js";

export interface HashedEmbedderOptions {
  /**
   * Vector length. Default 640: measured at 100,000 passages (docs/bench.md), it keeps
   * the answers of 1,024 on the eval sets (512 loses one) while the HNSW graph builds
   * and loads in about two thirds of the time and memory.
   */
  dimension?: number;
  /** n-gram sizes and their weights. Default: unigrams 0.5, bigrams 1, trigrams 1. */
  ngrams?: ReadonlyArray<readonly [n: number, weight: number]>;
}

const DEFAULT_DIMENSION = 640;
const DEFAULT_NGRAMS = [[1, 0.5], [2, 1], [3, 1]] as const;
/** One letter or digit (a whole code point, so a rare Han character outside the BMP stays one character). */
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/gu;

/** FNV-1a, 32-bit: fast, dependency-free and stable across runs and machines. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export class HashedEmbedder implements Embedder {
  readonly info: EmbedderInfo;
  private readonly ngrams: ReadonlyArray<readonly [number, number]>;

  constructor(options: HashedEmbedderOptions = {}) {
    const dimension = options.dimension ?? DEFAULT_DIMENSION;
    this.ngrams = options.ngrams ?? DEFAULT_NGRAMS;
    const spec = this.ngrams.map(([n, w]) => `${n}x${w}`).join(",");
    this.info = { kind: "hashed", model: `char-ngram-fnv1a[${spec}]`, dimension };
  }

  embed(text: string): Float32Array {
    const { dimension } = this.info;
    // Only letters and digits carry meaning here; punctuation and spaces would add noise.
    const chars = text.normalize("NFKC").toLowerCase().match(LETTER_OR_DIGIT) ?? [];
    const vector = new Float32Array(dimension);
    for (const [n, weight] of this.ngrams) {
      const counts = new Map<string, number>();
      for (let i = 0; i + n <= chars.length; i++) {
        let gram = chars[i]!;
        for (let j = 1; j < n; j++) gram += chars[i + j]!;
        counts.set(gram, (counts.get(gram) ?? 0) + 1);
      }
      for (const [gram, count] of counts) {
        const h = fnv1a(`${n}:${gram}`);
        // The top bit picks the sign so collisions cancel out instead of piling up.
        const sign = h & 0x80000000 ? -1 : 1;
        vector[h % dimension]! += sign * weight * (1 + Math.log(count));
      }
    }
    return normalize(vector);
  }

  async embedDocuments(texts: string[]): Promise<Float32Array[]> {
    return texts.map((t) => this.embed(t));
  }

  async embedQuery(text: string): Promise<Float32Array> {
    return this.embed(text);
  }
}

/** Scales a vector to unit length in place (a zero vector stays zero). */
export function normalize(vector: Float32Array): Float32Array {
  let norm = 0;
  for (const x of vector) norm += x * x;
  norm = Math.sqrt(norm);
  if (norm > 0) for (let i = 0; i < vector.length; i++) vector[i]! /= norm;
  return vector;
}
