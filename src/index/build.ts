/**
 * corpus → clean → chunk → embed → index, written atomically. Embeddings are
 * reused from the previous index by content hash, so a rebuild only embeds
 * passages whose text (or title/section) changed.
 */
import { createHash } from "node:crypto";
import type { Chunk, DocMeta, EmbedderInfo, ManifestDocument } from "../types.js";
import { DEFAULT_CHUNK_OPTIONS, chunkDoc, type ChunkOptions } from "../chunk.js";
import { cleanReport } from "../corpus/clean.js";
import { readCorpus } from "../corpus/load.js";
import type { Embedder } from "../embed/embedder.js";
import { embeddingText, passageContext } from "../text/passage.js";
import { matchPrevious, planGraph } from "./graph-update.js";
import { LexicalIndex } from "./lexical.js";
import { FORMAT_VERSION, assertSameEmbedder, loadLexical, loadVectors, readManifest, saveIndex, type StoredDoc, type StoredVectors } from "./store.js";
import { DEFAULT_HNSW_OPTIONS, type HnswOptions } from "./vectors.js";

export type BuildProgress =
  | { phase: "read"; documents: number; chunks: number }
  | { phase: "embed"; done: number; total: number; etaMs: number | null }
  | { phase: "write" };

export interface BuildOptions {
  corpusDir: string;
  indexDir: string;
  embedder: Embedder;
  chunk?: ChunkOptions;
  hnsw?: HnswOptions;
  /** Passages embedded per call. Default 32. */
  batchSize?: number;
  onProgress?: (progress: BuildProgress) => void;
}

export interface BuildSummary {
  documents: DocMeta[];
  chunks: number;
  /** Passages embedded in this build. */
  embedded: number;
  /** Passages whose vectors came from the previous index. */
  reused: number;
  /** True when the previous HNSW graph was updated in place rather than built afresh. */
  incrementalGraph: boolean;
  /** Documents in the previous index that are gone from the corpus. */
  removed: string[];
  /** True when the corpus gave exactly the previous index's passages, so nothing was written. */
  unchanged: boolean;
  embedder: EmbedderInfo;
  generation: string;
  durationMs: number;
  /** Things a maintainer should look at (e.g. a cut-off title). */
  warnings: string[];
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** The previous index, when its vectors can be reused with this embedder. */
async function previousIndex(dir: string, embedder: EmbedderInfo): Promise<StoredVectors | null> {
  try {
    // Check the manifest first: vectors of another embedder are not worth reading.
    assertSameEmbedder(await readManifest(dir), embedder, dir);
    return await loadVectors(dir);
  } catch {
    // No index yet, or one this embedder cannot reuse: everything is embedded afresh.
    return null;
  }
}

/** The previous lexical index, or null when it cannot be read (the build then indexes every passage afresh). */
function reusableLexical(dir: string, previous: StoredVectors): LexicalIndex | null {
  try {
    return loadLexical(dir, previous.manifest);
  } catch {
    return null;
  }
}

export async function buildIndex(options: BuildOptions): Promise<BuildSummary> {
  const started = Date.now();
  const { embedder, onProgress } = options;
  const batchSize = options.batchSize ?? 32;

  const reports = await readCorpus(options.corpusDir);
  const docs: StoredDoc[] = [];
  const chunks: Chunk[] = [];
  const manifestDocs: ManifestDocument[] = [];
  const warnings: string[] = [];
  for (const report of reports) {
    const doc = cleanReport(report);
    const docChunks = chunkDoc(doc, options.chunk ?? DEFAULT_CHUNK_OPTIONS);
    if (docChunks.length === 0) {
      warnings.push(`${report.file}: no text left after cleaning; it is not searchable.`);
    }
    warnings.push(...doc.warnings.map((w) => `${report.file}: ${w}`));
    const { raw: _raw, warnings: _w, paragraphs, ...meta } = doc;
    docs.push({ ...meta, paragraphs });
    manifestDocs.push({ ...meta, sha256: report.sha256, chunks: docChunks.length });
    chunks.push(...docChunks);
  }
  onProgress?.({ phase: "read", documents: docs.length, chunks: chunks.length });

  const docById = new Map(docs.map((d) => [d.id, d]));
  const texts = chunks.map((c) => embeddingText(docById.get(c.docId)!, c));
  const hashes = texts.map(sha256);

  const previous = await previousIndex(options.indexDir, embedder.info);
  const current = new Set(docs.map((d) => d.id));
  const removed = previous ? previous.manifest.documents.map((d) => d.id).filter((id) => !current.has(id)) : [];
  const summary = (fields: Pick<BuildSummary, "embedded" | "generation" | "unchanged" | "incrementalGraph">): BuildSummary => ({
    documents: manifestDocs.map(({ sha256: _s, chunks: _c, ...meta }) => meta),
    chunks: chunks.length,
    reused: chunks.length - fields.embedded,
    removed,
    embedder: embedder.info,
    durationMs: Date.now() - started,
    warnings,
    ...fields,
  });
  // Same files, same passages and metadata, same embedder: the index on disk is already this build's result.
  const corpusFingerprint = sha256(manifestDocs.map((d) => `${d.id}:${d.sha256}`).join("\n"));
  if (previous && previous.manifest.corpusFingerprint === corpusFingerprint && sameJson(previous.hashes, hashes) && sameJson(previous.docs, docs)) {
    return summary({ embedded: 0, generation: previous.manifest.generation, unchanged: true, incrementalGraph: true });
  }

  const previousOf = matchPrevious(previous?.hashes ?? [], hashes);
  const reusable = previous && { labels: previous.labels, graph: previous.vectors };
  const { graph: vectors, labels, todo, incremental } = planGraph(reusable, previousOf, embedder.info.dimension, options.hnsw ?? DEFAULT_HNSW_OPTIONS);

  const embedStart = Date.now();
  for (let i = 0; i < todo.length; i += batchSize) {
    const batch = todo.slice(i, i + batchSize);
    const embedded = await embedder.embedDocuments(batch.map((id) => texts[id]!));
    batch.forEach((id, j) => {
      if (labels[id]! < 0) labels[id] = vectors.size;
      vectors.add(labels[id]!, embedded[j]!);
    });
    const done = i + batch.length;
    const rate = (Date.now() - embedStart) / done;
    onProgress?.({ phase: "embed", done, total: todo.length, etaMs: done < todo.length ? Math.round(rate * (todo.length - done)) : 0 });
  }

  onProgress?.({ phase: "write" });
  const lexicalDocs = chunks.map((c, id) => ({ id, text: c.text, context: passageContext(docById.get(c.docId)!, c) }));
  // Same content hash means the same title, section and text: the previous postings of that passage still hold.
  const previousLexical = previous ? reusableLexical(options.indexDir, previous) : null;
  const lexical = previousLexical ? LexicalIndex.update(previousLexical, lexicalDocs, previousOf) : LexicalIndex.build(lexicalDocs);
  const manifest = await saveIndex(options.indexDir, {
    manifest: {
      formatVersion: FORMAT_VERSION,
      embedder: embedder.info,
      chunkCount: chunks.length,
      corpusFingerprint,
      builtAt: new Date().toISOString(),
      documents: manifestDocs,
    },
    store: { docs, chunks, hashes, labels },
    vectors,
    lexical,
  });

  return summary({ embedded: todo.length, generation: manifest.generation, unchanged: false, incrementalGraph: incremental });
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
