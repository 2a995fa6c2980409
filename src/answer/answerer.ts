/**
 * The answering core: question in, cited answer out. The bot, the `ask` CLI,
 * eval and bench all go through `Answerer`; none re-implements a step.
 */
import type { CoreConfig } from "../config.js";
import type { Answer, AskContext, DocMeta, Manifest } from "../types.js";
import { createEmbedder, type Embedder } from "../embed/embedder.js";
import { assertSameEmbedder, loadIndex, type LoadedIndex } from "../index/store.js";
import { DEFAULT_COMPOSE_OPTIONS, compose, notFound, type ComposeOptions } from "./compose.js";
import { DEFAULT_RETRIEVE_OPTIONS, retrieve, type RetrieveOptions } from "./retrieve.js";

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
  private constructor(
    readonly index: LoadedIndex,
    readonly embedder: Embedder,
    private readonly retrieveOptions: RetrieveOptions,
    private readonly composeOptions: ComposeOptions,
    private readonly warn: (message: string) => void,
  ) {}

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
      { ...DEFAULT_RETRIEVE_OPTIONS, ...options.retrieve },
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
  async ask(question: string, _context: AskContext = {}): Promise<Answer> {
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

/** The one adapter from configuration to the core's options. */
export async function answererOptionsFromConfig(
  config: CoreConfig,
  extra: { embedder?: Embedder; warn?: (message: string) => void } = {},
): Promise<AnswererOptions> {
  const warn = extra.warn ?? ((m: string) => console.warn(m));
  const embedder = extra.embedder ?? (await createEmbedder(config, { warn }));
  return { indexDir: config.INDEX_DIR, embedder, compose: { minCoverage: config.MIN_COVERAGE }, warn };
}
