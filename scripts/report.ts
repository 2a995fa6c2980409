/** npm run report [-- --limit N]: the questions refused or marked 👎 most often, from the bot's database (BOT_DB). */
import { existsSync } from "node:fs";
import { openBotDatabase } from "../src/bot/answers.js";
import { FeedbackStore, formatReport } from "../src/bot/feedback.js";
import { parseCli, runMain } from "../src/cli.js";
import { loadReportConfig } from "../src/config.js";
import { AppError } from "../src/errors.js";

runMain(async () => {
  const { env, values } = parseCli(process.argv.slice(2), { limit: { type: "string" } });
  const { BOT_DB } = loadReportConfig(env);
  if (!existsSync(BOT_DB)) throw new AppError(`No bot database at '${BOT_DB}' yet: it is created when the bot first answers. Set BOT_DB to where the bot keeps it.`);
  const limit = values.limit === undefined ? 20 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1) throw new AppError(`--limit must be a whole number above 0 (got '${String(values.limit)}').`);
  const db = openBotDatabase(BOT_DB);
  try {
    process.stdout.write(`${formatReport(new FeedbackStore(db).report(limit))}\n`);
  } finally {
    db.close();
  }
});
