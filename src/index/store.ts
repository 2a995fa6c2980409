/**
 * The index on disk. `manifest.json` names a generation folder holding the
 * vectors, the chunk store and the lexical index, with each file's size and
 * checksum. A build writes a new generation and then swaps the manifest by
 * rename, so a reader sees the old index or the new one, never a half-written
 * one; every file is checked against the manifest before it is read, and what
 * it holds against its schema, so a damaged index is one IndexLoadError line.
 */
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { AppError } from "../errors.js";
import { GENERATION_NAME, docMetaSchema, manifestSchema, paragraphSchema, type Chunk, type EmbedderInfo, type Manifest } from "../types.js";
import { describeEmbedder } from "../embed/embedder.js";
import { readChunkFile, writeChunkFile } from "./chunk-file.js";
import { describeFiles, fileProblem } from "./files.js";
import { LexicalIndex } from "./lexical.js";
import { HnswStore, PositionedVectors } from "./vectors.js";

/**
 * Bumped whenever the saved layout changes; older indexes must be rebuilt.
 * 2: file checksums, caption paragraphs. 3: report subjects. 4: binary chunk
 * store and lexical index, graph labels. 5: a city before a place opening the
 * title (南京江北新区) is a subject too; reports keep their credit lines.
 * 6: 市级, 区域 and 市场 end no place name (列入市级 named a place 列入市), nor does a
 * 市 after 去 or 往 (去市人民医院). 7: nor does a stem ending in 了, 着 or 时 (保障了新区, 下旬时新区).
 * 8: nor one opening with 其 (其中县), nor a 县 or 市 before 处级 (县处级).
 */
export const FORMAT_VERSION = 8;

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

/** One of the index's files is damaged: its size or checksum differs from the manifest's. */
export class IndexDamagedError extends IndexLoadError {
  override name = "IndexDamagedError";
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`The index file ${file} ${problem}. Rebuild the index with \`npm run build-index\`.`);
  }
}

/** A report as kept in the index: metadata, its kept paragraphs (for /source context) and its subjects. */
export const storedDocSchema = docMetaSchema.extend({
  paragraphs: z.array(paragraphSchema),
  /** Places and people the report is about (see gazetteer.ts). */
  subjects: z.array(z.string()),
});
export type StoredDoc = z.infer<typeof storedDocSchema>;

/** chunks.bin: passages and paragraphs in columns (chunk-file.ts), each report's metadata as JSON. */
export interface ChunkStore {
  docs: StoredDoc[];
  chunks: Chunk[];
  /** Content hash of each chunk's embedded text, parallel to `chunks`: the embedding cache key. */
  hashes: string[];
  /** HNSW graph label of each chunk's vector, parallel to `chunks`: labels stay put across incremental rebuilds. */
  labels: Int32Array;
}

/**
 * The reports are checked against their schema; the passages, read from typed
 * columns, for what a column cannot promise: a known report, parallel lengths.
 */
function checkChunkStore(store: ChunkStore, file: string, withHashes: boolean): ChunkStore {
  const docs = parseSaved(z.array(storedDocSchema), store.docs, "chunk store", file);
  const ids = new Set(docs.map((d) => d.id));
  const orphan = store.chunks.findIndex((c) => !ids.has(c.docId));
  const problem =
    orphan !== -1
      ? `chunks.${orphan}.docId: names no stored report`
      : store.labels.length !== store.chunks.length
        ? `${store.labels.length} graph labels for ${store.chunks.length} chunks`
        : withHashes && store.hashes.length !== store.chunks.length
          ? `${store.hashes.length} hashes for ${store.chunks.length} chunks`
          : null;
  if (problem !== null) throw new IndexLoadError(`The chunk store ${file} is malformed (${problem}). Rebuild the index with \`npm run build-index\`.`);
  return { ...store, docs };
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
async function readPart<T>(file: string, what: string, read: (file: string) => T | Promise<T>): Promise<T> {
  try {
    return await read(file);
  } catch (error) {
    if (error instanceof IndexLoadError) throw error;
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "is missing" : `cannot be read (${(error as Error).message})`;
    throw new IndexLoadError(`The ${what} ${file} ${reason}. Rebuild the index with \`npm run build-index\`.`);
  }
}

/** Checks `value` read from `file` against `schema`; a mismatch is one line naming the first bad fields. */
function parseSaved<S extends z.ZodType>(schema: S, value: unknown, what: string, file: string): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join(".") || "(top)"}: ${i.message}`);
  throw new IndexLoadError(`The ${what} ${file} is malformed (${issues.join("; ")}). Rebuild the index with \`npm run build-index\`.`);
}

const readJsonFile = async (file: string): Promise<unknown> => JSON.parse(await readFile(file, "utf8"));

export async function readManifest(dir: string): Promise<Manifest> {
  const file = path.join(dir, MANIFEST_FILE);
  let json: unknown;
  try {
    json = await readJsonFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      throw new IndexMissingError(`No index in '${dir}'. Build it with \`npm run build-index\` (or set INDEX_DIR to where it is).`);
    }
    throw new IndexLoadError(`The manifest ${file} cannot be read (${(error as Error).message}). Rebuild with \`npm run build-index\`.`);
  }
  // The version first: an older manifest lacks newer fields, and "rebuild, it is old" is the useful message.
  const version = typeof json === "object" && json !== null ? (json as { formatVersion?: unknown }).formatVersion : undefined;
  if (typeof version === "number" && version !== FORMAT_VERSION) {
    throw new IndexLoadError(
      `The index in '${dir}' has format version ${version}, this code reads version ${FORMAT_VERSION}. Rebuild it with \`npm run build-index\`.`,
    );
  }
  return parseSaved(manifestSchema, json, "manifest", file);
}

/** Checks the manifest's entry for `name` against the file on disk and returns the file's path. */
async function verifiedFile(dir: string, manifest: Manifest, name: string): Promise<string> {
  const genDir = path.join(dir, manifest.generation);
  const entry = manifest.files.find((f) => f.name === name);
  if (entry === undefined) throw new IndexDamagedError(path.join(genDir, name), "is not listed in the manifest");
  const problem = await fileProblem(genDir, entry);
  if (problem !== null) throw new IndexDamagedError(path.join(genDir, name), problem);
  return path.join(genDir, name);
}

/**
 * Checks the manifest and every file it names, without loading the index:
 * what a build that finds nothing changed, or a bot about to reload, runs
 * first. Throws an IndexLoadError (IndexDamagedError for a damaged file).
 */
export async function verifyIndex(dir: string): Promise<Manifest> {
  const manifest = await readManifest(dir);
  for (const entry of manifest.files) await verifiedFile(dir, manifest, entry.name);
  return manifest;
}

/** True when vectors made by `a` and by `b` are comparable. */
export function sameEmbedder(a: EmbedderInfo, b: EmbedderInfo): boolean {
  return a.kind === b.kind && a.model === b.model && a.dimension === b.dimension;
}

/** Fails loudly when queries would be embedded differently from the indexed passages. */
export function assertSameEmbedder(manifest: Manifest, embedder: EmbedderInfo, dir: string): void {
  const built = manifest.embedder;
  if (sameEmbedder(built, embedder)) return;
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
  const chunksFile = await verifiedFile(dir, manifest, CHUNKS_FILE);
  const store = checkChunkStore(await readPart(chunksFile, "chunk store", (f) => readChunkFile<StoredDoc>(f, { hashes })), chunksFile, hashes);
  // Checked before hnswlib sees it: a corrupt graph crashes the process instead of throwing.
  const vectorsFile = await verifiedFile(dir, manifest, VECTORS_FILE);
  const vectors = await readPart(vectorsFile, "vector file", (f) => HnswStore.load(f, manifest.embedder.dimension));
  // The graph may also hold entries deleted by incremental rebuilds.
  if (vectors.size < store.chunks.length || store.chunks.length !== manifest.chunkCount) {
    throw new IndexLoadError(
      `The index in '${dir}' is inconsistent (${vectors.size} vectors, ${store.chunks.length} chunks, manifest says ${manifest.chunkCount}). Rebuild with \`npm run build-index\`.`,
    );
  }
  return { ...store, manifest, vectors };
}

/** The lexical index of the generation `manifest` names (a rebuild merges into it). */
export async function loadLexical(dir: string, manifest: Manifest): Promise<LexicalIndex> {
  const lexicalFile = await verifiedFile(dir, manifest, LEXICAL_FILE);
  return readPart(lexicalFile, "lexical index", (f) => LexicalIndex.load(f));
}

export async function loadIndex(dir: string): Promise<LoadedIndex> {
  const { hashes: _unused, labels, vectors, ...stored } = await loadVectors(dir, { hashes: false });
  const lexical = await loadLexical(dir, stored.manifest);
  return { ...stored, dir, vectors: new PositionedVectors(vectors, labels), lexical, docById: new Map(stored.docs.map((d) => [d.id, d])) };
}

export interface IndexFiles {
  manifest: Omit<Manifest, "generation" | "files">;
  store: ChunkStore;
  vectors: HnswStore;
  lexical: LexicalIndex;
}

/**
 * Writes a new generation next to the current one, records every file's size
 * and checksum, then points the manifest at it (rename is atomic), then removes
 * older generations. A failure before the manifest swap leaves the previous
 * index in place. Call it holding the build lock (`withIndexLock`);
 * `assertLocked` is called before the swap and fails if the lock was lost.
 */
export async function saveIndex(dir: string, files: IndexFiles, assertLocked: () => void = () => {}): Promise<Manifest> {
  await mkdir(dir, { recursive: true });
  const generation = `gen-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const tmpDir = path.join(dir, `.tmp-${generation}`);
  await mkdir(tmpDir);
  try {
    files.vectors.save(path.join(tmpDir, VECTORS_FILE));
    writeChunkFile(path.join(tmpDir, CHUNKS_FILE), files.store);
    files.lexical.save(path.join(tmpDir, LEXICAL_FILE));
    const manifest: Manifest = { ...files.manifest, generation, files: await describeFiles(tmpDir) };
    assertLocked();
    await rename(tmpDir, path.join(dir, generation));
    const tmpManifest = path.join(dir, `.${MANIFEST_FILE}.${generation}`);
    await writeFile(tmpManifest, `${JSON.stringify(manifest, null, 2)}\n`);
    await rename(tmpManifest, path.join(dir, MANIFEST_FILE));
    await removeLeftovers(dir);
    return manifest;
  } catch (error) {
    await rm(tmpDir, { recursive: true, force: true });
    throw error;
  }
}

/** The generation the manifest names, read leniently: cleanup must keep it even when the manifest is of another format. */
async function currentGeneration(dir: string): Promise<string | null | "unknown"> {
  try {
    const generation = ((await readJsonFile(path.join(dir, MANIFEST_FILE))) as { generation?: unknown } | null)?.generation;
    return typeof generation === "string" && GENERATION_NAME.test(generation) ? generation : "unknown";
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ENOENT" ? null : "unknown";
  }
}

/**
 * Removes what builds left behind: generations the manifest does not name,
 * and temp folders and temp manifests of interrupted builds. Only a build
 * holding the lock calls it, so no live build owns any of these. When the
 * manifest cannot be read, generations stay (the next good build removes them).
 * Returns the names removed.
 */
export async function removeLeftovers(dir: string): Promise<string[]> {
  const keep = await currentGeneration(dir);
  const removed: string[] = [];
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const oldGeneration = GENERATION_NAME.test(name) && keep !== "unknown" && name !== keep;
    if (oldGeneration || name.startsWith(".tmp-gen-") || name.startsWith(`.${MANIFEST_FILE}.`)) {
      await rm(path.join(dir, name), { recursive: true, force: true });
      removed.push(name);
    }
  }
  return removed;
}
