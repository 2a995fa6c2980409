/**
 * The k best items by score, kept by insertion into a short sorted array:
 * for the k of a search (tens) this beats a heap and never sorts every hit.
 * Ties go to the smaller item, so results are deterministic.
 */
export class TopK {
  private readonly items: number[] = [];
  private readonly scores: number[] = [];

  constructor(private readonly k: number) {}

  /** The score an item must beat to get in, or 0 while there is room. */
  lowest(): number {
    return this.items.length < this.k ? 0 : this.scores[this.k - 1]!;
  }

  offer(item: number, score: number): void {
    const { items, scores, k } = this;
    if (k <= 0) return;
    if (items.length === k) {
      const last = scores[k - 1]!;
      if (score < last || (score === last && item > items[k - 1]!)) return;
      items.pop();
      scores.pop();
    }
    let i = items.length;
    while (i > 0 && (scores[i - 1]! < score || (scores[i - 1] === score && items[i - 1]! > item))) i--;
    items.splice(i, 0, item);
    scores.splice(i, 0, score);
  }

  /** Best first. */
  sorted(): { item: number; score: number }[] {
    return this.items.map((item, i) => ({ item, score: this.scores[i]! }));
  }
}
