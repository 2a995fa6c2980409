/**
 * The dense channel's store: vectors by label (the passage's position in the
 * chunk store), searched by cosine similarity. `HnswStore` is the approximate
 * HNSW graph the app uses; `ExactStore` is brute force, the yardstick for
 * HNSW's recall.
 */
import hnswlib from "hnswlib-node";

export interface VectorHit {
  id: number;
  /** Cosine similarity, 1 = same direction. */
  score: number;
}

export interface VectorStore {
  readonly dimension: number;
  readonly size: number;
  add(id: number, vector: Float32Array): void;
  search(vector: Float32Array, k: number): VectorHit[];
  /** Exact search among `ids` only (a question scoped to a few reports); best first. */
  searchAmong(vector: Float32Array, ids: readonly number[], k: number): VectorHit[];
  save(file: string): void;
}

export interface HnswOptions {
  /** Graph degree: higher is more accurate and larger. Default 12. */
  m: number;
  /** Candidate list size while building. Default 80. */
  efConstruction: number;
  /** Candidate list size while searching (raised to k when smaller). Default 128. */
  efSearch: number;
}

/**
 * Chosen from the sweep in docs/bench.md: at 100,000 passages, M 32 / efConstruction 200
 * spent minutes building a graph whose extra recall the answers did not need (the lexical
 * channel carries look-alike reports); M 12 / efConstruction 80 builds in the minute's budget.
 */
export const DEFAULT_HNSW_OPTIONS: HnswOptions = { m: 12, efConstruction: 80, efSearch: 128 };

/** Up to this many passages, a scoped search reads their vectors directly (about 1 ms per 1,000 at 1,024 dimensions). */
const EXACT_SCOPE_LIMIT = 2000;

type Native = InstanceType<typeof hnswlib.HierarchicalNSW> | InstanceType<typeof hnswlib.BruteforceSearch>;

abstract class NativeStore implements VectorStore {
  protected constructor(
    protected readonly native: Native,
    readonly dimension: number,
  ) {}

  get size(): number {
    return this.native.getCurrentCount();
  }

  add(id: number, vector: Float32Array): void {
    if (vector.length !== this.dimension) {
      throw new Error(`Vector of length ${vector.length} added to a store of dimension ${this.dimension}`);
    }
    if (this.size >= this.native.getMaxElements()) this.grow();
    this.native.addPoint(Array.from(vector), id);
  }

  protected abstract grow(): void;

  search(vector: Float32Array, k: number): VectorHit[] {
    const n = Math.min(k, this.size);
    if (n === 0) return [];
    const { neighbors, distances } = this.native.searchKnn(Array.from(vector), n);
    // hnswlib's cosine distance is 1 - cosine similarity.
    return neighbors.map((id, i) => ({ id, score: 1 - distances[i]! }));
  }

  searchAmong(vector: Float32Array, ids: readonly number[], k: number): VectorHit[] {
    const allowed = new Set(ids);
    const n = Math.min(k, allowed.size);
    if (n === 0) return [];
    const { neighbors, distances } = this.native.searchKnn(Array.from(vector), n, (label) => allowed.has(label));
    return neighbors.map((id, i) => ({ id, score: 1 - distances[i]! }));
  }

  save(file: string): void {
    this.native.writeIndexSync(file);
  }
}

export class HnswStore extends NativeStore {
  private constructor(
    private readonly index: InstanceType<typeof hnswlib.HierarchicalNSW>,
    dimension: number,
    private options: HnswOptions,
  ) {
    super(index, dimension);
  }

  static create(dimension: number, capacity: number, options: HnswOptions = DEFAULT_HNSW_OPTIONS): HnswStore {
    const index = new hnswlib.HierarchicalNSW("cosine", dimension);
    // A fixed seed makes builds of the same input give the same graph.
    index.initIndex({ maxElements: Math.max(capacity, 1), m: options.m, efConstruction: options.efConstruction, randomSeed: 100 });
    return new HnswStore(index, dimension, options);
  }

  static load(file: string, dimension: number, options: HnswOptions = DEFAULT_HNSW_OPTIONS): HnswStore {
    const index = new hnswlib.HierarchicalNSW("cosine", dimension);
    index.readIndexSync(file);
    return new HnswStore(index, dimension, options);
  }

  protected grow(): void {
    this.index.resizeIndex(Math.max(16, this.index.getMaxElements() * 2));
  }

  /** Trades speed for recall at query time (the benchmark sweeps it). */
  setEfSearch(ef: number): void {
    this.options = { ...this.options, efSearch: ef };
  }

  /** The stored (unit-length) vector of a passage: lets a rebuild reuse it. */
  vector(id: number): Float32Array {
    return Float32Array.from(this.index.getPoint(id));
  }

  /** Hides a vector from searches; it keeps its place (and `size` counts it) until the graph is rebuilt. */
  markDelete(id: number): void {
    this.index.markDelete(id);
  }

  override search(vector: Float32Array, k: number): VectorHit[] {
    this.index.setEf(Math.max(this.options.efSearch, k));
    return super.search(vector, k);
  }

  /**
   * A filtered graph search explores most of the graph when the filter keeps a
   * few passages among many, so a small scope is scored exactly instead.
   */
  override searchAmong(vector: Float32Array, ids: readonly number[], k: number): VectorHit[] {
    if (ids.length > EXACT_SCOPE_LIMIT) return super.searchAmong(vector, ids, k);
    let norm = 0;
    for (const x of vector) norm += x * x;
    norm = Math.sqrt(norm) || 1;
    const hits = ids.map((id) => {
      // Stored vectors are unit length (hnswlib normalizes them for cosine).
      const stored = this.index.getPoint(id);
      let dot = 0;
      for (let i = 0; i < stored.length; i++) dot += stored[i]! * vector[i]!;
      return { id, score: dot / norm };
    });
    return hits.sort((a, b) => b.score - a.score || a.id - b.id).slice(0, k);
  }
}

export class ExactStore extends NativeStore {
  private constructor(private readonly index: InstanceType<typeof hnswlib.BruteforceSearch>, dimension: number) {
    super(index, dimension);
  }

  static create(dimension: number, capacity: number): ExactStore {
    const index = new hnswlib.BruteforceSearch("cosine", dimension);
    index.initIndex(Math.max(capacity, 1));
    return new ExactStore(index, dimension);
  }

  protected grow(): void {
    throw new Error(`ExactStore is full (${this.index.getMaxElements()} vectors); create it with a larger capacity`);
  }
}

/**
 * An HNSW graph seen through chunk-store positions. A rebuild that reuses the
 * previous graph keeps every passage's graph label while reports come and go,
 * so labels stop matching positions; searches here answer in positions.
 */
export class PositionedVectors implements VectorStore {
  private positionOf: Int32Array;

  /** `labels[p]` is the graph label of the passage at position p. */
  constructor(
    readonly graph: HnswStore,
    private labels: Int32Array,
  ) {
    this.positionOf = new Int32Array(graph.size).fill(-1);
    labels.forEach((label, position) => (this.positionOf[label] = position));
  }

  get dimension(): number {
    return this.graph.dimension;
  }

  /** Passages (deleted graph entries do not count). */
  get size(): number {
    return this.labels.length;
  }

  /** Appends the passage at position `size` under a fresh label. */
  add(position: number, vector: Float32Array): void {
    if (position !== this.labels.length) throw new Error(`Passages are added in order: expected position ${this.labels.length}, got ${position}`);
    const label = this.graph.size;
    this.graph.add(label, vector);
    this.labels = Int32Array.from([...this.labels, label]);
    this.positionOf = Int32Array.from([...this.positionOf, position]);
  }

  search(vector: Float32Array, k: number): VectorHit[] {
    return this.graph
      .search(vector, k)
      .map((hit) => ({ id: this.positionOf[hit.id] ?? -1, score: hit.score }))
      .filter((hit) => hit.id >= 0);
  }

  searchAmong(vector: Float32Array, positions: readonly number[], k: number): VectorHit[] {
    return this.graph
      .searchAmong(vector, Array.from(positions, (p) => this.labels[p]!), k)
      .map((hit) => ({ id: this.positionOf[hit.id] ?? -1, score: hit.score }))
      .filter((hit) => hit.id >= 0);
  }

  vector(position: number): Float32Array {
    return this.graph.vector(this.labels[position]!);
  }

  save(file: string): void {
    this.graph.save(file);
  }
}
