/**
 * The lexical channel: BM25 (MiniSearch's scorer) over Chinese search tokens,
 * plus the document frequencies needed to weigh a question's terms.
 */
import MiniSearch from "minisearch";
import { normalizeText, termUnits, tokenize } from "../text/tokenize.js";

/** What the lexical index sees of a passage. */
export interface LexicalDocument {
  /** Position of the passage in the chunk store. */
  id: number;
  text: string;
  /** Title, publisher and section: matches here count less than in the text. */
  context: string;
}

export interface LexicalHit {
  id: number;
  score: number;
}

const FIELDS = ["text", "context"];
const BOOST = { text: 1, context: 0.5 };

function miniSearchOptions() {
  return {
    fields: FIELDS,
    tokenize,
    // Tokens are already normalized; MiniSearch's default would lowercase again.
    processTerm: (term: string) => term,
    searchOptions: { boost: BOOST, combineWith: "OR" as const },
  };
}

/** Serialized form, saved as lexical.json. */
export interface LexicalJSON {
  minisearch: unknown;
  documentCount: number;
  /** Document frequency of every Han character and bigram, and of number/latin tokens. */
  df: Record<string, number>;
}

/** Units whose document frequency is counted: single characters, bigrams and whole tokens. */
function dfUnits(text: string): Set<string> {
  const units = new Set(tokenize(text));
  for (const ch of normalizeText(text)) if (/\p{Script=Han}/u.test(ch)) units.add(ch);
  return units;
}

export class LexicalIndex {
  private constructor(
    private readonly search: MiniSearch<LexicalDocument>,
    private readonly df: Map<string, number>,
    readonly documentCount: number,
  ) {}

  static build(documents: Iterable<LexicalDocument>): LexicalIndex {
    const search = new MiniSearch<LexicalDocument>(miniSearchOptions());
    const df = new Map<string, number>();
    let count = 0;
    for (const doc of documents) {
      search.add(doc);
      for (const unit of dfUnits(`${doc.context}\n${doc.text}`)) df.set(unit, (df.get(unit) ?? 0) + 1);
      count++;
    }
    return new LexicalIndex(search, df, count);
  }

  static fromJSON(json: LexicalJSON): LexicalIndex {
    const search = MiniSearch.loadJS<LexicalDocument>(json.minisearch as never, miniSearchOptions());
    return new LexicalIndex(search, new Map(Object.entries(json.df)), json.documentCount);
  }

  toJSON(): LexicalJSON {
    return { minisearch: this.search.toJSON(), documentCount: this.documentCount, df: Object.fromEntries(this.df) };
  }

  /** The `k` best passages for a query by BM25; `filter` keeps only the passages it accepts. */
  query(text: string, k: number, filter?: (id: number) => boolean): LexicalHit[] {
    return this.search
      .search(text, filter ? { filter: (r) => filter(r.id as number) } : {})
      .slice(0, k)
      .map((r) => ({ id: r.id as number, score: r.score }));
  }

  /** How many passages contain `unit` (a Han character or bigram, or a whole number or latin word). */
  documentFrequency(unit: string): number {
    return this.df.get(normalizeText(unit)) ?? 0;
  }

  /**
   * BM25's inverse document frequency of a term. A multi-character term is
   * weighed by its bigrams (a word the segmenter found may never occur whole),
   * so this is the mean over them; an unseen term weighs the most.
   */
  idf(term: string): number {
    const units = termUnits(term);
    const n = this.documentCount;
    const sum = units.reduce((acc, u) => {
      const df = this.df.get(u) ?? 0;
      return acc + Math.log(1 + (n - df + 0.5) / (df + 0.5));
    }, 0);
    return sum / units.length;
  }
}
