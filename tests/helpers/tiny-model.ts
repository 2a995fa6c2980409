/**
 * Writes a tiny BERT-style model that transformers.js loads like a real one:
 * a WordPiece tokenizer with a small vocabulary and a one-node ONNX graph
 * (Gather: token id → embedding row) producing `last_hidden_state`. Lets tests
 * run the real feature-extraction pipeline without a download.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import onnxProto from "onnx-proto";

const { onnx } = onnxProto;

const SPECIAL = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"];
const WORDS = [..."党建卫生健康医院疫苗接种天气清廉品牌发热门诊江北新区南岸义马市护士节表彰"].concat(["hpv", "covid", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9"]);

export interface TinyModel {
  /** Pass as `modelDir`. */
  modelDir: string;
  /** Pass as `model`. */
  model: string;
  dimension: number;
}

function tokenizerJson(vocab: Record<string, number>) {
  const special = (content: string) => ({ id: vocab[content], content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true });
  const token = (id: string) => ({ id, ids: [vocab[id]], tokens: [id] });
  return {
    version: "1.0",
    truncation: null,
    padding: null,
    added_tokens: SPECIAL.map(special),
    normalizer: { type: "BertNormalizer", clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: true },
    pre_tokenizer: { type: "BertPreTokenizer" },
    post_processor: {
      type: "TemplateProcessing",
      single: [{ SpecialToken: { id: "[CLS]", type_id: 0 } }, { Sequence: { id: "A", type_id: 0 } }, { SpecialToken: { id: "[SEP]", type_id: 0 } }],
      pair: [
        { SpecialToken: { id: "[CLS]", type_id: 0 } },
        { Sequence: { id: "A", type_id: 0 } },
        { SpecialToken: { id: "[SEP]", type_id: 0 } },
        { Sequence: { id: "B", type_id: 1 } },
        { SpecialToken: { id: "[SEP]", type_id: 1 } },
      ],
      special_tokens: { "[CLS]": token("[CLS]"), "[SEP]": token("[SEP]") },
    },
    decoder: { type: "WordPiece", prefix: "##", cleanup: true },
    model: { type: "WordPiece", unk_token: "[UNK]", continuing_subword_prefix: "##", max_input_chars_per_word: 100, vocab },
  };
}

/** Gather(embedding, input_ids) → last_hidden_state; the other BERT inputs are declared so the pipeline feeds them. */
function onnxModel(vocabSize: number, hidden: number): Uint8Array {
  const weights: number[] = [];
  // Distinct, deterministic rows: different tokens must give different vectors.
  for (let i = 0; i < vocabSize; i++) for (let j = 0; j < hidden; j++) weights.push(Math.sin(1 + i * 7.31 + j * 1.73));
  const ids = (name: string) => ({
    name,
    type: { tensorType: { elemType: onnx.TensorProto.DataType.INT64, shape: { dim: [{ dimParam: "batch" }, { dimParam: "sequence" }] } } },
  });
  const graph = onnx.GraphProto.create({
    name: "tiny-bert",
    node: [onnx.NodeProto.create({ opType: "Gather", input: ["embedding", "input_ids"], output: ["last_hidden_state"], name: "lookup" })],
    initializer: [onnx.TensorProto.create({ name: "embedding", dims: [vocabSize, hidden], dataType: onnx.TensorProto.DataType.FLOAT, floatData: weights })],
    input: [ids("input_ids"), ids("attention_mask"), ids("token_type_ids")],
    output: [
      {
        name: "last_hidden_state",
        type: { tensorType: { elemType: onnx.TensorProto.DataType.FLOAT, shape: { dim: [{ dimParam: "batch" }, { dimParam: "sequence" }, { dimValue: hidden }] } } },
      },
    ],
  });
  const model = onnx.ModelProto.create({ irVersion: 8, producerName: "tests", opsetImport: [{ domain: "", version: 13 }], graph });
  return onnx.ModelProto.encode(model).finish();
}

export async function writeTinyBertModel(dir: string, name = "tiny-bert", hidden = 8): Promise<TinyModel> {
  const root = path.join(dir, name);
  await mkdir(path.join(root, "onnx"), { recursive: true });
  const vocab = Object.fromEntries([...SPECIAL, ...WORDS].map((t, i) => [t, i]));
  const size = Object.keys(vocab).length;
  const graph = onnxModel(size, hidden);
  await Promise.all([
    writeFile(path.join(root, "config.json"), JSON.stringify({ model_type: "bert", architectures: ["BertModel"], hidden_size: hidden, vocab_size: size, num_attention_heads: 1, num_hidden_layers: 1, max_position_embeddings: 128 })),
    writeFile(path.join(root, "tokenizer.json"), JSON.stringify(tokenizerJson(vocab))),
    writeFile(path.join(root, "tokenizer_config.json"), JSON.stringify({ tokenizer_class: "BertTokenizer", do_lower_case: true, model_max_length: 128, cls_token: "[CLS]", sep_token: "[SEP]", pad_token: "[PAD]", unk_token: "[UNK]", mask_token: "[MASK]" })),
    // transformers.js loads the quantized file by default and the full one with quantized: false.
    writeFile(path.join(root, "onnx", "model_quantized.onnx"), graph),
    writeFile(path.join(root, "onnx", "model.onnx"), graph),
  ]);
  return { modelDir: dir, model: name, dimension: hidden };
}
