import { inLang } from "../../core/i18n";
import { stat } from "node:fs/promises";
import { basename, join } from "node:path";
import { analyseWorkbook } from "../../core/analyse";
import { unitKey } from "../../core/rank-key";
import { type AppraisalUnit, appraisalSheetSpec } from "../../core/sheets/appraisal";
import { collectInputFiles } from "../../files/node";
import { FileReadError } from "../../files/errors";
import { type Lang, parseCommandArgs, UsageError } from "../args";
import { writeSpecsTo } from "../output";
import { uniqueNames } from "../output-name";
import { readSnapshot } from "../read-file";
import { resolveRubric } from "../rubric-arg";
import { checkOutputFolder, checkOutputPath } from "../safe-write";
import { oneLine } from "../terminal";

/**
 * `par-index appraisal <files|folders…> -o out/ [--rubric …]`: the "Kết quả thẩm định" sheet for each
 * unit, one file per unit in the output folder (never in an input folder, never over an input), with
 * the group's average per area taken over every unit read. Exit 1 when a file could not be read.
 */
export default async function appraisal(argv: string[], lang: Lang): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    rubric: { type: "string" },
    output: { type: "string", short: "o" },
    force: { type: "boolean" },
  });
  if (!values.output) {
    throw new UsageError({
      vi: "Cần thư mục kết quả: par-index appraisal <thư-mục> -o <thư-mục-kết-quả>",
      en: "An output folder is needed: par-index appraisal <folder> -o <output-folder>",
    });
  }
  if (positionals.length === 0)
    throw new UsageError({ vi: "Chưa chỉ ra tệp hoặc thư mục nào.", en: "No files or folders given." });
  // Results written into a folder being read would be read back as submissions next time (and a unit's
  // folder is the unit's): refused by identity, however the path reaches an input folder.
  await checkOutputFolder(values.output, { inputs: positionals });
  const out = values.output;
  const rubric = await resolveRubric(values.rubric, false, lang);
  let files: string[];
  try {
    files = await collectInputFiles(positionals);
  } catch (e) {
    if (e instanceof FileReadError) throw new UsageError(e.text);
    throw e;
  }
  // One file at a time (bounded memory): the units keep only what the sheet shows.
  const units: (AppraisalUnit & { file: string })[] = [];
  let failed = 0;
  for (const file of files) {
    const read = await readSnapshot(file);
    if ("failed" in read) {
      failed++;
      console.error(`✗ ${oneLine(read.failed.error?.message[lang] ?? basename(file))}`);
      continue;
    }
    const analysis = analyseWorkbook(read.wb, { rubric, source: basename(file) });
    if (analysis.units.length === 0) {
      failed++;
      console.error(`✗ ${oneLine(basename(file))}: ${oneLine(analysis.findings[0]?.message[lang] ?? "")}`);
    }
    for (const u of analysis.units)
      units.push({
        file,
        unit: u.unit,
        sheet: u.sheet,
        score: u.score,
        findings: u.findings,
        entries: u.entries,
      });
  }
  const current = await newestPerUnit(units, lang);
  const peers = current.map((u) => u.score);
  const nameFor = uniqueNames();
  // "Xa-An-Binh.xlsx" → "Xa-An-Binh - Ket qua tham dinh.xlsx"; made safe, cut to fit, one per unit.
  const targets = current.map((u) =>
    join(out, nameFor(basename(u.file).replace(/\.[a-z0-9]+$/i, ""), " - Ket qua tham dinh.xlsx")),
  );
  const writeOptions = {
    inputs: [...positionals, ...files],
    existing: values.force ? ("replace" as const) : ("refuse" as const),
  };
  // Every target checked before the first is written: an existing file (without --force) or an input
  // stops the run with the folder as it was, not half-written.
  for (const target of targets) await checkOutputPath(target, writeOptions);
  for (const [i, u] of current.entries()) {
    const target = targets[i];
    await writeSpecsTo(target, [appraisalSheetSpec(u, { peers })], writeOptions.inputs, {
      existing: writeOptions.existing,
    });
    const pending = u.score.appraisalChanges.filter((c) => !c.noted).length;
    console.log(
      inLang(lang, {
        vi: `✓ ${oneLine(u.unit)} → ${target}${pending ? ` (${pending} tiêu chí cần ghi ý kiến thẩm định)` : ""}`,
        en: `✓ ${oneLine(u.unit)} → ${target}${pending ? ` (${pending} item(s) need an appraiser's note)` : ""}`,
      }),
    );
  }
  return failed ? 1 : 0;
}

/**
 * A unit that resubmitted has two files in the folder: the newest is the one appraised (as the intake
 * counts it), and the older one is named, not silently dropped nor counted twice in the group's average.
 */
async function newestPerUnit<T extends { file: string; unit: string }>(units: T[], lang: Lang): Promise<T[]> {
  const modified = new Map<string, number>();
  for (const u of units)
    modified.set(
      u.file,
      await stat(u.file).then(
        (s) => s.mtimeMs,
        () => 0,
      ),
    );
  const byKey = new Map<string, T>();
  for (const u of units) {
    const key = unitKey(u.unit);
    const seen = byKey.get(key);
    if (!seen) {
      byKey.set(key, u);
      continue;
    }
    const [keep, drop] = (modified.get(u.file) ?? 0) > (modified.get(seen.file) ?? 0) ? [u, seen] : [seen, u];
    byKey.set(key, keep);
    console.error(
      inLang(lang, {
        vi: `! ${keep.unit}: có hai tệp, dùng ${basename(keep.file)} (mới hơn), bỏ qua ${basename(drop.file)}.`,
        en: `! ${keep.unit}: two files; ${basename(keep.file)} (the newer) is used, ${basename(drop.file)} skipped.`,
      }),
    );
  }
  return units.filter((u) => byKey.get(unitKey(u.unit)) === u);
}
