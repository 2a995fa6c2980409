/**
 * The one place that reads the environment. Every option, its default and its
 * meaning is written here; `.env.example` mirrors this file.
 */
import { config as loadDotenv } from "dotenv";
import { z } from "zod";
import { AppError } from "./errors.js";

/** Raised when the environment holds a value the app cannot use. */
export class ConfigError extends AppError {
  override name = "ConfigError";
}

const bool = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

const positiveInt = z.coerce.number().int().positive();

/** Options shared by every command: where things live and how text is embedded. */
const coreSchema = z.object({
  /** Folder of reports (.txt / .md) the index is built from. */
  CORPUS_DIR: z.string().min(1).default("corpus"),
  /** Folder the built index is written to and read from. */
  INDEX_DIR: z.string().min(1).default("index"),
  /** `transformers` (a real sentence-embedding model) or `hashed` (offline, no download). */
  EMBEDDER: z.enum(["transformers", "hashed"]).default("transformers"),
  /** Model id for the transformers embedder. */
  EMBED_MODEL: z.string().min(1).default("Xenova/bge-small-zh-v1.5"),
  /** Where downloaded models are cached, and where local models are looked up first. */
  MODEL_DIR: z.string().min(1).default(".cache/models"),
  /** Whether the transformers embedder may download the model from the hub once. */
  ALLOW_REMOTE_MODELS: bool.default(true),
  /** Minimum share (0–1) of the question's weighted terms a passage must cover to answer. */
  MIN_COVERAGE: z.coerce.number().min(0).max(1).default(0.5),
});

/** Options only the Telegram bot needs. */
const botSchema = z.object({
  BOT_TOKEN: z
    .string({ error: "BOT_TOKEN is not set. Copy .env.example to .env and put the token from @BotFather in it." })
    .regex(/^\d+:[A-Za-z0-9_-]{20,}$/, {
      error: "BOT_TOKEN does not look like a bot token (expected '123456:ABC…' from @BotFather). Check .env (see .env.example).",
    }),
  /** Bot API root, e.g. a local Bot API server or an emulator. */
  TELEGRAM_API_ROOT: z
    .url({ error: "TELEGRAM_API_ROOT must be a URL such as http://127.0.0.1:9000" })
    .refine((u) => !u.endsWith("/"), { error: "Remove the trailing '/' from TELEGRAM_API_ROOT." })
    .optional(),
  /** `polling` (default) or `webhook`. */
  BOT_MODE: z.enum(["polling", "webhook"]).default("polling"),
  /** Public HTTPS URL Telegram posts updates to (webhook mode). */
  WEBHOOK_URL: z.url().optional(),
  /** Secret Telegram sends in X-Telegram-Bot-Api-Secret-Token (webhook mode). */
  WEBHOOK_SECRET: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,256}$/, { error: "WEBHOOK_SECRET may only hold A-Z, a-z, 0-9, _ and - (1–256 characters)." })
    .optional(),
  /** Local port the webhook server listens on. */
  WEBHOOK_PORT: positiveInt.max(65535).default(8080),
  /** Comma-separated chat ids allowed to use the bot; empty means everyone. */
  ALLOWED_CHAT_IDS: z
    .string()
    .default("")
    .transform((s, ctx) => {
      const ids = s.split(",").map((x) => x.trim()).filter(Boolean);
      const bad = ids.find((x) => !/^-?\d+$/.test(x));
      if (bad !== undefined) {
        ctx.addIssue({ code: "custom", message: `ALLOWED_CHAT_IDS holds '${bad}', which is not a chat id (a whole number).` });
        return z.NEVER;
      }
      return ids.map(Number);
    }),
  /** Questions longer than this many characters are refused. */
  MAX_QUESTION_CHARS: positiveInt.default(500),
  /** Questions one user may ask per RATE_LIMIT_WINDOW_SECONDS. */
  RATE_LIMIT: positiveInt.default(10),
  RATE_LIMIT_WINDOW_SECONDS: positiveInt.default(60),
  /** How many chats' last answers are kept for /source. */
  SOURCE_MEMORY_CHATS: positiveInt.default(1000),
});

export type CoreConfig = z.infer<typeof coreSchema>;
export type BotConfig = CoreConfig & z.infer<typeof botSchema>;

type Env = Record<string, string | undefined>;

let dotenvLoaded = false;

/** The process environment with `.env` applied (once); never overrides real env vars. */
export function processEnv(): Env {
  if (!dotenvLoaded) {
    loadDotenv({ quiet: true });
    dotenvLoaded = true;
  }
  return process.env;
}

function parse<S extends z.ZodType>(schema: S, env: Env): z.infer<S> {
  // Empty strings in .env mean "not set", so defaults apply.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ""));
  const result = schema.safeParse(cleaned);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const key = String(issue.path[0] ?? "");
    const shown = key === "BOT_TOKEN" || key === "WEBHOOK_SECRET" ? "" : cleaned[key] !== undefined ? ` (got '${cleaned[key]}')` : "";
    const message = issue.message.startsWith(key) ? issue.message : `${key}: ${issue.message}`;
    return `${message}${shown}`;
  });
  return fail(lines);
}

function fail(lines: string[]): never {
  const hint = lines.some((l) => l.includes(".env.example")) ? "" : " See .env.example for every option and its default.";
  // One problem, one line; several are listed under each other.
  throw new ConfigError(lines.length === 1 ? `${lines[0]}${hint}` : `Invalid configuration:\n  ${lines.join("\n  ")}\n${hint.trim()}`);
}

/** Options for building, querying and evaluating the index. */
export function loadCoreConfig(env: Env = processEnv()): CoreConfig {
  return parse(coreSchema, env);
}

/** Options for running the bot: the core options plus Telegram's. */
export function loadBotConfig(env: Env = processEnv()): BotConfig {
  const cfg = parse(coreSchema.extend(botSchema.shape), env);
  if (cfg.BOT_MODE === "webhook" && (cfg.WEBHOOK_URL === undefined || cfg.WEBHOOK_SECRET === undefined)) {
    fail(["BOT_MODE=webhook needs WEBHOOK_URL and WEBHOOK_SECRET; set both, or use BOT_MODE=polling."]);
  }
  return cfg;
}
