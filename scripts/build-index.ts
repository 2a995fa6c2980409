/** npm run build-index [-- --corpus DIR --index DIR]: (re)builds the search index. */
import { buildWithProgress, parseCli, runMain } from "../src/cli.js";

runMain(async () => {
  const { config } = parseCli(process.argv.slice(2), {});
  await buildWithProgress(config);
});
