/**
 * The index never crashes the process that reads it: every file is checked
 * against the manifest before use, malformed files are one clear error, builds
 * of one folder take turns, and leftovers of killed builds are removed.
 */
import { copyFile, mkdir, open, readFile, readdir, rm, stat, symlink, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Answerer } from "../src/answer/answerer.js";
import { writeLargeReport } from "../src/bench/large-report.js";
import { CorpusError, LARGE_REPORT_BYTES } from "../src/corpus/load.js";
import { HashedEmbedder } from "../src/embed/hashed.js";
import { buildIndex, type BuildProgress } from "../src/index/build.js";
import { sha256File } from "../src/index/files.js";
import { IndexBusyError, LOCK_NAME, LOCK_STALE_MS, withIndexLock } from "../src/index/lock.js";
import { readChunkFile, writeChunkFile } from "../src/index/chunk-file.js";
import { IndexDamagedError, IndexLoadError, loadIndex, verifyIndex, type StoredDoc } from "../src/index/store.js";
import type { Manifest } from "../src/types.js";
import { tempWorkspace } from "./helpers/corpus.js";

let ws: Awaited<ReturnType<typeof tempWorkspace>>;
beforeEach(async () => {
  ws = await tempWorkspace();
});
afterEach(async () => ws.cleanup());

const embedder = new HashedEmbedder();
const build = (progress?: BuildProgress[], lockWaitMs?: number) =>
  buildIndex({ corpusDir: ws.corpusDir, indexDir: ws.indexDir, embedder, lockWaitMs, onProgress: (p) => progress?.push(p) });
const manifestFile = () => path.join(ws.indexDir, "manifest.json");
const readManifestJson = async (): Promise<Manifest> => JSON.parse(await readFile(manifestFile(), "utf8"));
const genFile = (manifest: Manifest, name: string) => path.join(ws.indexDir, manifest.generation, name);

/** Overwrites bytes in the middle of a file, keeping its size: the damage a header check cannot see. */
async function scribble(file: string): Promise<void> {
  const handle = await open(file, "r+");
  const { size } = await handle.stat();
  await handle.write(Buffer.alloc(Math.min(4096, size / 2), 0xa5), 0, undefined, Math.floor(size / 4));
  await handle.close();
}

/** Replaces a generation file and records it in the manifest as if a (buggy) build had written it. */
async function forge(name: string, content: string | ((file: string) => void)): Promise<void> {
  const manifest = await readManifestJson();
  const file = genFile(manifest, name);
  if (typeof content === "string") await writeFile(file, content);
  else content(file);
  const entry = manifest.files.find((f) => f.name === name)!;
  Object.assign(entry, { size: (await stat(file)).size, sha256: await sha256File(file) });
  await writeFile(manifestFile(), JSON.stringify(manifest));
}

/** The error `promise` rejects with; fails the test if it resolves. */
async function failure(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e as Error,
  );
  expect(error, "expected a rejection").not.toBeNull();
  return error!;
}

describe("a damaged vectors.hnsw", () => {
  it("is one IndexLoadError naming the file before hnswlib reads it, and the next build repairs it", async () => {
    await build();
    const manifest = await readManifestJson();
    expect(manifest.files.map((f) => f.name)).toEqual(["chunks.bin", "lexical.bin", "vectors.hnsw"]);
    await scribble(genFile(manifest, "vectors.hnsw"));

    const error = await failure(loadIndex(ws.indexDir));
    expect(error).toBeInstanceOf(IndexDamagedError);
    expect(error.message).toMatch(/vectors\.hnsw does not match its checksum in the manifest.*npm run build-index/);
    expect(error.message).not.toContain("\n");

    const repair = await build();
    expect(repair.unchanged).toBe(false);
    expect(repair.warnings.join("\n")).toMatch(/previous index was not reused.*vectors\.hnsw does not match its checksum/);
    const index = await loadIndex(ws.indexDir);
    expect(index.vectors.size).toBe(repair.chunks);
  });

  it("is found by a build that otherwise sees nothing changed (here: a truncated lexical.bin)", async () => {
    const first = await build();
    const manifest = await readManifestJson();
    const lexical = genFile(manifest, "lexical.bin");
    await writeFile(lexical, (await readFile(lexical)).subarray(0, 100));

    const again = await build();
    expect(again).toMatchObject({ unchanged: false, embedded: 0, reused: first.chunks });
    expect(again.warnings.join("\n")).toMatch(/lexical\.bin is 100 bytes, the manifest says \d+/);
    await expect(verifyIndex(ws.indexDir)).resolves.toMatchObject({ generation: again.generation });
  });

  it("is refused by a reload, and the answerer already serving keeps answering", async () => {
    await build();
    const serving = await Answerer.open({ indexDir: ws.indexDir, embedder });
    const question = "南岸区九价HPV疫苗累计接种了多少剂次？";
    const before = await serving.ask(question);
    expect(before.found).toBe(true);

    await scribble(genFile(await readManifestJson(), "vectors.hnsw"));
    // What the bot runs before swapping in a rebuilt index, and what Answerer.open runs itself.
    await expect(verifyIndex(ws.indexDir)).rejects.toThrow(IndexDamagedError);
    await expect(Answerer.open({ indexDir: ws.indexDir, embedder })).rejects.toThrow(/vectors\.hnsw does not match its checksum/);
    expect((await serving.ask(question)).answer).toBe(before.answer);
  });
});

describe("malformed index files", () => {
  beforeEach(async () => {
    await build();
  });

  it("refuses a generation outside the index folder", async () => {
    await writeFile(manifestFile(), JSON.stringify({ ...(await readManifestJson()), generation: "../../etc" }));
    const error = await failure(loadIndex(ws.indexDir));
    expect(error).toBeInstanceOf(IndexLoadError);
    expect(error.message).toMatch(/manifest .* is malformed \(generation: must be a generation folder name/);
  });

  it.each<[string, (m: Manifest) => unknown, RegExp]>([
    ["of null", () => null, /\(top\): .*expected object/],
    ["without the file list", ({ files: _f, ...rest }) => rest, /files: /],
    ["naming a file by a path", (m) => ({ ...m, files: [{ name: "../x", size: 1, sha256: "0".repeat(64) }] }), /files\.0\.name: must be a plain file name/],
  ])("refuses a manifest %s", async (_what, patch, message) => {
    await writeFile(manifestFile(), JSON.stringify(patch(await readManifestJson())));
    const error = await failure(loadIndex(ws.indexDir));
    expect(error).toBeInstanceOf(IndexLoadError);
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain("\n");
  });

  it("refuses a chunk store whose reports lack their title, even with a matching checksum", async () => {
    const store = readChunkFile<StoredDoc>(genFile(await readManifestJson(), "chunks.bin"), { hashes: true });
    const docs = store.docs.map(({ title: _t, ...rest }) => rest) as unknown as StoredDoc[];
    await forge("chunks.bin", (file) => writeChunkFile(file, { ...store, docs }));
    await expect(loadIndex(ws.indexDir)).rejects.toThrow(/chunk store .*chunks\.bin is malformed \(0\.title: /);
  });

  it("refuses a chunk store whose columns disagree", async () => {
    const store = readChunkFile<StoredDoc>(genFile(await readManifestJson(), "chunks.bin"), { hashes: true });
    await forge("chunks.bin", (file) => writeChunkFile(file, { ...store, labels: store.labels.subarray(1) }));
    await expect(loadIndex(ws.indexDir)).rejects.toThrow(/graph labels for \d+ chunks/);
  });

  it("refuses a lexical index of {} with one line, not a TypeError", async () => {
    await forge("lexical.bin", "{}");
    const error = await failure(loadIndex(ws.indexDir));
    expect(error).toBeInstanceOf(IndexLoadError);
    expect(error.message).toMatch(/lexical index .*lexical\.bin cannot be read/);
    expect(error.message).not.toContain("\n");
  });
});

describe("two builds of one index folder", () => {
  it("take turns: the one that comes second waits, says so, and both finish with one whole index", async () => {
    // Either build may take the lock first; exactly one waits for the other.
    const progress: [BuildProgress[], BuildProgress[]] = [[], []];
    const [a, b] = await Promise.all([build(progress[0]), build(progress[1])]);
    const waited = progress.filter((p) => p[0]?.phase === "wait");
    expect(waited).toHaveLength(1);
    expect(waited[0]![0]).toEqual({ phase: "wait", message: expect.stringMatching(/Another build is writing the index .*waiting/) });
    // The one that waited found the same corpus already built.
    expect([a, b].map((r) => r.unchanged)).toEqual(progress.map((p) => p === waited[0]));
    const names = await readdir(ws.indexDir);
    expect(names.filter((n) => n.startsWith("gen-"))).toEqual([a.generation]);
    expect(names.filter((n) => n.startsWith(".tmp") || n.startsWith(".manifest"))).toEqual([]);
    await expect(verifyIndex(ws.indexDir)).resolves.toBeTruthy();
  });

  it("says plainly that another build is running when it cannot wait that long", async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const holder = withIndexLock(ws.indexDir, () => held);
    await new Promise((r) => setTimeout(r, 50)); // let the holder take the lock
    const error = await failure(build(undefined, 300));
    expect(error).toBeInstanceOf(IndexBusyError);
    expect(error.message).toMatch(/Another build is writing the index in .* did not finish within 0 s/);
    release();
    await holder;
    await expect(build()).resolves.toMatchObject({ unchanged: false });
  });

  it("takes over a lock left by a killed build", async () => {
    const lock = path.join(ws.indexDir, LOCK_NAME);
    await mkdir(lock, { recursive: true });
    const old = new Date(Date.now() - LOCK_STALE_MS - 60_000);
    await utimes(lock, old, old);
    await expect(build(undefined, 1000)).resolves.toMatchObject({ unchanged: false });
  });

  it("knows when a build stalled so long that another took its lock over, so its result is not swapped in", async () => {
    const lock = path.join(ws.indexDir, LOCK_NAME);
    const error = await failure(
      withIndexLock(
        ws.indexDir,
        async (held) => {
          // Another build found the lock stale and made it its own.
          await rm(lock, { recursive: true });
          await mkdir(lock);
          const theirs = new Date(Date.now() + 10_000);
          await utimes(lock, theirs, theirs);
          // The lock's next refresh (every staleMs / 2) notices; until then the build cannot know.
          for (const deadline = Date.now() + 10_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 100))) held.assertHeld();
        },
        { staleMs: 2_000 },
      ),
    );
    expect(error).toBeInstanceOf(IndexBusyError);
    expect(error.message).toMatch(/Another build took over the lock .*this build's result was discarded/);
  });
});

describe("leftovers of killed builds", () => {
  it("are removed by the next build, even one that finds nothing changed", async () => {
    const first = await build();
    // What builds killed at different points leave: a half-written generation, a finished but
    // unused one, and a temp manifest.
    await mkdir(path.join(ws.indexDir, ".tmp-gen-killed-abc123"));
    await writeFile(path.join(ws.indexDir, ".tmp-gen-killed-abc123", "vectors.hnsw"), "partial");
    await mkdir(path.join(ws.indexDir, "gen-zzz-orphan"));
    await writeFile(path.join(ws.indexDir, ".manifest.json.gen-zzz-orphan"), "{}");

    const again = await build();
    expect(again.unchanged).toBe(true);
    expect((await readdir(ws.indexDir)).sort()).toEqual([first.generation, "manifest.json"]);
  });
});

describe("hostile corpora", () => {
  it("indexes an exact duplicate report once and says which file it copies", async () => {
    await copyFile(path.join(ws.corpusDir, "002_bcc9836c8c8f6416.txt"), path.join(ws.corpusDir, "009_copy.txt"));
    const summary = await build();
    expect(summary.documents.map((d) => d.id)).not.toContain("009_copy");
    expect(summary.warnings).toContain(`${path.join(ws.corpusDir, "009_copy.txt")} is an exact copy of 002_bcc9836c8c8f6416.txt; it is indexed once, as 002_bcc9836c8c8f6416.txt. Remove one of the two.`);
    const answer = await (await Answerer.open({ indexDir: ws.indexDir, embedder })).ask("南岸区九价HPV疫苗累计接种了多少剂次？");
    expect(new Set(answer.citations.map((c) => c.docId))).toEqual(new Set(["002_bcc9836c8c8f6416"]));
  });

  it("stops on a link loop with one line naming it, keeping the previous index", async () => {
    const first = await build();
    await symlink("loop.txt", path.join(ws.corpusDir, "loop.txt"));
    const error = await failure(build());
    expect(error).toBeInstanceOf(CorpusError);
    expect(error.message).toContain(`${path.join(ws.corpusDir, "loop.txt")} is a symbolic link that loops back on itself`);
    expect((await readManifestJson()).generation).toBe(first.generation);
    await rm(path.join(ws.corpusDir, "loop.txt"));
  });

  it("reads, cleans and indexes a large report, showing progress while it is read and cleaned", async () => {
    // The 20 MB timing is `npm run bench:large`; here a file just past the progress threshold.
    await writeLargeReport(ws.corpusDir, path.join(ws.corpusDir, "large.txt"), LARGE_REPORT_BYTES);
    const progress: BuildProgress[] = [];
    const summary = await build(progress);
    expect(progress).toContainEqual({ phase: "load", file: "large.txt", bytes: expect.any(Number) });
    expect(progress.filter((p) => p.phase === "clean").at(-1)).toMatchObject({ file: "large.txt", done: expect.any(Number) });
    const index = await loadIndex(ws.indexDir);
    const large = index.chunks.filter((c) => c.docId === "large");
    expect(large.length).toBeGreaterThan(500);
    // Look-alike copies share their place-free lines; each such paragraph is kept once.
    const texts = index.docById.get("large")!.paragraphs.map((p) => p.text).filter((t) => t.replace(/\s/g, "").length >= 20);
    expect(new Set(texts).size).toBe(texts.length);
    expect(summary.chunks).toBe(index.chunks.length);
  });
});
