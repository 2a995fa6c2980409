/** Child-process entry: runs one benchmark task given as JSON and prints its result as the last stdout line. */
import { benchOrama, benchThisProject, type TaskOptions } from "./tasks.js";

const { system, ...options } = JSON.parse(process.argv[2]!) as TaskOptions & { system: "this" | "orama" };
const result = system === "orama" ? await benchOrama(options) : await benchThisProject(options);
process.stdout.write(`${JSON.stringify(result)}\n`);
