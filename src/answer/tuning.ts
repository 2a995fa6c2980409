/**
 * The answer layer's tuning: every weight and threshold that shapes which
 * passages are searched, which sentences are quoted and how an answer is
 * graded, each with why it has its value. Set on the repo's eval set
 * (eval/questions.jsonl) by kind of question, never for single questions.
 */

/** Reports a question that names no subject is answered from (the best of a first pass). */
export const REPORTS_PER_QUESTION = 3;

/**
 * Least coverage of the question for a `related` answer about a subject the
 * reports know: below it the reports do not speak of what was asked at all.
 * Off-topic questions about a known place (徐州地铁几号线) cover nothing once the
 * place is set aside; a colloquial question (生娃前做排查的比例) still shares a
 * word or two with the passage that answers it, and is better shown the
 * closest passages with the caveat than told nothing was found.
 */
export const RELATED_MIN_COVERAGE = 0.15;

/**
 * Least coverage for a passage to give sentences to an answer, unless it is the
 * best there is: below it a passage only touches the question.
 */
export const PASSAGE_MIN_COVERAGE = 0.34;

/** How near (in characters) a count must stand to the noun it counts to be about it. */
export const COUNTED_NOUN_WINDOW = 10;

/** How many characters (超, 近, 了) may stand between the verb a count question counts with and the figure (累计接种超千万剂次). */
export const VERB_FIGURE_GAP = 3;

/** How near a name must stand to the people a who-question names without a role (护理工作者都叫什么). */
export const NAMED_PERSON_WINDOW = 10;

/** Sentence scoring: a sentence's own coverage of the question's terms (0–1) plus these bonuses. */
export const WEIGHTS = {
  /** Shared three-character phrases with the question: 卫生健康党组织 beats scattered words. */
  phrase: 0.3,
  /** The passage as a whole covers the question: its sentences are more likely on topic. */
  passageCoverage: 0.2,
  /** Retrieval rank of the passage (fused score relative to the best). */
  rank: 0.15,
  /** The sentence holds what the question asks for: a count in the asked unit, a person with the role, a date. */
  answersKind: 0.3,
  /** The sentence names the noun the question ends on (…的目标是什么 → 目标). */
  focus: 0.2,
  /** A figure stands next to the noun the question counts (多少党员 → 受教育党员近4万人次). */
  countedNoun: 0.2,
  /**
   * For a how-question, the sentence states a method (通过…等方式, 以…作为支撑, 建立…机制), not only the topic.
   * As much as stating the asked-for thing: readers take the sentence that says how over the one naming who does it.
   */
  method: 0.3,
  /** For a question asking a view (怎么评价, 怎么看), the sentence reports what someone said (表示, 提出, 强调). */
  speech: 0.15,
  /** For a question asking what came of something (成效如何), the sentence states a figure: results are counted. */
  results: 0.2,
  /** Subtracted in a report's lede (its first prose paragraph): it sums up every section, so it covers specific questions without answering them. */
  lede: 0.15,
  /** Subtracted from a photo caption (▲…) for a how-question: a caption names what is shown, never how it was done. */
  caption: 0.3,
  /** Share of a term credited when met only in the title, publisher or section: it places the sentence, it does not answer. */
  inContext: 0.5,
  /** Share credited when met elsewhere in the same passage. */
  inPassage: 0.3,
  /** Share credited when met in the sentence before one that opens with 这/该/此 (it refers back to it). */
  inAntecedent: 0.8,
} as const;

/** A how-question's lead sentence no longer than this… */
export const LEAD_IN_MAX_CHARS = 60;
/** …that repeats this share of the question's phrases only leads in to the next one, which says how (see `isLeadIn`). */
export const LEAD_IN_OVERLAP = 0.5;
/**
 * A sentence of any length without a figure or a name that repeats this share of a how-question's
 * phrases leads in to a next one that has them: it says in general words what was asked.
 */
export const GENERIC_LEAD_IN_OVERLAP = 0.3;

/** Most sentences list completion may add. */
export const MAX_LIST_ADDITIONS = 8;

/**
 * A sentence (or an item of a series) joins the lead only when it covers the
 * question this share as well as the lead does: 南岸区创建了哪些清廉品牌？ wants
 * the 清廉 item, not the 党建 and 服务 items beside it.
 */
export const SERIES_RELEVANCE = 0.6;

/** Most sections an overview lists. */
export const MAX_OVERVIEW_SECTIONS = 6;

/**
 * A report with this many paragraphs that open with a topic line is outlined
 * by them rather than by its unnumbered headings: three are a pattern, not a
 * chance short sentence.
 */
export const MIN_TOPIC_LINES = 3;

/**
 * Least share of a summary question's terms a part's title (a section heading
 * or a topic line) must cover for the part to be the answer (抓落实提质效 →
 * 四、抓落实提质效,推动事业发展强起来): more than half, so a title sharing one
 * common word (工作) with the question is not it.
 */
export const SECTION_MATCH = 0.6;

/** Most sentences a summary of one part quotes: its first sentence of content and what three more items open with. */
export const MAX_SECTION_QUOTES = 4;

/**
 * The hashed embedder is character n-grams: a weak, lexical-like signal that
 * mostly repeats BM25 and adds near-copies, so it counts half. A real
 * sentence-embedding model understands paraphrases BM25 misses: equal weight.
 */
export const HASHED_DENSE_WEIGHT = 0.5;
export const MODEL_DENSE_WEIGHT = 1;

/** A report's second-best passage counts this much beside its best: two good passages beat one. */
export const SECOND_PASSAGE_WEIGHT = 0.5;

/**
 * The passages sentences are drawn from are ranked by their coverage of the
 * question plus this share of their retrieval score (relative to the best).
 */
export const PASSAGE_RANK_WEIGHT = 0.3;

/** Share of its IDF a generic verb of administrative prose (加强, 开展: see terms.ts) weighs. */
export const GENERIC_VERB_WEIGHT = 0.3;

/** Share of its weight a follow-up's word weighs when the new subject's reports never use it (see `weightedTerms`). */
export const BORROWED_TERM_WEIGHT = 0.3;

/**
 * Weight of a word a follow-up takes from the previous question it goes on
 * from (具体是怎么做的？ after 南岸区是怎么创建清廉品牌的？): it places the answer
 * in the right passage, but the sentence that answers holds what is newly asked.
 */
export const TOPIC_TERM_WEIGHT = 0.3;

/**
 * In a comparison, a report's sentence with specifics (a figure, a quoted name) is quoted over its
 * best-scored one when it scores at least this share of it: readers compare what each place did.
 */
export const COMPARISON_SPECIFIC_SHARE = 0.8;
