/**
 * What the command-line scripts share: flags for where things live, the
 * progress display of a build, and turning known errors into one clear line.
 */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { loadCoreConfig, processEnv, type CoreConfig } from "./config.js";
import { createEmbedder, describeEmbedder } from "./embed/embedder.js";
import { AppError } from "./errors.js";
import { buildIndex, type BuildProgress, type BuildSummary } from "./index/build.js";
import { IndexMissingError, readManifest } from "./index/store.js";
import { Answerer, answererOptionsFromConfig } from "./answer/answerer.js";

type Options = NonNullable<ParseArgsConfig["options"]>;

const LOCATION_OPTIONS = {
  corpus: { type: "string" },
  index: { type: "string" },
} as const satisfies Options;

/** Parses `--corpus DIR --index DIR` plus the script's own flags; flags win over env. */
export function parseCli<O extends Options>(argv: string[], options: O) {
  const all = { ...LOCATION_OPTIONS, ...options };
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: argv, options: all, allowPositionals: true });
  } catch (error) {
    const flags = Object.entries(all).map(([name, o]) => `--${name}${o.type === "string" ? " VALUE" : ""}`);
    throw new AppError(`${(error as Error).message}. This command takes: ${flags.join(", ")}.`);
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  const positionals = parsed.positionals;
  const env = { ...processEnv() };
  if (typeof values.corpus === "string") env.CORPUS_DIR = values.corpus;
  if (typeof values.index === "string") env.INDEX_DIR = values.index;
  return { config: loadCoreConfig(env), env, values, positionals };
}

function formatMs(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** Progress lines on stderr; on a terminal the embedding counter redraws in place. */
function progressPrinter(stream: NodeJS.WriteStream = process.stderr): (p: BuildProgress) => void {
  let lastDraw = 0;
  return (p) => {
    if (p.phase === "wait") stream.write(`${p.message}\n`);
    else if (p.phase === "load") stream.write(`Reading ${p.file} (${(p.bytes / 1024 / 1024).toFixed(1)} MB)…\n`);
    else if (p.phase === "clean") stream.write(`Cleaning ${p.file}: ${p.done}/${p.total} lines\n`);
    else if (p.phase === "read") stream.write(`Read ${p.documents} reports → ${p.chunks} passages\n`);
    else if (p.phase === "write") stream.write("Writing the index…\n");
    else {
      const now = Date.now();
      if (p.done < p.total && now - lastDraw < 500) return;
      lastDraw = now;
      const pct = Math.round((100 * p.done) / p.total);
      const eta = p.etaMs ? `, about ${formatMs(p.etaMs)} left` : "";
      const line = `Embedding ${p.done}/${p.total} passages (${pct}%${eta})`;
      if (stream.isTTY) stream.write(`\r${line}${p.done === p.total ? "\n" : ""}`);
      else stream.write(`${line}\n`);
    }
  };
}

export function formatSummary(summary: BuildSummary, indexDir: string): string {
  const lines = [
    summary.unchanged
      ? `Index in ${indexDir}/ is up to date: the reports give the same passages as last time (checked in ${formatMs(summary.durationMs)}).`
      : `Index built in ${formatMs(summary.durationMs)} → ${indexDir}/ (${summary.generation})`,
    `  reports:   ${summary.documents.length}`,
    `  passages:  ${summary.chunks} (${summary.embedded} embedded, ${summary.reused} reused from the previous index)`,
    `  embedder:  ${describeEmbedder(summary.embedder)}`,
  ];
  if (!summary.unchanged) lines.push(`  graph:     ${summary.incrementalGraph ? "previous HNSW graph updated in place" : "HNSW graph built afresh"}`);
  if (summary.removed.length > 0) lines.push(`  removed:   ${summary.removed.join(", ")} (no longer in the corpus)`);
  for (const d of summary.documents) lines.push(`  · ${d.id}  ${d.title}${d.date ? `  (${d.date})` : ""}`);
  for (const w of summary.warnings) lines.push(`  warning: ${w}`);
  return lines.join("\n");
}

/** Builds the index for `config`, showing progress and a summary on stderr. */
export async function buildWithProgress(config: CoreConfig): Promise<BuildSummary> {
  const embedder = await createEmbedder(config);
  const summary = await buildIndex({
    corpusDir: config.CORPUS_DIR,
    indexDir: config.INDEX_DIR,
    embedder,
    onProgress: progressPrinter(),
  });
  process.stderr.write(`${formatSummary(summary, config.INDEX_DIR)}\n`);
  return summary;
}

/** Runs a script's main; a known error prints its message (no stack) and exits 1. */
export function runMain(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    if (error instanceof AppError) {
      process.stderr.write(`${(error as Error).name}: ${(error as Error).message}\n`);
    } else {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    }
    process.exitCode = 1;
  });
}

/**
 * Opens the answering core; when there is no index yet, builds it first so a
 * fresh clone answers on the first try.
 */
export async function openAnswerer(config: CoreConfig, extra: Parameters<typeof answererOptionsFromConfig>[1] = {}): Promise<Answerer> {
  try {
    await readManifest(config.INDEX_DIR);
  } catch (error) {
    if (!(error instanceof IndexMissingError)) throw error;
    process.stderr.write(`No index in '${config.INDEX_DIR}' yet; building it from '${config.CORPUS_DIR}'.\n`);
    await buildWithProgress(config);
  }
  return Answerer.open(await answererOptionsFromConfig(config, extra));
}
