/**
 * The index on disk. `manifest.json` names a generation folder holding the
 * vectors, the chunk store and the lexical index. A build writes a new
 * generation and then swaps the manifest by rename, so a reader sees the old
 * index or the new one, never a half-written one.
 */
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { AppError } from "../errors.js";
import type { Chunk, DocMeta, EmbedderInfo, Manifest, Paragraph } from "../types.js";
import { describeEmbedder } from "../embed/embedder.js";
import { readChunkFile, writeChunkFile } from "./chunk-file.js";
import { LexicalIndex } from "./lexical.js";
import { HnswStore, PositionedVectors } from "./vectors.js";

/** Bumped whenever the saved layout changes; older indexes must be rebuilt. */
export const FORMAT_VERSION = 2;

export const MANIFEST_FILE = "manifest.json";
const VECTORS_FILE = "vectors.hnsw";
const CHUNKS_FILE = "chunks.bin";
const LEXICAL_FILE = "lexical.bin";

/** Raised when the index is missing, unreadable, or built in a way this code cannot query. */
export class IndexLoadError extends AppError {
  override name = "IndexLoadError";
}

/** There is no index yet: commands that can build one first do so. */
export class IndexMissingError extends IndexLoadError {
  override name = "IndexMissingError";
}

/** A report as kept in the index: metadata and its kept paragraphs (for /source context). */
export interface StoredDoc extends DocMeta {
  paragraphs: Paragraph[];
}

/** chunks.bin */
export interface ChunkStore {
  docs: StoredDoc[];
  chunks: Chunk[];
  /** Content hash of each chunk's embedded text, parallel to `chunks`: the embedding cache key. */
  hashes: string[];
  /** HNSW graph label of each chunk's vector, parallel to `chunks`: labels stay put across incremental rebuilds. */
  labels: Int32Array;
}

/** Everything a query needs, loaded into memory (not the embedding-cache hashes, which only a build uses). */
export interface LoadedIndex extends Omit<StoredVectors, "hashes" | "labels" | "vectors"> {
  dir: string;
  /** Searched by chunk position. */
  vectors: PositionedVectors;
  lexical: LexicalIndex;
  docById: Map<string, StoredDoc>;
}

/** Reads one of a generation's files with `read`, turning any failure into an IndexLoadError that says what to run. */
function readPart<T>(file: string, what: string, read: (file: string) => T): T {
  try {
    return read(file);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "is missing" : `cannot be read (${(error as Error).message})`;
    throw new IndexLoadError(`The ${what} ${file} ${reason}. Rebuild the index with \`npm run build-index\`.`);
  }
}

export async function readManifest(dir: string): Promise<Manifest> {
  const file = path.join(dir, MANIFEST_FILE);
  let manifest: Manifest;
  try {
    manifest = JSON.parse(await readFile(file, "utf8")) as Manifest;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      throw new IndexMissingError(`No index in '${dir}'. Build it with \`npm run build-index\` (or set INDEX_DIR to where it is).`);
    }
    throw new IndexLoadError(`The manifest ${file} cannot be read (${(error as Error).message}). Rebuild with \`npm run build-index\`.`);
  }
  if (manifest.formatVersion !== FORMAT_VERSION) {
    throw new IndexLoadError(
      `The index in '${dir}' has format version ${String(manifest.formatVersion)}, this code reads version ${FORMAT_VERSION}. Rebuild it with \`npm run build-index\`.`,
    );
  }
  return manifest;
}

/** Fails loudly when queries would be embedded differently from the indexed passages. */
export function assertSameEmbedder(manifest: Manifest, embedder: EmbedderInfo, dir: string): void {
  const built = manifest.embedder;
  if (built.kind === embedder.kind && built.model === embedder.model && built.dimension === embedder.dimension) return;
  throw new IndexLoadError(
    `The index in '${dir}' was built with ${describeEmbedder(built)}, but questions would be embedded with ${describeEmbedder(embedder)}. ` +
      `Rebuild it with \`npm run build-index\`, or set EMBEDDER${built.kind === "transformers" ? `=transformers and EMBED_MODEL=${built.model}` : "=hashed"} to match the index.`,
  );
}

/** What a rebuild reuses: the manifest, the chunk store and the vectors (not the lexical index). */
export interface StoredVectors extends ChunkStore {
  manifest: Manifest;
  vectors: HnswStore;
}

/** Loads the chunk store and the vectors; the embedding-cache hashes only when `hashes` (a rebuild) asks for them. */
export async function loadVectors(dir: string, { hashes = true } = {}): Promise<StoredVectors> {
  const manifest = await readManifest(dir);
  const genDir = path.join(dir, manifest.generation);
  const store = readPart(path.join(genDir, CHUNKS_FILE), "chunk store", (f) => readChunkFile<StoredDoc>(f, { hashes }));
  let vectors: HnswStore;
  try {
    vectors = HnswStore.load(path.join(genDir, VECTORS_FILE), manifest.embedder.dimension);
  } catch (error) {
    throw new IndexLoadError(`The vector file in ${genDir} cannot be read (${(error as Error).message}). Rebuild with \`npm run build-index\`.`);
  }
  // The graph may also hold entries deleted by incremental rebuilds.
  if (vectors.size < store.chunks.length || store.labels.length !== store.chunks.length || store.chunks.length !== manifest.chunkCount) {
    throw new IndexLoadError(
      `The index in '${dir}' is inconsistent (${vectors.size} vectors, ${store.chunks.length} chunks, manifest says ${manifest.chunkCount}). Rebuild with \`npm run build-index\`.`,
    );
  }
  return { ...store, manifest, vectors };
}

/** The lexical index of the generation `manifest` names (a rebuild merges into it). */
export function loadLexical(dir: string, manifest: Manifest): LexicalIndex {
  return readPart(path.join(dir, manifest.generation, LEXICAL_FILE), "lexical index", (f) => LexicalIndex.load(f));
}

export async function loadIndex(dir: string): Promise<LoadedIndex> {
  const { hashes: _unused, labels, vectors, ...stored } = await loadVectors(dir, { hashes: false });
  const lexical = loadLexical(dir, stored.manifest);
  return { ...stored, dir, vectors: new PositionedVectors(vectors, labels), lexical, docById: new Map(stored.docs.map((d) => [d.id, d])) };
}

export interface IndexFiles {
  manifest: Omit<Manifest, "generation">;
  store: ChunkStore;
  vectors: HnswStore;
  lexical: LexicalIndex;
}

/**
 * Writes a new generation next to the current one, then points the manifest
 * at it (rename is atomic), then removes older generations. A failure before
 * the manifest swap leaves the previous index in place.
 */
export async function saveIndex(dir: string, files: IndexFiles): Promise<Manifest> {
  await mkdir(dir, { recursive: true });
  const generation = `gen-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const tmpDir = path.join(dir, `.tmp-${generation}`);
  await mkdir(tmpDir);
  try {
    files.vectors.save(path.join(tmpDir, VECTORS_FILE));
    writeChunkFile(path.join(tmpDir, CHUNKS_FILE), files.store);
    files.lexical.save(path.join(tmpDir, LEXICAL_FILE));
    await rename(tmpDir, path.join(dir, generation));
    const manifest: Manifest = { ...files.manifest, generation };
    const tmpManifest = path.join(dir, `.${MANIFEST_FILE}.${generation}`);
    await writeFile(tmpManifest, `${JSON.stringify(manifest, null, 2)}\n`);
    await rename(tmpManifest, path.join(dir, MANIFEST_FILE));
    await removeStale(dir, generation);
    return manifest;
  } catch (error) {
    await rm(tmpDir, { recursive: true, force: true });
    throw error;
  }
}

/** Removes generations other than `keep` and leftovers of interrupted builds. */
async function removeStale(dir: string, keep: string): Promise<void> {
  for (const name of await readdir(dir)) {
    if (name !== keep && (name.startsWith("gen-") || name.startsWith(".tmp-gen-") || name.startsWith(`.${MANIFEST_FILE}.`))) {
      await rm(path.join(dir, name), { recursive: true, force: true });
    }
  }
}
