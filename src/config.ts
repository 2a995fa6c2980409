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
  /** A mirror of the model hub (transformers.js `env.remoteHost`), e.g. https://hf-mirror.com/; default the Hugging Face hub. */
  MODEL_REMOTE_HOST: z.url({ error: "MODEL_REMOTE_HOST must be a URL such as https://hf-mirror.com/" }).optional(),
  /** Minimum share (0–1) of the question's weighted terms a passage must cover to answer. */
  MIN_COVERAGE: z.coerce.number().min(0).max(1).default(0.5),
});

/** Where the bot keeps what it must remember; read by the bot and by `npm run report`. */
const storeSchema = z.object({
  /** SQLite file keeping answers (for source buttons and /source) and feedback; survives restarts. */
  BOT_DB: z.string().min(1).default("data/bot.sqlite"),
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
  /** Answers kept in BOT_DB; older ones are deleted and their buttons say the answer has expired. */
  ANSWER_STORE_LIMIT: positiveInt.default(20_000),
  /** Proxy for the Bot API: http://, https://, socks4:// or socks5:// URL. HTTPS_PROXY is used when unset. */
  TELEGRAM_PROXY: proxyUrl("TELEGRAM_PROXY").optional(),
  HTTPS_PROXY: proxyUrl("HTTPS_PROXY").optional(),
  https_proxy: proxyUrl("https_proxy").optional(),
  /** Seconds one Bot API request may take before it is abandoned (long polling adds its own wait). */
  TELEGRAM_TIMEOUT_SECONDS: z.coerce.number().positive().default(15),
  /** Times a failed send (network error or Telegram 5xx) is retried before it is logged as lost. */
  TELEGRAM_RETRIES: z.coerce.number().int().min(0).default(2),
  /** First wait before a retry, doubled each time; also the first wait while Telegram is unreachable. */
  TELEGRAM_RETRY_DELAY_MS: positiveInt.default(1000),
  /** Webhook mode: Telegram gets its 200 after this long even while the answer is still being sent. */
  WEBHOOK_REPLY_TIMEOUT_MS: positiveInt.default(5000),
});

function proxyUrl(name: string) {
  return z.url({ error: `${name} must be a proxy URL such as http://127.0.0.1:8080 or socks5://127.0.0.1:1080` }).refine(
    (u) => /^(https?|socks[45]?h?a?):\/\//i.test(u),
    { error: `${name} must start with http://, https://, socks4:// or socks5://` },
  );
}

export type CoreConfig = z.infer<typeof coreSchema>;
export type BotConfig = CoreConfig & z.infer<typeof storeSchema> & z.infer<typeof botSchema>;

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
    // Secrets are never echoed; a proxy URL's password is masked.
    const value = cleaned[key]?.replace(/\/\/[^/@]*@/, "//***@");
    const shown = key === "BOT_TOKEN" || key === "WEBHOOK_SECRET" || value === undefined ? "" : ` (got '${value}')`;
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
/** Options for reading the bot's database without running the bot (`npm run report`). */
export function loadReportConfig(env: Env = processEnv()): z.infer<typeof storeSchema> {
  return parse(storeSchema, env);
}

/** The proxy the bot reaches Telegram through: TELEGRAM_PROXY, else the usual HTTPS_PROXY; undefined for none. */
export function telegramProxy(config: BotConfig): string | undefined {
  return config.TELEGRAM_PROXY ?? config.HTTPS_PROXY ?? config.https_proxy;
}

export function loadBotConfig(env: Env = processEnv()): BotConfig {
  const cfg = parse(coreSchema.extend(storeSchema.shape).extend(botSchema.shape), env);
  if (cfg.BOT_MODE === "webhook" && (cfg.WEBHOOK_URL === undefined || cfg.WEBHOOK_SECRET === undefined)) {
    fail(["BOT_MODE=webhook needs WEBHOOK_URL and WEBHOOK_SECRET; set both, or use BOT_MODE=polling."]);
  }
  return cfg;
}
