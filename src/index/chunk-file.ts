/**
 * The chunk store on disk (chunks.bin): passages, the reports' paragraphs and
 * the embedding-cache hashes as columns in one packed file, so 100,000
 * passages load in a fraction of a second without JSON parsing. A report's
 * own metadata stays one small JSON value per report, so fields added to
 * StoredDoc are saved and loaded without touching this file.
 */
import type { Chunk, Paragraph } from "../types.js";
import { PackedFile, writePacked } from "./packed.js";

const FILE_FORMAT = { name: "chunk-store", version: 1 };

/** A report as kept in the index: metadata and its kept paragraphs (for /source context). */
export interface StoredDocShape {
  id: string;
  paragraphs: Paragraph[];
}

export interface ChunkColumns<D extends StoredDocShape> {
  docs: D[];
  chunks: Chunk[];
  /** Content hash of each chunk's embedded text, parallel to `chunks`. */
  hashes: string[];
  /** HNSW graph label of each chunk's vector, parallel to `chunks`. */
  labels: Int32Array;
}

export function writeChunkFile<D extends StoredDocShape>(file: string, store: ChunkColumns<D>): void {
  const docIndex = new Map(store.docs.map((d, i) => [d.id, i]));
  const paragraphs = store.docs.flatMap((d) => d.paragraphs);
  const paragraphStart = new Uint32Array(store.docs.length + 1);
  store.docs.forEach((d, i) => (paragraphStart[i + 1] = paragraphStart[i]! + d.paragraphs.length));
  const { chunks } = store;
  writePacked(file, FILE_FORMAT, {
    docs: { json: store.docs.map(({ paragraphs: _p, ...meta }) => meta) },
    paragraphStart,
    paragraphIndex: Int32Array.from(paragraphs, (p) => p.index),
    paragraphSpan: Int32Array.from(paragraphs.flatMap((p) => [p.start, p.end])),
    paragraphHeading: Uint8Array.from(paragraphs, (p) => (p.heading ? 1 : 0)),
    paragraphCaption: Uint8Array.from(paragraphs, (p) => (p.caption ? 1 : 0)),
    paragraphText: paragraphs.map((p) => p.text),
    chunkId: chunks.map((c) => c.id),
    chunkDoc: Int32Array.from(chunks, (c) => docIndex.get(c.docId)!),
    chunkParagraph: Int32Array.from(chunks, (c) => c.paragraph),
    chunkSpan: Int32Array.from(chunks.flatMap((c) => [c.start, c.end])),
    // A null section is told apart from an empty one by this flag.
    chunkHasSection: Uint8Array.from(chunks, (c) => (c.section === null ? 0 : 1)),
    chunkSection: chunks.map((c) => c.section ?? ""),
    chunkText: chunks.map((c) => c.text),
    hashes: store.hashes,
    labels: store.labels,
  });
}

/** Reads the chunk store; `hashes` only when asked for (a build needs them, a query does not). */
export function readChunkFile<D extends StoredDocShape>(file: string, options: { hashes: boolean }): ChunkColumns<D> {
  const f = PackedFile.read(file, FILE_FORMAT);
  const metas = f.json<Omit<D, "paragraphs">[]>("docs");
  const paragraphStart = f.array("paragraphStart", "u32");
  const index = f.array("paragraphIndex", "i32");
  const pSpan = f.array("paragraphSpan", "i32");
  const heading = f.array("paragraphHeading", "u8");
  const caption = f.array("paragraphCaption", "u8");
  const pText = f.strings("paragraphText");
  const docs = metas.map((meta, d) => {
    const paragraphs: Paragraph[] = [];
    for (let p = paragraphStart[d]!; p < paragraphStart[d + 1]!; p++) {
      paragraphs.push({ index: index[p]!, start: pSpan[2 * p]!, end: pSpan[2 * p + 1]!, text: pText[p]!, heading: heading[p] === 1, caption: caption[p] === 1 });
    }
    return { ...meta, paragraphs } as D;
  });

  const id = f.strings("chunkId");
  const doc = f.array("chunkDoc", "i32");
  const paragraph = f.array("chunkParagraph", "i32");
  const span = f.array("chunkSpan", "i32");
  const hasSection = f.array("chunkHasSection", "u8");
  const section = f.strings("chunkSection");
  const text = f.strings("chunkText");
  const chunks: Chunk[] = id.map((chunkId, i) => ({
    id: chunkId,
    docId: docs[doc[i]!]!.id,
    paragraph: paragraph[i]!,
    section: hasSection[i] === 1 ? section[i]! : null,
    start: span[2 * i]!,
    end: span[2 * i + 1]!,
    text: text[i]!,
  }));
  return { docs, chunks, hashes: options.hashes ? f.strings("hashes") : [], labels: f.array("labels", "i32") };
}
