/**
 * MODEL_REMOTE_HOST: where the hub is unreachable, the embedding model is
 * downloaded from a mirror. The mirror here is a static file server on
 * 127.0.0.1 serving a generated tiny model in the hub's URL layout.
 */
import { readFile, rm } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCoreConfig } from "../../src/config.js";
import { createEmbedder } from "../../src/embed/embedder.js";
import { tempDir } from "../helpers/corpus.js";
import { writeTinyBertModel } from "../helpers/tiny-model.js";

let mirrorDir: string;
let cacheDir: string;
const requested: string[] = [];
const server = createServer((req, res) => {
  requested.push(req.url!);
  // The hub's layout: /<model>/resolve/<revision>/<file>
  const match = /^\/(.+)\/resolve\/[^/]+\/(.+)$/.exec(decodeURIComponent(req.url!));
  if (!match) return void res.writeHead(404).end();
  readFile(path.join(mirrorDir, match[1]!, match[2]!)).then(
    (data) => res.writeHead(200, { "content-type": "application/octet-stream", "content-length": data.length }).end(data),
    () => res.writeHead(404).end(),
  );
});

beforeAll(async () => {
  mirrorDir = await tempDir("mirror-");
  cacheDir = await tempDir("model-cache-");
  await writeTinyBertModel(path.join(mirrorDir, "mirror-org"));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  for (const dir of [mirrorDir, cacheDir]) await rm(dir, { recursive: true, force: true });
});

describe("a model mirror", () => {
  it("is where the transformers embedder downloads the model from when MODEL_REMOTE_HOST is set", async () => {
    const { port } = server.address() as AddressInfo;
    const warnings: string[] = [];
    const config = loadCoreConfig({
      EMBEDDER: "transformers",
      EMBED_MODEL: "mirror-org/tiny-bert",
      MODEL_DIR: cacheDir,
      ALLOW_REMOTE_MODELS: "true",
      MODEL_REMOTE_HOST: `http://127.0.0.1:${port}`,
    });
    const embedder = await createEmbedder(config, { warn: (m) => warnings.push(m) });
    expect(warnings).toEqual([]);
    expect(embedder.info).toMatchObject({ kind: "transformers", model: "mirror-org/tiny-bert" });
    expect(requested).toContain("/mirror-org/tiny-bert/resolve/main/onnx/model_quantized.onnx");
    expect(requested).toContain("/mirror-org/tiny-bert/resolve/main/tokenizer.json");
  });
});
