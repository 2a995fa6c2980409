/** npm start [-- --index DIR --corpus DIR]: runs the Telegram bot until SIGINT/SIGTERM. */
import { reloadOnRebuild, runBot } from "../src/bot/main.js";
import { openAnswerer, parseCli, runMain } from "../src/cli.js";
import { loadBotConfig } from "../src/config.js";

runMain(async () => {
  const config = loadBotConfig(parseCli(process.argv.slice(2), {}).env);
  // Signals are handled from the start, so Ctrl-C works even while Telegram is unreachable.
  const stopping = new AbortController();
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      console.info(`${signal}: stopping…`);
      stopping.abort();
    });
  }
  const live = reloadOnRebuild(config, await openAnswerer(config, { warn: (m) => console.warn(m) }), console);
  try {
    const running = await runBot(config, { answerer: live.current, log: console, signal: stopping.signal });
    await running.done;
  } finally {
    live.stop();
  }
});
