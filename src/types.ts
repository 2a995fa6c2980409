/**
 * The shapes that cross module boundaries, defined once. Shapes saved in the
 * index are zod schemas with their types derived from them, so a saved field
 * is added in one place and is checked whenever the index is loaded.
 */
import { z } from "zod";

/** A character range [start, end) in a report's decoded text. */
export interface Span {
  start: number;
  end: number;
}

const offset = z.number().int().nonnegative();
const spanShape = { start: offset, end: offset };

/** One kept paragraph of a report; offsets point into the report's decoded text. */
export const paragraphSchema = z.object({
  ...spanShape,
  index: offset,
  text: z.string(),
  /** A short line without sentence punctuation: a section heading, kept as context. */
  heading: z.boolean(),
  /** A photo caption that states a fact (a name with a title, a figure): citable, though not prose. */
  caption: z.boolean(),
});
export type Paragraph = z.infer<typeof paragraphSchema>;

/** What is known about a report besides its text. */
export const docMetaSchema = z.object({
  /** Stable id: the file name without its extension. */
  id: z.string().min(1),
  /** File name inside the corpus folder. */
  file: z.string().min(1),
  title: z.string(),
  /** Publisher or outlet, when the text names one. */
  source: z.string().nullable(),
  /** ISO date (YYYY-MM-DD) when the text states one. */
  date: z.string().nullable(),
  /** Credit lines about the report itself: column, editor, authors (see corpus/credits.ts). */
  credits: z.array(z.string()).optional(),
});
export type DocMeta = z.infer<typeof docMetaSchema>;

/** A cleaned report. */
export interface Doc extends DocMeta {
  /** The decoded file text, unchanged; every offset points into it. */
  raw: string;
  paragraphs: Paragraph[];
  /** Things a maintainer should look at (e.g. a title that seems cut off). */
  warnings: string[];
}

/** A retrievable passage: a few sentences from one paragraph. */
export const chunkSchema = z.object({
  ...spanShape,
  /** `${docId}#${ordinal}` */
  id: z.string(),
  docId: z.string(),
  /** Index of the paragraph the chunk comes from. */
  paragraph: offset,
  /** The nearest heading above the chunk, if any. */
  section: z.string().nullable(),
  /** Exactly `doc.raw.slice(start, end)`. */
  text: z.string(),
});
export type Chunk = z.infer<typeof chunkSchema>;

/** The source of one or more answer sentences. */
export interface Citation {
  /** 1-based number shown as [n] in the answer. */
  n: number;
  docId: string;
  title: string;
  source: string | null;
  date: string | null;
  /** The cited passage (a chunk's text). */
  excerpt: string;
  /** Retrieval score of the passage (fused, higher is better). */
  score: number;
  /** The section heading above the passage, when the report has one. */
  section: string | null;
  /** Where the passage sits in its report; -1 for the report's header (title, publisher, date). */
  paragraph: number;
  start: number;
  end: number;
  /** The whole paragraph around the passage, for `/source n`. */
  context: string;
  /** The quoted sentences, as offsets into `excerpt`. */
  quotes: Span[];
}

/** One sentence of an answer, quoted verbatim from a report. */
export interface AnswerSentence {
  text: string;
  /** The `n` of the citation it comes from. */
  citation: number;
  /** The part that answers the question (a figure with its unit, a name, a list item): a substring of `text`, or null. */
  highlight: string | null;
}

/**
 * How far the reports answer the question:
 * - `answered`: a quoted sentence states the asked-for thing about the subject;
 * - `related`: the reports speak about the subject but do not state what was asked
 *   (the answer says so, then quotes the closest sentences);
 * - `not_found`: nothing in the reports is about the question.
 */
export type AnswerStatus = "answered" | "related" | "not_found";

/** Why an input was not searched at all: a greeting, text that is not Chinese, or no content words. */
export type Unsearchable = "greeting" | "not_chinese" | "no_content";

/** What the caller knows of the conversation, for follow-up questions (那徐州呢？). */
export interface AskContext {
  /** The previous question asked in the same conversation. */
  previous?: string;
}

export interface Answer {
  query: string;
  /** The question actually answered when it differs from `query` (a follow-up completed from the previous question); else null. */
  interpreted: string | null;
  status: AnswerStatus;
  /** `status === "answered"`. */
  found: boolean;
  /** Set when the input was not searched (and `status` is `not_found`); null otherwise. */
  unsearchable: Unsearchable | null;
  /** The subjects the question names that the corpus knows (places, organisations, people), e.g. ["徐州"]. */
  subjects: string[];
  /** Ids of the reports about those subjects. */
  subjectDocs: string[];
  /**
   * Plain text shown before the quoted sentences: the caveat of a `related` answer
   * (报告中没有直接说明…), or how a follow-up was read; null when there is none.
   * `answer` already starts with it.
   */
  preface: string | null;
  /** The text a person reads: sentences with [n] markers, or the not-found message. */
  answer: string;
  sentences: AnswerSentence[];
  /** Only the passages the answer quotes, numbered in order of first use. */
  citations: Citation[];
}

/** Which embedder produced a set of vectors; saved with every index. */
export const embedderInfoSchema = z.object({
  kind: z.enum(["transformers", "hashed"]),
  model: z.string(),
  dimension: z.number().int().positive(),
});
export type EmbedderInfo = z.infer<typeof embedderInfoSchema>;

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, { error: "must be a SHA-256 in hex" });

export const manifestDocumentSchema = docMetaSchema.extend({
  /** SHA-256 of the file's bytes. */
  sha256: sha256Hex,
  chunks: offset,
});
export type ManifestDocument = z.infer<typeof manifestDocumentSchema>;

/** One file of a generation, as the manifest records it: checked before the file is used. */
export const indexFileSchema = z.object({
  /** A plain file name inside the generation folder (no path). */
  name: z.string().regex(/^[\w-][\w.-]*$/, { error: "must be a plain file name" }),
  size: offset,
  sha256: sha256Hex,
});
export type IndexFile = z.infer<typeof indexFileSchema>;

/** The name of a generation folder; anything else in `manifest.generation` is refused (it could point outside the index). */
export const GENERATION_NAME = /^gen-[0-9a-z]+-[0-9a-z]+$/;

/** `index/manifest.json`: what was built, from what, and with what. */
export const manifestSchema = z.object({
  formatVersion: z.number().int(),
  /** Sub-folder of the index folder holding this build's files. */
  generation: z.string().regex(GENERATION_NAME, { error: "must be a generation folder name like gen-mf3k2a-x1y2z3" }),
  embedder: embedderInfoSchema,
  chunkCount: offset,
  /** SHA-256 over every document's id and content hash. */
  corpusFingerprint: sha256Hex,
  builtAt: z.string(),
  documents: z.array(manifestDocumentSchema),
  /** Every file of the generation with its size and checksum. */
  files: z.array(indexFileSchema).min(1),
});
export type Manifest = z.infer<typeof manifestSchema>;
