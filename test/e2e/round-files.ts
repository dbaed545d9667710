// Writes the files the end-to-end run picks in the pane's "Tiếp nhận" and "So sánh" tabs (read in the
// browser, never uploaded): two generated units, a resubmission of the first (resubmitUnit records what it
// changed), and a file named .xlsx that is not a workbook. Prints the paths and the expected rows as JSON,
// and the resubmission as a snapshot, to open as the workbook in Excel for the "open workbook" diff.
import { mkdirSync, utimesSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { formatNumber } from "../../src/core/i18n";
import { builtinRubric } from "../../src/core/rubric/builtin";
import type { Rubric } from "../../src/core/rubric/schema";
import { flattenRubric } from "../../src/core/rubric/tree";
import { specToSnapshot } from "../../src/core/sheet-spec";
import type { CellValue } from "../../src/core/snapshot";
import { writeWorkbook } from "../../src/files/write-workbook";
import { generateUnit, type ResubmitChange, resubmitUnit } from "../../src/sample";

const dir = resolve("test-output/e2e/round");
mkdirSync(dir, { recursive: true });
const rubric = builtinRubric("example-commune-2024") as Rubric;
const SEED = 33;

// Units whose "Đơn vị:" line carries their name, so a resubmission under another file name is the same unit.
const named: number[] = [];
for (let index = 0; named.length < 2 && index < 50; index++) {
  const u = generateUnit(rubric, { seed: SEED, index, appraisal: 1 });
  if (u.truth.unitName && u.truth.unitName === u.name) named.push(index);
}
if (named.length < 2) throw new Error("no two generated units with their name in the title block");
const first = { seed: SEED, index: named[0], appraisal: 1 as const };
const a = generateUnit(rubric, first);
const b = generateUnit(rubric, { seed: SEED, index: named[1], appraisal: 1 });

const leaves = flattenRubric(rubric).filter((i) => i.isLeaf && i.kind === "scored");
const inArea = (n: number) => leaves.find((i) => i.path[0] === rubric.items[n]?.code) ?? leaves[n];
const raised = inArea(1);
const was = a.truth.scores[raised.code]?.self ?? 0;
const changes: ResubmitChange[] = [
  { item: inArea(0).code, evidence: "Kế hoạch số 15/KH-UBND ngày 20/01/2024 (bổ sung)" },
  { item: raised.code, self: was < raised.max ? raised.max : raised.max / 2 },
  { item: inArea(2).code, explanation: "Đã bổ sung văn bản theo yêu cầu của Tổ thẩm định" },
];
const again = resubmitUnit(rubric, first, changes, "moved-header");

const firstPath = join(dir, a.fileName);
const againPath = join(dir, a.fileName.replace(/\.xlsx$/, " (bo sung).xlsx"));
const otherPath = join(dir, b.fileName);
const brokenPath = join(dir, "gui-nham.xlsx");
writeFileSync(firstPath, await writeWorkbook(a.sheets));
writeFileSync(againPath, await writeWorkbook(again.unit.sheets));
writeFileSync(otherPath, await writeWorkbook(b.sheets));
writeFileSync(brokenPath, "Kính gửi Tổ thẩm định: đây là thư, không phải biểu chấm điểm.");
// The first version was sent a day earlier: the newer file is the one counted.
const dayAgo = (Date.now() - 86_400_000) / 1000;
utimesSync(firstPath, dayAgo, dayAgo);

const FIELD = { self: "Tự đánh giá", evidence: "Tài liệu kiểm chứng", explanation: "Giải trình" } as const;
const shown = (v: CellValue) =>
  v === null || v === ""
    ? "(trống)"
    : typeof v === "number"
      ? formatNumber(v, rubric.precision ?? 2, "vi")
      : String(v);
// A changed self score moves its parents' shown sums too (resubmitUnit shifts them, as Excel recomputes):
// the pane lists those items as changed, from the sums the first version was generated with.
const byCode = new Map(flattenRubric(rubric).map((i) => [i.code, i]));
const parents = again.changes.flatMap((c) => {
  if (c.field !== "self" || typeof c.new !== "number") return [];
  const delta = c.new - (typeof c.old === "number" ? c.old : 0);
  return (byCode.get(c.item)?.path.slice(0, -1) ?? []).flatMap((code) => {
    const sum = a.truth.totals[code]?.self;
    if (typeof sum !== "number") return [];
    const moved = Math.round((sum + delta) * 10_000) / 10_000;
    return [{ item: code, field: FIELD.self, old: shown(sum), new: shown(moved) }];
  });
});
process.stdout.write(
  JSON.stringify({
    files: [firstPath, againPath, otherPath, brokenPath],
    rows: [
      { unit: a.name, status: "Nộp trùng", file: againPath.slice(dir.length + 1) },
      { unit: b.name, status: "Đã nhận", file: b.fileName },
      { unit: "gui-nham", status: "Không đọc được", file: "gui-nham.xlsx" },
    ],
    before: firstPath,
    after: againPath,
    // The resubmission as the workbook open in Excel, for the "open workbook vs an earlier file" diff.
    open: { source: againPath.slice(dir.length + 1), sheets: again.unit.sheets.map(specToSnapshot) },
    changes: [
      ...again.changes.map((c) => ({ ...c, field: FIELD[c.field], old: shown(c.old), new: shown(c.new) })),
      ...parents,
    ],
  }),
);
