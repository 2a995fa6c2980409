/**
 * The answering core: question in, cited answer out. The bot, the `ask` CLI,
 * eval and bench all go through `Answerer`; none re-implements a step.
 */
import type { CoreConfig } from "../config.js";
import type { Answer, DocMeta, Manifest } from "../types.js";
import { createEmbedder, type Embedder } from "../embed/embedder.js";
import { assertSameEmbedder, loadIndex, type LoadedIndex } from "../index/store.js";
import { DEFAULT_COMPOSE_OPTIONS, compose, notFound, type ComposeOptions } from "./compose.js";
import { DEFAULT_RETRIEVE_OPTIONS, retrieve, type RetrieveOptions } from "./retrieve.js";

export interface AnswererOptions {
  /** Reuse an embedder (e.g. across index reloads) instead of creating one from config. */
  embedder?: Embedder;
  retrieve?: Partial<RetrieveOptions>;
  compose?: Partial<ComposeOptions>;
  /** Where warnings go (embedder fallback, a failed query embedding). Default console.warn. */
  warn?: (message: string) => void;
}

export class Answerer {
  private constructor(
    readonly index: LoadedIndex,
    readonly embedder: Embedder,
    private readonly retrieveOptions: RetrieveOptions,
    private readonly composeOptions: ComposeOptions,
    private readonly warn: (message: string) => void,
  ) {}

  /**
   * Loads the index in `config.INDEX_DIR` and an embedder matching it.
   * Throws IndexLoadError when the index is missing or was built with another embedder.
   */
  static async open(config: CoreConfig, options: AnswererOptions = {}): Promise<Answerer> {
    const warn = options.warn ?? ((m: string) => console.warn(m));
    const index = await loadIndex(config.INDEX_DIR);
    const embedder = options.embedder ?? (await createEmbedder(config, { warn }));
    assertSameEmbedder(index.manifest, embedder.info, config.INDEX_DIR);
    return new Answerer(
      index,
      embedder,
      { ...DEFAULT_RETRIEVE_OPTIONS, ...options.retrieve },
      { ...DEFAULT_COMPOSE_OPTIONS, minCoverage: config.MIN_COVERAGE, ...options.compose },
      warn,
    );
  }

  get manifest(): Manifest {
    return this.index.manifest;
  }

  /** The indexed reports, in corpus order. */
  documents(): DocMeta[] {
    return this.index.docs.map(({ id, file, title, source, date }) => ({ id, file, title, source, date }));
  }

  async ask(question: string): Promise<Answer> {
    const query = question.trim();
    if (query === "") return notFound(query);
    let vector: Float32Array | null = null;
    try {
      vector = await this.embedder.embedQuery(query);
    } catch (error) {
      // The lexical channel still answers; one failed embedding should not cost the user an answer.
      this.warn(`Query embedding failed, answering from keyword search only: ${(error as Error).message}`);
    }
    const ranked = retrieve(this.index, query, vector, this.retrieveOptions);
    return compose(query, ranked, { docById: this.index.docById, idf: (t) => this.index.lexical.idf(t) }, this.composeOptions);
  }
}
