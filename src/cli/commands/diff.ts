import { stat } from "node:fs/promises";
import { inLang } from "../../core/i18n";
import { diffEveryUnit } from "../../app/diff";
import { FIELD_TEXT, type WorkbookDiff } from "../../core/diff";
import { roleName } from "../../core/messages";
import { formatFixed } from "../../core/numbers";
import { diffSheetSpec } from "../../core/sheets/diff";
import type { CellValue, WorkbookSnapshot } from "../../core/snapshot";
import { FileReadError } from "../../files/errors";
import { readWorkbookFile } from "../../files/node";
import { type Lang, parseCommandArgs, UsageError } from "../args";
import { writeSpecsTo } from "../output";
import { resolveRubric } from "../rubric-arg";
import { rubricLabel } from "../../core/rubric/identity";

/**
 * `par-index diff old.xlsx new.xlsx [--rubric …] [--json] [-o diff.xlsx]`: what a unit changed when it
 * resubmitted. Exit 1 when the two files cannot be compared (no table in one, two different units).
 */
export default async function diff(argv: string[], lang: Lang): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    rubric: { type: "string" },
    json: { type: "boolean" },
    output: { type: "string", short: "o" },
  });
  if (positionals.length !== 2) {
    throw new UsageError({
      vi: `Cần đúng hai tệp: bản trước và bản nộp lại (nhận ${positionals.length}). Ví dụ: par-index diff cu.xlsx moi.xlsx`,
      en: `Two files are needed: the earlier version and the resubmission (got ${positionals.length}). Example: par-index diff old.xlsx new.xlsx`,
    });
  }
  await refuseSameFile(positionals[0], positionals[1]);
  const rubric = await resolveRubric(values.rubric, false, lang);
  const [oldWb, newWb] = await Promise.all(positionals.map(readOrSay));
  // Every unit sheet of the earlier version against the same unit in the resubmission (src/app).
  const results = diffEveryUnit(oldWb, newWb, { rubric });
  const precision = rubric?.precision ?? 2;
  if (values.output) {
    // One "So sánh" sheet per unit, numbered from the second on (as the page numbers its result sheets).
    const specs = results.map((r, i) => {
      const spec = diffSheetSpec(r, { precision, lang, rubric: rubricLabel(rubric) });
      return i === 0 ? spec : { ...spec, name: `${spec.name} ${i + 1}` };
    });
    await writeSpecsTo(values.output, specs, positionals);
  }
  // One unit: the comparison itself, as always; several: { units: [comparison…] }.
  if (values.json)
    console.log(JSON.stringify(results.length === 1 ? results[0] : { units: results }, null, 2));
  else {
    console.log(results.flatMap((r) => diffText(r, precision, lang)).join("\n"));
    if (values.output)
      console.log(
        inLang(lang, {
          vi: `Đã ghi bảng so sánh: ${values.output}`,
          en: `Comparison written to ${values.output}`,
        }),
      );
  }
  return results.some((r) => r.problems.length) ? 1 : 0;
}

/**
 * `diff a.xlsx a.xlsx` (or a link to it) would say "0 changes", as if the unit had resubmitted the same
 * thing: the two paths are compared by what they are (device + inode) and the mistake is said instead.
 */
async function refuseSameFile(a: string, b: string): Promise<void> {
  const [x, y] = await Promise.all([a, b].map((p) => stat(p).catch(() => null)));
  if (!x || !y || x.ino === 0 || x.dev !== y.dev || x.ino !== y.ino) return;
  throw new UsageError({
    vi: `${a} và ${b} là cùng một tệp; hãy chỉ bản trước và bản nộp lại (hai tệp khác nhau).`,
    en: `${a} and ${b} are the same file; give the earlier version and the resubmission (two different files).`,
  });
}

async function readOrSay(path: string): Promise<WorkbookSnapshot> {
  try {
    return await readWorkbookFile(path);
  } catch (e) {
    if (e instanceof FileReadError) throw new UsageError(e.text);
    throw e;
  }
}

export function diffText(d: WorkbookDiff, precision: number, lang: Lang): string[] {
  const v = (x: CellValue) =>
    x === null || x === ""
      ? inLang(lang, { vi: "(trống)", en: "(empty)" })
      : typeof x === "number"
        ? formatFixed(x, precision, lang)
        : `"${x}"`;
  const f = (x: number | null) => (x === null ? "–" : formatFixed(x, precision, lang));
  const out: string[] = [
    `${d.old.source}${d.old.unit ? ` (${d.old.unit})` : ""} → ${d.new.source}${d.new.unit ? ` (${d.new.unit})` : ""}`,
  ];
  for (const p of d.problems) out.push(`! ${p[lang]}`);
  if (d.structure.length) {
    out.push(inLang(lang, { vi: "Thay đổi cấu trúc:", en: "Structure changes:" }));
    // Columns moved: one line, so an inserted column does not read as ten separate changes.
    const moved = d.structure.filter((s) => s.kind === "column-moved");
    if (moved.length) {
      const list = moved.map((s) => `${s.role ? roleName(s.role)[lang] : ""} ${s.from}→${s.to}`).join(", ");
      out.push(`  ${inLang(lang, { vi: "Cột dời chỗ", en: "Columns moved" })}: ${list}.`);
    }
    for (const s of d.structure) if (s.kind !== "column-moved") out.push(`  ${s.message[lang]}`);
  }
  const changed = d.items.filter((i) => i.status === "changed");
  out.push(
    inLang(lang, {
      vi: `Thay đổi nội dung: ${changed.length} tiêu chí (${d.unchanged} giữ nguyên).`,
      en: `Content changes: ${changed.length} item(s) (${d.unchanged} unchanged).`,
    }),
  );
  for (const i of d.items) {
    if (i.status === "added")
      out.push(`  + ${i.item} ${i.label} (${inLang(lang, { vi: "dòng", en: "row" })} ${i.newRow})`);
    else if (i.status === "removed")
      out.push(`  − ${i.item} ${i.label} (${inLang(lang, { vi: "dòng", en: "row" })} ${i.oldRow})`);
    else {
      out.push(`  ${i.item} ${i.label}`);
      for (const c of i.changes)
        out.push(
          `      ${FIELD_TEXT[c.field][lang]}: ${v(c.old)} [${c.oldCell ?? "–"}] → ${v(c.new)} [${c.newCell ?? "–"}]`,
        );
    }
  }
  out.push(
    inLang(lang, {
      vi: "Tổng điểm (tự đánh giá / cuối cùng), trước → sau:",
      en: "Totals (self / final), before → after:",
    }),
  );
  for (const t of d.totals)
    out.push(
      `  ${(t.code ? `${t.code}. ${t.label}` : t.label).slice(0, 44).padEnd(44)} ${f(t.old.self)} → ${f(t.new.self)}   ${f(t.old.final)} → ${f(t.new.final)}`,
    );
  return out;
}
