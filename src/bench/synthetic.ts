/**
 * A hard synthetic corpus for the scale run: look-alike copies of the real
 * reports with other places, people and figures. Each copy keeps the wording
 * of its original, so the right report must win among near-duplicates rather
 * than among random text.
 */
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { isReportFile } from "../corpus/load.js";

/** Names in the real reports that make a copy look like another place's report (longest first). */
const REAL_PLACES = ["南京江北新区", "江北新区", "徐州市", "南岸区", "江海区", "江门市", "义马市", "三门峡", "南京", "徐州", "重庆", "江门", "义马", "彭城"];
const REAL_PEOPLE = ["陆小军", "胡传峰", "张海明", "曹仁", "董兴连", "杨冬林", "李燕军", "师毅冰", "余汉忠", "苏为彬", "王惠敏", "丁小玲"];
const PLACE_STEMS = ["滨海", "青山", "白云", "长宁", "临川", "东湖", "西岭", "南湖", "北塘", "金川", "玉泉", "安平", "清河", "丰台", "桃源", "梅林", "松江", "柳城", "石门", "云溪"];
const PLACE_SUFFIX = ["新区", "区", "市", "县"];
const SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗";
const GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平";

/** The k-th look-alike of a report: every place, person and digit replaced, deterministically. */
export function lookAlike(text: string, k: number): string {
  let out = text;
  REAL_PLACES.forEach((place, i) => {
    const stem = PLACE_STEMS[(k + i * 7) % PLACE_STEMS.length]!;
    const suffix = PLACE_SUFFIX[(k + i) % PLACE_SUFFIX.length]!;
    out = out.replaceAll(place, `${stem}${String.fromCharCode(0x4e00 + ((k * 31 + i) % 2000))}${suffix}`);
  });
  REAL_PEOPLE.forEach((person, i) => {
    out = out.replaceAll(person, SURNAMES[(k + i) % SURNAMES.length]! + GIVEN[(k * 3 + i) % GIVEN.length]! + GIVEN[(k + i * 5) % GIVEN.length]!);
  });
  // Shift every digit, so no copy repeats a figure of its original.
  const shift = 1 + (k % 9);
  return out.replace(/\d/g, (d) => String((Number(d) + shift) % 10));
}

/**
 * Writes the real reports plus look-alikes into `outDir` until about
 * `targetChunks` passages (estimated from `chunksPerReport`). Returns the file count.
 */
export async function writeSyntheticCorpus(srcDir: string, outDir: string, targetChunks: number, chunksPerReport: Map<string, number>): Promise<number> {
  await mkdir(outDir, { recursive: true });
  const names = (await readdir(srcDir)).filter(isReportFile).sort();
  const reports = await Promise.all(
    names.map(async (name) => {
      const id = name.replace(/\.[^.]+$/, "");
      const meta = await readFile(path.join(srcDir, `${id}.meta.json`), "utf8").catch(() => null);
      return { name, id, meta, text: await readFile(path.join(srcDir, name), "utf8") };
    }),
  );
  let chunks = 0;
  let files = 0;
  // k = 0 is the real report itself; its metadata file goes along, transformed like the text.
  for (let k = 0; chunks < targetChunks; k++) {
    for (const r of reports) {
      const prefix = k === 0 ? "" : `syn${String(k).padStart(5, "0")}_`;
      const copy = (text: string) => (k === 0 ? text : lookAlike(text, k));
      await writeFile(path.join(outDir, `${prefix}${r.name}`), copy(r.text));
      if (r.meta !== null) await writeFile(path.join(outDir, `${prefix}${r.id}.meta.json`), copy(r.meta));
      chunks += chunksPerReport.get(r.id) ?? 0;
      files++;
    }
  }
  return files;
}

/** Writes one more look-alike (the k-th) of the first real report into `outDir`: a report added to a built index. */
export async function addLookAlike(srcDir: string, outDir: string, k: number): Promise<void> {
  const name = (await readdir(srcDir)).filter(isReportFile).sort()[0]!;
  await writeFile(path.join(outDir, `add${String(k).padStart(5, "0")}_${name}`), lookAlike(await readFile(path.join(srcDir, name), "utf8"), k));
}
