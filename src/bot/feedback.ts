/**
 * What maintainers learn from use: 👍/👎 on answers (with the question, the
 * status and the cited passages) and the questions the reports could not
 * answer, or only spoke around (`related`). `npm run report` lists what was refused or disliked most often, so
 * they know what to add to the corpus or fix.
 */
import type { StoredAnswer, BotDatabase } from "./answers.js";
import type Database from "better-sqlite3";

export type Vote = "up" | "down";

/** Rows kept per table; the oldest go first. Ample for a maintainer's monthly look, small on disk. */
const FEEDBACK_LIMIT = 100_000;

export interface ReportRow {
  question: string;
  count: number;
  /** The answer's status: `not_found` or `related` for unanswered questions, any for votes (the last one given). */
  status: string;
  /** `docId#paragraph` of the cited passages (votes only). */
  passages?: string;
}

export interface FeedbackReport {
  refused: ReportRow[];
  disliked: ReportRow[];
  liked: number;
}

export class FeedbackStore {
  private readonly vote: Database.Statement;
  private readonly refusal: Database.Statement;
  private readonly trimVotes: Database.Statement;
  private readonly trimRefusals: Database.Statement;

  constructor(private readonly db: BotDatabase) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS votes (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        answer_id INTEGER NOT NULL,
        user_id INTEGER NOT NULL,
        vote TEXT NOT NULL CHECK (vote IN ('up', 'down')),
        question TEXT NOT NULL,
        status TEXT NOT NULL,
        passages TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        UNIQUE (answer_id, user_id)
      );
      CREATE TABLE IF NOT EXISTS refusals (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        chat_id INTEGER NOT NULL,
        question TEXT NOT NULL,
        status TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
    `);
    // A second press by the same person changes their vote rather than counting twice.
    this.vote = db.prepare(`
      INSERT INTO votes (answer_id, user_id, vote, question, status, passages, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (answer_id, user_id) DO UPDATE SET vote = excluded.vote, created_at = excluded.created_at`);
    this.refusal = db.prepare("INSERT INTO refusals (chat_id, question, status, created_at) VALUES (?, ?, ?, ?)");
    this.trimVotes = db.prepare(`DELETE FROM votes WHERE id <= (SELECT MAX(id) FROM votes) - ${FEEDBACK_LIMIT}`);
    this.trimRefusals = db.prepare(`DELETE FROM refusals WHERE id <= (SELECT MAX(id) FROM refusals) - ${FEEDBACK_LIMIT}`);
  }

  /** Records a person's 👍/👎 on an answer. */
  record(answer: StoredAnswer, userId: number, vote: Vote): void {
    const passages = answer.citations.map((c) => `${c.docId}#${c.paragraph + 1}`).join(" ");
    this.vote.run(answer.id, userId, vote, answer.question, answer.status, passages, Date.now());
    this.trimVotes.run();
  }

  /** Records a question the reports did not answer (`not_found`) or only spoke around (`related`). */
  refused(chatId: number, question: string, status: "not_found" | "related"): void {
    this.refusal.run(chatId, question, status, Date.now());
    this.trimRefusals.run();
  }

  /** The `limit` questions refused most often and disliked most often. */
  report(limit = 20): FeedbackReport {
    // With MAX(id) in the select, SQLite takes the bare `status` and `passages` from the latest row of each group.
    const grouped = (sql: string) =>
      (this.db.prepare(sql).all(limit) as (ReportRow & { latest: number })[]).map(({ latest: _latest, ...row }) => row);
    const refused = grouped(
      "SELECT question, COUNT(*) AS count, status, MAX(id) AS latest FROM refusals GROUP BY question ORDER BY count DESC, latest DESC LIMIT ?",
    );
    const disliked = grouped(
      `SELECT question, COUNT(*) AS count, status, passages, MAX(id) AS latest FROM votes WHERE vote = 'down'
       GROUP BY question ORDER BY count DESC, latest DESC LIMIT ?`,
    );
    const { liked } = this.db.prepare("SELECT COUNT(*) AS liked FROM votes WHERE vote = 'up'").get() as { liked: number };
    return { refused, disliked, liked };
  }
}

/** The report as text for a maintainer's terminal. */
export function formatReport(report: FeedbackReport): string {
  const lines = ["Questions the reports could not answer (or only spoke around: related), most often first:"];
  if (report.refused.length === 0) lines.push("  (none)");
  for (const r of report.refused) lines.push(`  ${String(r.count).padStart(4)} × ${r.question}${r.status === "related" ? "  (related)" : ""}`);
  lines.push("", "Answers marked 👎, most often first (status; cited passages as report#paragraph):");
  if (report.disliked.length === 0) lines.push("  (none)");
  for (const r of report.disliked) lines.push(`  ${String(r.count).padStart(4)} × ${r.question}  [${r.status}; ${r.passages || "no sources"}]`);
  lines.push("", `Answers marked 👍: ${report.liked}`);
  return lines.join("\n");
}
