/**
 * corpus → clean → chunk → embed → index, written atomically under the index
 * folder's lock. Embeddings are reused from the previous index by content
 * hash, so a rebuild only embeds passages whose text (or title/section)
 * changed; a damaged previous index is rebuilt, and leftovers of earlier
 * builds are removed on every build.
 */
import { createHash } from "node:crypto";
import { isDeepStrictEqual } from "node:util";
import type { Chunk, DocMeta, EmbedderInfo, ManifestDocument } from "../types.js";
import { DEFAULT_CHUNK_OPTIONS, chunkDoc, type ChunkOptions } from "../chunk.js";
import { cleanReport } from "../corpus/clean.js";
import { LARGE_REPORT_BYTES, readCorpus } from "../corpus/load.js";
import type { Embedder } from "../embed/embedder.js";
import { embeddingText, passageContext } from "../text/passage.js";
import { reportSubjects } from "./gazetteer.js";
import { matchPrevious, planGraph } from "./graph-update.js";
import { LexicalIndex } from "./lexical.js";
import { withIndexLock, type IndexLock } from "./lock.js";
import {
  FORMAT_VERSION,
  IndexDamagedError,
  IndexMissingError,
  loadVectors,
  readManifest,
  removeLeftovers,
  loadLexical,
  sameEmbedder,
  saveIndex,
  verifyIndex,
  type StoredDoc,
  type StoredVectors,
} from "./store.js";
import { DEFAULT_HNSW_OPTIONS, type HnswOptions } from "./vectors.js";

export type BuildProgress =
  | { phase: "wait"; message: string }
  /** A large report is being read, then cleaned (`done` of `total` lines). */
  | { phase: "load"; file: string; bytes: number }
  | { phase: "clean"; file: string; done: number; total: number }
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
  /** How long to wait for another build of the same index folder. Default 30 minutes. */
  lockWaitMs?: number;
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

/** Why the previous index is not reused, as a build warning. */
function notReused(error: unknown): string {
  const why = error instanceof IndexDamagedError ? `${error.file} ${error.problem}` : (error as Error).message;
  return `The previous index was not reused, so it is rebuilt: ${why}`;
}

/** The previous index, when its vectors can be reused with this embedder; why not in `warnings`, unless there is none. */
async function previousIndex(dir: string, embedder: EmbedderInfo, warnings: string[]): Promise<StoredVectors | null> {
  try {
    const manifest = await readManifest(dir);
    // Vectors of another embedder are of no use here: not worth reading, nor a warning.
    if (!sameEmbedder(manifest.embedder, embedder)) return null;
    return await loadVectors(dir);
  } catch (error) {
    // No index yet, or a damaged or older one: everything is embedded afresh.
    if (!(error instanceof IndexMissingError)) warnings.push(notReused(error));
    return null;
  }
}

/**
 * The subjects the previous index found in each report, by id and content
 * hash: finding them reads every report, and an unchanged report has the same
 * ones (a change to how they are found bumps FORMAT_VERSION, so no previous index is reused).
 */
function subjectsByContent(previous: StoredVectors | null): Map<string, string[]> {
  if (previous === null) return new Map();
  const sha = new Map(previous.manifest.documents.map((d) => [d.id, d.sha256]));
  return new Map(previous.docs.map((d) => [`${d.id}:${sha.get(d.id)}`, d.subjects]));
}

/** The previous lexical index, or null when it cannot be read (the build then indexes every passage afresh). */
async function reusableLexical(dir: string, previous: StoredVectors): Promise<LexicalIndex | null> {
  try {
    return await loadLexical(dir, previous.manifest);
  } catch {
    return null;
  }
}

/** Builds the index, holding the index folder's lock; waits while another build holds it. */
export async function buildIndex(options: BuildOptions): Promise<BuildSummary> {
  return withIndexLock(options.indexDir, (lock) => buildLocked(options, lock), {
    waitMs: options.lockWaitMs,
    onWait: (message) => options.onProgress?.({ phase: "wait", message }),
  });
}

async function buildLocked(options: BuildOptions, lock: IndexLock): Promise<BuildSummary> {
  const started = Date.now();
  // Builds that were killed left temp folders and old generations; with the lock held, none is in use.
  await removeLeftovers(options.indexDir);
  const { embedder, onProgress } = options;
  const batchSize = options.batchSize ?? 32;

  const warnings: string[] = [];
  const previous = await previousIndex(options.indexDir, embedder.info, warnings);
  const knownSubjects = subjectsByContent(previous);
  const reports = await readCorpus(options.corpusDir, {
    warn: (message) => warnings.push(message),
    onLargeFile: (file, bytes) => onProgress?.({ phase: "load", file, bytes }),
  });
  const docs: StoredDoc[] = [];
  const chunks: Chunk[] = [];
  const manifestDocs: ManifestDocument[] = [];
  for (const report of reports) {
    const large = Buffer.byteLength(report.text) >= LARGE_REPORT_BYTES;
    const doc = cleanReport(report, large ? { onProgress: (done, total) => onProgress?.({ phase: "clean", file: report.file, done, total }) } : {});
    const docChunks = chunkDoc(doc, options.chunk ?? DEFAULT_CHUNK_OPTIONS);
    if (docChunks.length === 0) {
      warnings.push(`${report.file}: no text left after cleaning; it is not searchable.`);
    }
    warnings.push(...doc.warnings.map((w) => `${report.file}: ${w}`));
    const { raw: _raw, warnings: _w, paragraphs, ...meta } = doc;
    const subjects =
      knownSubjects.get(`${meta.id}:${report.sha256}`) ?? reportSubjects({ title: meta.title, source: meta.source, text: paragraphs.map((p) => p.text).join("\n") });
    docs.push({ ...meta, paragraphs, subjects });
    manifestDocs.push({ ...meta, sha256: report.sha256, chunks: docChunks.length });
    chunks.push(...docChunks);
  }
  onProgress?.({ phase: "read", documents: docs.length, chunks: chunks.length });

  const docById = new Map(docs.map((d) => [d.id, d]));
  const texts = chunks.map((c) => embeddingText(docById.get(c.docId)!, c));
  const hashes = texts.map(sha256);

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
  if (previous && previous.manifest.corpusFingerprint === corpusFingerprint && isDeepStrictEqual(previous.hashes, hashes) && isDeepStrictEqual(previous.docs, docs)) {
    // Only if every file is intact: "up to date" must never leave a damaged file in place.
    const intact = await verifyIndex(options.indexDir).then(
      () => true,
      (error: unknown) => (warnings.push(notReused(error)), false),
    );
    if (intact) return summary({ embedded: 0, generation: previous.manifest.generation, unchanged: true, incrementalGraph: true });
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
  const previousLexical = previous ? await reusableLexical(options.indexDir, previous) : null;
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
  }, () => lock.assertHeld());

  return summary({ embedded: todo.length, generation: manifest.generation, unchanged: false, incrementalGraph: incremental });
}
