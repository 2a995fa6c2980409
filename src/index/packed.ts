/**
 * A small binary container for the index's large parts: named typed arrays
 * and string lists, read back without JSON parsing. The file starts with a
 * magic word, the container version and a short JSON table of contents; every
 * section is 8-byte aligned so typed arrays view the file's bytes in place.
 * Sections are decoded on first use, so a reader pays only for what it reads.
 */
import { readFileSync, writeFileSync } from "node:fs";

const MAGIC = 0x4b50_4a44; // "DJPK", little-endian
const CONTAINER_VERSION = 1;
const ALIGN = 8;

const ARRAYS = {
  u8: Uint8Array,
  u16: Uint16Array,
  i32: Int32Array,
  u32: Uint32Array,
  f32: Float32Array,
  f64: Float64Array,
} as const;
type ArrayKind = keyof typeof ARRAYS;
export type PackedArray = Uint8Array | Uint16Array | Int32Array | Uint32Array | Float32Array | Float64Array;

/** What a section holds: a typed array, a list of strings, or a (small) JSON value. */
export type SectionValue = PackedArray | string[] | { json: unknown };

interface Entry {
  name: string;
  kind: ArrayKind | "strings" | "json";
  offset: number;
  bytes: number;
  /** Strings: how many. */
  count?: number;
}

function kindOf(array: PackedArray): ArrayKind {
  const kind = (Object.keys(ARRAYS) as ArrayKind[]).find((k) => array instanceof ARRAYS[k]);
  if (!kind) throw new Error(`Unsupported typed array ${array.constructor.name}`);
  return kind;
}

const pad = (n: number) => (n + ALIGN - 1) & ~(ALIGN - 1);

/**
 * Strings are stored as one UTF-8 blob followed by the end offset of each
 * string in the decoded text, so one decode and cheap slices read them all.
 */
function encodeStrings(strings: string[]): Buffer {
  const ends = new Uint32Array(strings.length);
  let end = 0;
  strings.forEach((s, i) => (ends[i] = end += s.length));
  const text = Buffer.from(strings.join(""), "utf8");
  const out = Buffer.alloc(pad(ends.byteLength) + text.length);
  Buffer.from(ends.buffer).copy(out, 0);
  text.copy(out, pad(ends.byteLength));
  return out;
}

/** Writes `sections` to `file`; `format` names the content and is checked on read. */
export function writePacked(file: string, format: { name: string; version: number }, sections: Record<string, SectionValue>): void {
  const entries: Entry[] = [];
  const parts: Buffer[] = [];
  let offset = 0;
  for (const [name, value] of Object.entries(sections)) {
    let bytes: Buffer;
    let entry: Omit<Entry, "offset" | "bytes">;
    if (Array.isArray(value)) {
      bytes = encodeStrings(value);
      entry = { name, kind: "strings", count: value.length };
    } else if ("json" in value) {
      bytes = Buffer.from(JSON.stringify(value.json), "utf8");
      entry = { name, kind: "json" };
    } else {
      bytes = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
      entry = { name, kind: kindOf(value) };
    }
    entries.push({ ...entry, offset, bytes: bytes.length });
    parts.push(bytes, Buffer.alloc(pad(bytes.length) - bytes.length));
    offset += pad(bytes.length);
  }
  const toc = Buffer.from(JSON.stringify({ format, sections: entries }), "utf8");
  const head = Buffer.alloc(12);
  head.writeUInt32LE(MAGIC, 0);
  head.writeUInt32LE(CONTAINER_VERSION, 4);
  head.writeUInt32LE(toc.length, 8);
  writeFileSync(file, Buffer.concat([head, toc, Buffer.alloc(pad(12 + toc.length) - 12 - toc.length), ...parts]));
}

/** A packed file opened for reading; sections are decoded when first asked for. */
export class PackedFile {
  private readonly entries: Map<string, Entry>;

  private constructor(
    readonly file: string,
    private readonly data: Buffer,
    private readonly base: number,
    entries: Entry[],
  ) {
    this.entries = new Map(entries.map((e) => [e.name, e]));
  }

  /** Opens `file`, checking it holds `format` at `version`; throws a plain Error saying what is wrong otherwise. */
  static read(file: string, format: { name: string; version: number }): PackedFile {
    const data = readFileSync(file);
    if (data.length < 12 || data.readUInt32LE(0) !== MAGIC || data.readUInt32LE(4) !== CONTAINER_VERSION) {
      throw new Error(`${file} is not an index file this code can read`);
    }
    const tocLength = data.readUInt32LE(8);
    const toc = JSON.parse(data.toString("utf8", 12, 12 + tocLength)) as { format: { name: string; version: number }; sections: Entry[] };
    if (toc.format.name !== format.name || toc.format.version !== format.version) {
      throw new Error(`${file} holds ${toc.format.name} version ${toc.format.version}, expected ${format.name} version ${format.version}`);
    }
    // Typed arrays need their start aligned within the underlying ArrayBuffer: copy when Node's pool did not align it.
    const aligned = data.byteOffset % ALIGN === 0 ? data : Buffer.from(new Uint8Array(data));
    return new PackedFile(file, aligned, pad(12 + tocLength), toc.sections);
  }

  private entry(name: string, kind?: Entry["kind"]): Entry {
    const entry = this.entries.get(name);
    if (!entry || (kind && entry.kind !== kind)) throw new Error(`${this.file} has no ${kind ?? ""} section '${name}'`);
    return entry;
  }

  /** A view on the file's bytes (no copy). */
  array<K extends ArrayKind>(name: string, kind: K): InstanceType<(typeof ARRAYS)[K]> {
    const { offset, bytes } = this.entry(name, kind);
    const Ctor = ARRAYS[kind] as unknown as new (buffer: ArrayBufferLike, offset: number, length: number) => InstanceType<(typeof ARRAYS)[K]>;
    return new Ctor(this.data.buffer, this.data.byteOffset + this.base + offset, bytes / ARRAYS[kind].BYTES_PER_ELEMENT);
  }

  strings(name: string): string[] {
    const { offset, bytes, count = 0 } = this.entry(name, "strings");
    const start = this.base + offset;
    const ends = new Uint32Array(this.data.buffer as ArrayBuffer, this.data.byteOffset + start, count);
    const text = this.data.toString("utf8", start + pad(count * 4), start + bytes);
    const out = new Array<string>(count);
    let from = 0;
    for (let i = 0; i < count; i++) out[i] = text.slice(from, (from = ends[i]!));
    return out;
  }

  json<T>(name: string): T {
    const { offset, bytes } = this.entry(name, "json");
    return JSON.parse(this.data.toString("utf8", this.base + offset, this.base + offset + bytes)) as T;
  }
}
