/**
 * npm run ask -- "问题"          prints the answer and its sources for a person
 * npm run ask -- --json "问题"   prints one JSON object
 * npm run ask                    reads questions from stdin, one per line, prints one JSON line each
 */
import { createInterface } from "node:readline";
import { formatAnswer, toJsonAnswer } from "../src/answer/present.js";
import { openAnswerer, parseCli, runMain } from "../src/cli.js";

runMain(async () => {
  const { config, values, positionals } = parseCli(process.argv.slice(2), { json: { type: "boolean" } });
  const answerer = await openAnswerer(config);
  if (positionals.length > 0) {
    const answer = await answerer.ask(positionals.join(" "));
    process.stdout.write(values.json ? `${JSON.stringify(toJsonAnswer(answer))}\n` : `${formatAnswer(answer)}\n`);
    return;
  }
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    if (line.trim() === "") continue;
    process.stdout.write(`${JSON.stringify(toJsonAnswer(await answerer.ask(line)))}\n`);
  }
});
