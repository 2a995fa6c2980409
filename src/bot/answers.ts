/**
 * Answers kept by id, so every source button and `/source` opens the answer
 * it belongs to, however old, and still does after a restart. Kept in an
 * embedded SQLite file (one row per answer, with its citations whole, so an
 * index rebuild does not change what an old answer quoted) and bounded: past
 * `limit` answers the oldest are deleted, and their buttons say so.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { AppError } from "../errors.js";
import type { AnswerStatus, Citation } from "../types.js";

/** Bumped when the tables change; a file of another version must be deleted (it holds only recent answers). */
const DB_FORMAT_VERSION = 1;

export type BotDatabase = Database.Database;

/** Opens (creating when needed) the bot's SQLite file and checks its format version. */
export function openBotDatabase(file: string): BotDatabase {
  if (file !== ":memory:") mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  // WAL: a crash mid-write leaves the previous state readable, and readers do not block the writer.
  db.pragma("journal_mode = WAL");
  const version = db.pragma("user_version", { simple: true }) as number;
  if (version !== 0 && version !== DB_FORMAT_VERSION) {
    db.close();
    throw new AppError(`The bot database ${file} has format version ${version}, this code reads version ${DB_FORMAT_VERSION}. Delete the file (it only keeps recent answers and feedback) or set BOT_DB to another path.`);
  }
  db.pragma(`user_version = ${DB_FORMAT_VERSION}`);
  return db;
}

/** An answer as the bot keeps it: enough to show its sources and to take it as a follow-up's context. */
export interface StoredAnswer {
  id: number;
  chatId: number;
  userId: number;
  /** What the person typed. */
  question: string;
  /** The question the core actually answered (a completed follow-up), else null. */
  interpreted: string | null;
  status: AnswerStatus;
  citations: Citation[];
}

export type NewAnswer = Omit<StoredAnswer, "id">;

interface Row {
  id: number;
  chat_id: number;
  user_id: number;
  question: string;
  interpreted: string | null;
  status: AnswerStatus;
  citations: string;
}

const fromRow = (row: Row | undefined): StoredAnswer | undefined =>
  row && {
    id: row.id,
    chatId: row.chat_id,
    userId: row.user_id,
    question: row.question,
    interpreted: row.interpreted,
    status: row.status,
    citations: JSON.parse(row.citations) as Citation[],
  };

export class AnswerStore {
  private readonly insert: Database.Statement;
  private readonly trim: Database.Statement[];
  private readonly byId: Database.Statement;
  private readonly lastInChat: Database.Statement;
  private readonly lastByUser: Database.Statement;
  private readonly byMessage: Database.Statement;
  private readonly linkMessage: Database.Statement;

  /** `limit`: how many answers are kept; older ones are deleted as new ones arrive. */
  constructor(
    db: BotDatabase,
    readonly limit: number,
  ) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS answers (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        chat_id INTEGER NOT NULL,
        user_id INTEGER NOT NULL,
        question TEXT NOT NULL,
        interpreted TEXT,
        status TEXT NOT NULL,
        citations TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX IF NOT EXISTS answers_by_chat ON answers (chat_id, id);
      CREATE INDEX IF NOT EXISTS answers_by_user ON answers (chat_id, user_id, id);
      -- The bot's messages that carry an answer, so /source sent as a reply to one finds it.
      CREATE TABLE IF NOT EXISTS answer_messages (
        chat_id INTEGER NOT NULL,
        message_id INTEGER NOT NULL,
        answer_id INTEGER NOT NULL,
        PRIMARY KEY (chat_id, message_id)
      ) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS answer_messages_by_answer ON answer_messages (answer_id);
    `);
    this.insert = db.prepare(
      "INSERT INTO answers (chat_id, user_id, question, interpreted, status, citations, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
    );
    this.trim = [db.prepare("DELETE FROM answers WHERE id <= ?"), db.prepare("DELETE FROM answer_messages WHERE answer_id <= ?")];
    this.byId = db.prepare("SELECT * FROM answers WHERE id = ?");
    this.lastInChat = db.prepare("SELECT * FROM answers WHERE chat_id = ? ORDER BY id DESC LIMIT 1");
    this.lastByUser = db.prepare("SELECT * FROM answers WHERE chat_id = ? AND user_id = ? ORDER BY id DESC LIMIT 1");
    this.byMessage = db.prepare("SELECT a.* FROM answer_messages m JOIN answers a ON a.id = m.answer_id WHERE m.chat_id = ? AND m.message_id = ?");
    this.linkMessage = db.prepare("INSERT OR REPLACE INTO answer_messages (chat_id, message_id, answer_id) VALUES (?, ?, ?)");
  }

  /** Keeps an answer and returns its id; deletes answers beyond the limit. */
  add(answer: NewAnswer): number {
    const { lastInsertRowid } = this.insert.run(
      answer.chatId,
      answer.userId,
      answer.question,
      answer.interpreted,
      answer.status,
      JSON.stringify(answer.citations),
      Date.now(),
    );
    const id = Number(lastInsertRowid);
    if (id > this.limit) for (const statement of this.trim) statement.run(id - this.limit);
    return id;
  }

  /** Remembers that bot message `messageId` in `chatId` shows answer `answerId`. */
  linkMessageTo(chatId: number, messageId: number, answerId: number): void {
    this.linkMessage.run(chatId, messageId, answerId);
  }

  /** The answer with this id, or undefined when it never existed or has expired. */
  get(id: number): StoredAnswer | undefined {
    return fromRow(this.byId.get(id) as Row | undefined);
  }

  /** The chat's last answer; with `userId`, the last answer to that person in the chat. */
  last(chatId: number, userId?: number): StoredAnswer | undefined {
    const row = userId === undefined ? this.lastInChat.get(chatId) : this.lastByUser.get(chatId, userId);
    return fromRow(row as Row | undefined);
  }

  /** The answer a bot message in `chatId` shows. */
  shownIn(chatId: number, messageId: number): StoredAnswer | undefined {
    return fromRow(this.byMessage.get(chatId, messageId) as Row | undefined);
  }
}
