/**
 * Paragraphs → sentences → chunks. A chunk is a run of whole sentences from
 * one paragraph, a few hundred characters long, overlapping its neighbour by a
 * sentence so an answer that straddles a boundary is still found whole.
 */
import type { Chunk, Doc } from "./types.js";
import { splitSentences } from "./text/sentences.js";

export interface ChunkOptions {
  /** A chunk grows sentence by sentence until adding one would pass this many characters. Default 300. */
  targetChars: number;
  /** Sentences repeated at the start of the next chunk of the same paragraph. Default 1. */
  overlapSentences: number;
}

export const DEFAULT_CHUNK_OPTIONS: ChunkOptions = { targetChars: 300, overlapSentences: 1 };

/** Chunks of one cleaned report. Headings are not chunks; they become the `section` of what follows. */
export function chunkDoc(doc: Doc, options: ChunkOptions = DEFAULT_CHUNK_OPTIONS): Chunk[] {
  const chunks: Chunk[] = [];
  let section: string | null = null;
  for (const paragraph of doc.paragraphs) {
    if (paragraph.heading) {
      section = paragraph.text;
      continue;
    }
    const sentences = splitSentences(paragraph.text, paragraph.start);
    let first = 0;
    while (first < sentences.length) {
      let last = first;
      while (last + 1 < sentences.length && sentences[last + 1]!.end - sentences[first]!.start <= options.targetChars) last++;
      const start = sentences[first]!.start;
      const end = sentences[last]!.end;
      chunks.push({
        id: `${doc.id}#${chunks.length}`,
        docId: doc.id,
        paragraph: paragraph.index,
        section,
        start,
        end,
        text: doc.raw.slice(start, end),
      });
      if (last + 1 >= sentences.length) break;
      // Step forward, repeating the overlap, but always by at least one sentence.
      first = Math.max(first + 1, last + 1 - options.overlapSentences);
    }
  }
  return chunks;
}
