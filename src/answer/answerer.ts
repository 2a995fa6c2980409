/**
 * The answering core: question in, cited answer out. The bot, the `ask` CLI,
 * eval and bench all go through `Answerer`; none re-implements a step.
 */
import type { CoreConfig } from "../config.js";
import type { Answer, AskContext, Chunk, DocMeta, Manifest } from "../types.js";
import { createEmbedder, type Embedder } from "../embed/embedder.js";
import { Gazetteer } from "../index/gazetteer.js";
import { assertSameEmbedder, loadIndex, type LoadedIndex } from "../index/store.js";
import { DEFAULT_COMPOSE_OPTIONS, compose, notFound, type ComposeContext, type ComposeOptions } from "./compose.js";
import { analyzeQuestion, type Question, type Vocabulary } from "./question.js";
import { DEFAULT_RETRIEVE_OPTIONS, denseWeightFor, rankReports, retrieve, type RankedPassage, type RetrieveOptions } from "./retrieve.js";
import { REPORTS_PER_QUESTION } from "./tuning.js";

/** Everything the core needs, as plain values: no environment, no config object. */
export interface AnswererOptions {
  /** Folder of the built index. */
  indexDir: string;
  /** Embeds questions; must be the embedder the index was built with. */
  embedder: Embedder;
  retrieve?: Partial<RetrieveOptions>;
  compose?: Partial<ComposeOptions>;
  /** Where warnings go (a failed query embedding). Default console.warn. */
  warn?: (message: string) => void;
}

export class Answerer {
  private readonly vocabulary: Vocabulary;
  /** Each report's passages in reading order: the scope of a question about it. */
  private readonly passagesByDoc = new Map<string, { id: number; chunk: Chunk }[]>();
  private readonly composeContext: ComposeContext;

  private constructor(
    readonly index: LoadedIndex,
    readonly embedder: Embedder,
    private readonly retrieveOptions: RetrieveOptions,
    private readonly composeOptions: ComposeOptions,
    private readonly warn: (message: string) => void,
  ) {
    const seen = (unit: string) => index.lexical.documentFrequency(unit) > 0;
    this.vocabulary = { gazetteer: new Gazetteer(index.docs), seen };
    index.chunks.forEach((chunk, id) => {
      const list = this.passagesByDoc.get(chunk.docId);
      if (list) list.push({ id, chunk });
      else this.passagesByDoc.set(chunk.docId, [{ id, chunk }]);
    });
    this.composeContext = {
      docById: index.docById,
      idf: (t) => index.lexical.idf(t),
      seen,
      passagesOf: (docId) => this.passagesByDoc.get(docId) ?? [],
    };
  }

  /**
   * Loads the index in `options.indexDir`.
   * Throws IndexLoadError when the index is missing or was built with another embedder.
   */
  static async open(options: AnswererOptions): Promise<Answerer> {
    const index = await loadIndex(options.indexDir);
    assertSameEmbedder(index.manifest, options.embedder.info, options.indexDir);
    return new Answerer(
      index,
      options.embedder,
      { ...DEFAULT_RETRIEVE_OPTIONS, denseWeight: denseWeightFor(options.embedder.info), ...options.retrieve },
      { ...DEFAULT_COMPOSE_OPTIONS, ...options.compose },
      options.warn ?? ((m: string) => console.warn(m)),
    );
  }

  get manifest(): Manifest {
    return this.index.manifest;
  }

  /** The indexed reports, in corpus order. */
  documents(): DocMeta[] {
    return this.index.docs.map(({ id, file, title, source, date }) => ({ id, file, title, source, date }));
  }

  /** Answers `question`; `context.previous` lets an elliptical follow-up (那徐州呢？) borrow the previous question. */
  async ask(question: string, context: AskContext = {}): Promise<Answer> {
    const { question: q, ranked } = await this.search(question, context);
    return q.unsearchable !== null ? notFound(q) : compose(q, ranked, this.composeContext, this.composeOptions);
  }

  /** The question as understood and the passages retrieved for it, best first: what `ask` composes its answer from. */
  async search(question: string, context: AskContext = {}): Promise<{ question: Question; ranked: RankedPassage[] }> {
    const q = analyzeQuestion(question, this.vocabulary, context.previous);
    if (q.unsearchable !== null) return { question: q, ranked: [] };
    const vector = await this.embed(q.searchText);
    const search = (scope: number[] | null, text = q.searchText, v = vector) => retrieve(this.index, text, v, this.retrieveOptions, scope);
    const scopeOf = (docs: string[]) => docs.flatMap((d) => (this.passagesByDoc.get(d) ?? []).map((p) => p.id));
    // The reports to answer from: those about the question's subjects, else the best of a
    // corpus-wide first pass, so near-copies of one passage from many look-alike reports
    // cannot fill the answer's window and crowd out the right report's other passages.
    const reports =
      q.subjectDocs.length > 0 ? q.subjectDocs : rankReports(search(null)).slice(0, q.kind === "comparison" ? this.composeOptions.maxReports : REPORTS_PER_QUESTION);
    if (q.kind !== "comparison" || reports.length < 2) return { question: q, ranked: search(scopeOf(reports)) };
    // A comparison is searched in each report, so every report gets its best passages,
    // and for what the question asks of that report's subject when it asks each its own thing.
    const perReport = await Promise.all(
      reports.map(async (d) => {
        const clause = q.clauses[d];
        const hits = clause ? search(scopeOf([d]), clause.text, await this.embed(clause.text)) : search(scopeOf([d]));
        return hits.slice(0, this.composeOptions.passages);
      }),
    );
    return { question: q, ranked: perReport.flat().sort((a, b) => b.score - a.score) };
  }

  /** The query's vector, or null when embedding fails: the lexical channel still answers, so one failure should not cost the user an answer. */
  private async embed(text: string): Promise<Float32Array | null> {
    try {
      return await this.embedder.embedQuery(text);
    } catch (error) {
      this.warn(`Query embedding failed, answering from keyword search only: ${(error as Error).message}`);
      return null;
    }
  }
}

/** The one adapter from configuration to the core's options. */
export async function answererOptionsFromConfig(
  config: CoreConfig,
  extra: { embedder?: Embedder; warn?: (message: string) => void } = {},
): Promise<AnswererOptions> {
  const warn = extra.warn ?? ((m: string) => console.warn(m));
  const embedder = extra.embedder ?? (await createEmbedder(config, { warn }));
  return { indexDir: config.INDEX_DIR, embedder, compose: { minCoverage: config.MIN_COVERAGE }, warn };
}
