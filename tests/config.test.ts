import { describe, expect, it } from "vitest";
import { ConfigError, loadBotConfig, loadCoreConfig } from "../src/config.js";

const TOKEN = "123456789:AAH-secret-token-value-1234567";

describe("configuration", () => {
  it("fills in the documented defaults", () => {
    expect(loadCoreConfig({})).toMatchObject({ CORPUS_DIR: "corpus", INDEX_DIR: "index", EMBEDDER: "transformers", EMBED_MODEL: "Xenova/bge-small-zh-v1.5", ALLOW_REMOTE_MODELS: true, MIN_COVERAGE: 0.5 });
    expect(loadBotConfig({ BOT_TOKEN: TOKEN })).toMatchObject({ BOT_MODE: "polling", RATE_LIMIT: 10, ALLOWED_CHAT_IDS: [] });
  });

  it("treats empty values in .env as unset", () => {
    expect(loadCoreConfig({ INDEX_DIR: "", EMBEDDER: " " })).toMatchObject({ INDEX_DIR: "index", EMBEDDER: "transformers" });
  });

  it("says how to fix a missing BOT_TOKEN, pointing at .env.example", () => {
    expect(() => loadBotConfig({})).toThrow(ConfigError);
    expect(() => loadBotConfig({})).toThrow(/BOT_TOKEN is not set\. Copy \.env\.example to \.env/);
  });

  it("rejects a malformed BOT_TOKEN without printing it", () => {
    const error = (() => {
      try {
        loadBotConfig({ BOT_TOKEN: "not-a-token-secret" });
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error?.message).toMatch(/BOT_TOKEN does not look like a bot token/);
    expect(error?.message).not.toContain("not-a-token-secret");
  });

  it("rejects a TELEGRAM_API_ROOT with a trailing slash, showing the value", () => {
    expect(() => loadBotConfig({ BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: "http://127.0.0.1:9000/" })).toThrow(
      /Remove the trailing '\/' from TELEGRAM_API_ROOT\. \(got 'http:\/\/127\.0\.0\.1:9000\/'\)/,
    );
  });

  it("names a bad value and the variable", () => {
    expect(() => loadCoreConfig({ EMBEDDER: "bert" })).toThrow(/EMBEDDER: .*\(got 'bert'\)/);
    expect(() => loadBotConfig({ BOT_TOKEN: TOKEN, ALLOWED_CHAT_IDS: "12,abc" })).toThrow(/'abc', which is not a chat id/);
  });

  it("needs a URL and a secret for webhook mode", () => {
    expect(() => loadBotConfig({ BOT_TOKEN: TOKEN, BOT_MODE: "webhook" })).toThrow(/needs WEBHOOK_URL and WEBHOOK_SECRET/);
  });
});
