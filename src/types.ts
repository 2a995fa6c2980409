/** The shapes that cross module boundaries, defined once. */

/** A character range [start, end) in a report's decoded text. */
export interface Span {
  start: number;
  end: number;
}

/** One kept paragraph of a report; offsets point into the report's decoded text. */
export interface Paragraph extends Span {
  index: number;
  text: string;
  /** A short line without sentence punctuation: a section heading, kept as context. */
  heading: boolean;
}

/** What is known about a report besides its text. */
export interface DocMeta {
  /** Stable id: the file name without its extension. */
  id: string;
  /** File name inside the corpus folder. */
  file: string;
  title: string;
  /** Publisher or outlet, when the text names one. */
  source: string | null;
  /** ISO date (YYYY-MM-DD) when the text states one. */
  date: string | null;
}

/** A cleaned report. */
export interface Doc extends DocMeta {
  /** The decoded file text, unchanged; every offset points into it. */
  raw: string;
  paragraphs: Paragraph[];
  /** Things a maintainer should look at (e.g. a title that seems cut off). */
  warnings: string[];
}

/** A retrievable passage: a few sentences from one paragraph. */
export interface Chunk extends Span {
  /** `${docId}#${ordinal}` */
  id: string;
  docId: string;
  /** Index of the paragraph the chunk comes from. */
  paragraph: number;
  /** The nearest heading above the chunk, if any. */
  section: string | null;
  /** Exactly `doc.raw.slice(start, end)`. */
  text: string;
}

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
  /** Where the passage sits in its report. */
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
export interface EmbedderInfo {
  kind: "transformers" | "hashed";
  model: string;
  dimension: number;
}

export interface ManifestDocument extends DocMeta {
  /** SHA-256 of the file's bytes. */
  sha256: string;
  chunks: number;
}

/** `index/manifest.json`: what was built, from what, and with what. */
export interface Manifest {
  formatVersion: number;
  /** Sub-folder of the index folder holding this build's files. */
  generation: string;
  embedder: EmbedderInfo;
  chunkCount: number;
  /** SHA-256 over every document's id and content hash. */
  corpusFingerprint: string;
  builtAt: string;
  documents: ManifestDocument[];
}
