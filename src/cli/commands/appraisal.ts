import { inLang } from "../../core/i18n";
import { basename, join } from "node:path";
import { newestCopy } from "../../app/duplicates";
import { noUnitReason } from "../../app/rank-inputs";
import { analyseUnits } from "../../app/units";
import { unitKey } from "../../core/rank-key";
import { parseAnnex } from "../../core/sheets/annex";
import { type AppraisalUnit, appraisalSheetSpec } from "../../core/sheets/appraisal";
import { FileReadError } from "../../files/errors";
import { columnsOption, type Lang, parseCommandArgs, UsageError } from "../args";
import { type ColumnOutside, columnsOutside, columnsOutsideError } from "../columns-check";
import { writeSpecsTo } from "../output";
import { modifiedTime } from "../file-result";
import { uniqueNames } from "../output-name";
import { readSnapshot } from "../read-file";
import { collectInputs } from "../run-files";
import { resolveRubric } from "../rubric-arg";
import { checkOutputFolder, checkOutputPath } from "../safe-write";
import { oneLine } from "../terminal";
import { rubricLabel } from "../../core/rubric/identity";

/**
 * `par-index appraisal <files|folders…> -o out/ [--rubric …] [--annex "Phụ lục 01|…"] [--signature "NGƯỜI LẬP BIỂU|TM. …|…"]`: the "Kết quả thẩm định" sheet for each
 * unit, one file per unit in the output folder (never in an input folder, never over an input), with
 * the group's average per area taken over every unit read. Exit 1 when a file could not be read.
 */
export default async function appraisal(argv: string[], lang: Lang): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    rubric: { type: "string" },
    columns: { type: "string" },
    output: { type: "string", short: "o" },
    force: { type: "boolean" },
    annex: { type: "string" },
    signature: { type: "string" },
  });
  // The user's column corrections, as validate, score and rank take them: checked before any file is read.
  const columns = columnsOption(values.columns);
  // The annex block (issue #26): only the user's text, checked before any file is read or written.
  const annex = parseAnnex(values.annex, values.signature);
  if (annex.problem) throw new UsageError(annex.problem);
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
  // The same folder walk and name rule as every other command (linked folders followed once each).
  const found = await collectInputs(positionals, (text) => console.error(`! ${text[lang]}`));
  const files = found.map((f) => f.path);
  // One file at a time (bounded memory): the units keep only what the sheet shows.
  const units: (AppraisalUnit & { file: string; several: boolean })[] = [];
  let failed = 0;
  // --columns letters outside a unit's table, per file: the run stops before any result is written.
  const outside: { file: string; columnsOutside: ColumnOutside[] }[] = [];
  for (const { path: file, tooLarge } of found) {
    if (tooLarge) {
      failed++;
      console.error(`✗ ${new FileReadError("too-large", basename(file), tooLarge).text[lang]}`);
      continue;
    }
    const read = await readSnapshot(file);
    if ("failed" in read) {
      failed++;
      console.error(`✗ ${oneLine(read.failed.error?.message[lang] ?? basename(file))}`);
      continue;
    }
    // Every unit sheet of the workbook (a consolidation workbook gives one result per commune).
    const analysis = analyseUnits(read.wb, { rubric, source: basename(file), columns });
    const misplaced = columnsOutside(
      read.wb,
      analysis.units.map((u) => u.table),
      columns,
    );
    if (misplaced.length) outside.push({ file, columnsOutside: misplaced });
    if (analysis.units.length === 0) {
      failed++;
      console.error(
        `✗ ${oneLine(basename(file))}: ${oneLine(noUnitReason({ ...analysis, error: null })[lang])}`,
      );
    }
    for (const s of analysis.skipped) console.error(`– ${basename(file)}: ${s.message[lang]}`);
    const several = analysis.units.length > 1;
    for (const u of analysis.units)
      units.push({
        file,
        several,
        unit: u.unit,
        sheet: u.sheet,
        score: u.score,
        findings: u.findings,
        entries: u.entries,
      });
  }
  const misplaced = columnsOutsideError(outside, units.length);
  if (misplaced) throw misplaced;
  const current = newestPerUnit(units, lang);
  const peers = current.map((u) => u.score);
  const nameFor = uniqueNames();
  // "Xa-An-Binh.xlsx" → "Xa-An-Binh - Ket qua tham dinh.xlsx" (a consolidation workbook's units told apart
  // by their sheet's name: "Tong-hop - Xa A - …"); made safe, cut to fit, one per unit.
  const targets = current.map((u) => join(out, nameFor(outputStem(u), " - Ket qua tham dinh.xlsx")));
  const writeOptions = {
    inputs: [...positionals, ...files],
    existing: values.force ? ("replace" as const) : ("refuse" as const),
  };
  // Every target checked before the first is written: an existing file (without --force) or an input
  // stops the run with the folder as it was, not half-written.
  for (const target of targets) await checkOutputPath(target, writeOptions);
  for (const [i, u] of current.entries()) {
    const target = targets[i];
    await writeSpecsTo(
      target,
      [appraisalSheetSpec(u, { peers, lang, annex: annex.annex, rubric: rubricLabel(rubric) })],
      writeOptions.inputs,
      {
        existing: writeOptions.existing,
      },
    );
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
 * A unit that resubmitted has two files in the folder: the newest is the one appraised (the rule of
 * src/app/duplicates.ts, as the intake and the ranking count it), and the older one is named, not
 * silently dropped nor counted twice in the group's average. When which is newer cannot be told, no copy
 * is appraised and the user is told to keep one.
 */
function newestPerUnit<T extends { file: string; unit: string; sheet: string }>(units: T[], lang: Lang): T[] {
  const byKey = new Map<string, T[]>();
  for (const u of units) {
    const key = unitKey(u.unit);
    const list = byKey.get(key);
    if (list) list.push(u);
    else byKey.set(key, [u]);
  }
  const kept = new Set<T>();
  for (const copies of byKey.values()) {
    const winner = newestCopy(copies.map((c) => modifiedTime(c.file)));
    if (copies.length === 1 || winner === null) {
      if (copies.length === 1) kept.add(copies[0]);
      else {
        const list = copies.map((c) => `${basename(c.file)} (${c.sheet})`).join(", ");
        console.error(
          inLang(lang, {
            vi: `! ${copies[0].unit}: có ${copies.length} bản (${list}), không rõ bản nào mới hơn; không lập kết quả. Giữ lại một bản rồi chạy lại.`,
            en: `! ${copies[0].unit}: ${copies.length} copies (${list}) and which is newer cannot be told; no result written. Keep one copy and run again.`,
          }),
        );
      }
      continue;
    }
    const keep = copies[winner];
    kept.add(keep);
    for (const drop of copies)
      if (drop !== keep)
        console.error(
          inLang(lang, {
            vi: `! ${keep.unit}: có hai tệp, dùng ${basename(keep.file)} (mới hơn), bỏ qua ${basename(drop.file)}.`,
            en: `! ${keep.unit}: two files; ${basename(keep.file)} (the newer) is used, ${basename(drop.file)} skipped.`,
          }),
        );
  }
  return units.filter((u) => kept.has(u));
}

/** The file's name without its extension, and the sheet's when the workbook holds several units. */
function outputStem(u: { file: string; sheet: string; several: boolean }): string {
  const stem = basename(u.file).replace(/\.[a-z0-9]+$/i, "");
  return u.several ? `${stem} - ${u.sheet}` : stem;
}
