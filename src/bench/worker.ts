/** Child-process entry: runs one benchmark task given as JSON and prints its result as the last stdout line. */
import { benchMiniSearch, benchOrama } from "./peers.js";
import { sweepVectors, type SweepOptions } from "./sweep.js";
import { benchAskCli, benchBuild, benchServe, type TaskOptions } from "./tasks.js";

export type Task =
  | ({ task: "build" | "serve" | "minisearch" | "orama" } & TaskOptions)
  | ({ task: "ask" } & TaskOptions & { count: number })
  | ({ task: "sweep" } & SweepOptions);

const TASKS = {
  build: benchBuild,
  serve: benchServe,
  minisearch: benchMiniSearch,
  orama: benchOrama,
};

const spec = JSON.parse(process.argv[2]!) as Task;
const result =
  spec.task === "sweep" ? await sweepVectors(spec, (line) => process.stderr.write(`${line}\n`)) : spec.task === "ask" ? await benchAskCli(spec) : await TASKS[spec.task](spec);
process.stdout.write(`${JSON.stringify(result)}\n`);
