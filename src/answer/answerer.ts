/**
 * The answering core: question in, cited answer out. The bot, the `ask` CLI,
 * eval and bench all go through `Answerer`; none re-implements a step.
 */
import type { CoreConfig } from "../config.js";
import type { Answer, AnswerStatus, AskContext, Chunk, DocMeta, Manifest } from "../types.js";
import { createEmbedder, type Embedder } from "../embed/embedder.js";
import { Gazetteer } from "../index/gazetteer.js";
import { assertSameEmbedder, loadIndex, type LoadedIndex } from "../index/store.js";
import { subjectReportsUse } from "./evidence.js";
import { DEFAULT_COMPOSE_OPTIONS, compose, notFound, type ComposeContext, type ComposeOptions, type QuotedSpan } from "./compose.js";
import { analyzeQuestion, type Question, type ReadingOptions, type Vocabulary } from "./question.js";
import { DEFAULT_RETRIEVE_OPTIONS, denseWeightFor, rankReports, retrieve, type RankedPassage, type RetrieveOptions } from "./retrieve.js";
import { normalizeQuestion, toSimplified } from "./said.js";
import { REPORTS_PER_QUESTION } from "./tuning.js";
import { ASKS_ELSE, QUESTION_WORD } from "./wording.js";

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

/** How well an answer answers: a reading that answers beats one that only relates. */
const STATUS_RANK: Record<AnswerStatus, number> = { answered: 2, related: 1, not_found: 0 };

/** A question word or mark: what a message needs to be read as asking of the previous question. */
const ASKS = new RegExp(`[？?]|啥|${QUESTION_WORD.source}`);

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
      passagesWith: (unit) => index.lexical.documentFrequency(unit),
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

  /**
   * Answers `question`; `context.previous` lets a follow-up borrow from the previous question
   * (那徐州呢？, 具体是怎么做的？). A question naming no subject may go on from the previous one
   * without saying so (培训了多少人？) or ask something new (什么是“2+6+x”？): it is read both
   * ways, and the follow-up reading is kept when it answers at least as well.
   */
  async ask(question: string, context: AskContext = {}): Promise<Answer> {
    // 还有呢？: what the previous answer quoted is not quoted again.
    const shown = context.previous !== undefined && ASKS_ELSE.test(toSimplified(question)) ? quotedSpans(await this.ask(context.previous)) : [];
    const { answer } = await this.answerAs(question, { previous: context.previous }, shown);
    // 有哪些？ after a question says nothing by itself but asks of what came before; 你好 does not.
    const asksOfPrevious = answer.unsearchable === "no_content" && ASKS.test(question);
    if (context.previous === undefined || answer.interpreted !== null || answer.subjects.length > 0 || (answer.unsearchable !== null && !asksOfPrevious)) return answer;
    const goingOn = await this.answerAs(question, { previous: context.previous, loosely: true }, shown);
    // A word of its own the previous subject's reports never use (“2+6+x”) says the question is about something else;
    // the previous question's words (依照) are not the message's own.
    const used = subjectReportsUse(goingOn.question, this.composeContext);
    const said = normalizeQuestion(question);
    const own = goingOn.question.terms.filter((t) => !goingOn.question.topic.includes(t) && said.includes(t));
    // A word no report has (防病 for 预防) points to no other report: beside a word of the previous subject's
    // reports (给多少居民讲了防病知识？) it is the user's own wording; alone (今天天气咋样？) it asks of something else.
    const reported = own.filter((t) => !goingOn.question.unattested.includes(t));
    const stays = reported.every(used) && (reported.length > 0 || own.length === 0);
    const better = goingOn.answer.status !== "not_found" && STATUS_RANK[goingOn.answer.status] >= STATUS_RANK[answer.status];
    return goingOn.question.interpreted !== null && stays && better ? goingOn.answer : answer;
  }

  private async answerAs(question: string, reading: ReadingOptions, shown: QuotedSpan[]): Promise<{ question: Question; answer: Answer }> {
    const { question: q, ranked } = await this.search(question, reading);
    return { question: q, answer: q.unsearchable !== null ? notFound(q) : compose(q, ranked, this.composeContext, this.composeOptions, shown) };
  }

  /** The question as understood and the passages retrieved for it, best first: what `ask` composes its answer from. */
  async search(question: string, reading: ReadingOptions = {}): Promise<{ question: Question; ranked: RankedPassage[] }> {
    const q = analyzeQuestion(question, this.vocabulary, reading);
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

/** Where in its report each sentence of `answer` stands. */
function quotedSpans(answer: Answer): QuotedSpan[] {
  return answer.citations.flatMap((c) => c.quotes.map((q) => ({ docId: c.docId, start: c.start + q.start, end: c.start + q.end })));
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
