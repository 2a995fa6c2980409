/**
 * What a passage is matched and embedded as. The retrieval channels and the
 * answer composer both see a passage through these functions, so "where a
 * passage is from" means the same thing to all of them.
 */
import type { Chunk, DocMeta } from "../types.js";

/** Where a passage is from: its report's title and publisher, and its section heading. */
export function passageContext(doc: DocMeta, chunk: Chunk): string {
  return [doc.title, doc.source, chunk.section].filter((x): x is string => !!x).join("\n");
}

/** The text a passage is embedded as: where it is from, then what it says. */
export function embeddingText(doc: DocMeta, chunk: Chunk): string {
  return `${passageContext(doc, chunk)}\n${chunk.text}`;
}
