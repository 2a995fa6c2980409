/** npm start [-- --index DIR --corpus DIR]: runs the Telegram bot until SIGINT/SIGTERM. */
import { runBot } from "../src/bot/main.js";
import { parseCli, runMain } from "../src/cli.js";
import { loadBotConfig } from "../src/config.js";

runMain(async () => {
  const config = loadBotConfig(parseCli(process.argv.slice(2), {}).env);
  const running = await runBot(config);
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      console.info(`${signal}: stopping…`);
      void running.stop();
    });
  }
  await running.done;
});
