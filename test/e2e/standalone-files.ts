// Writes the .xlsx files the standalone e2e spec picks (issue #17): three generated units, the first
// with planted defects, and one file that is not a workbook. Prints their paths, the unit names and the
// planted finding codes as JSON — what the page must show comes from the generator, not the engine.
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { builtinRubric } from "../../src/core/rubric/builtin";
import type { Rubric } from "../../src/core/rubric/schema";
import { writeWorkbook } from "../../src/files/write-workbook";
import { generateUnit } from "../../src/sample";

const dir = resolve("test-output/e2e/standalone-files");
mkdirSync(dir, { recursive: true });
const rubric = builtinRubric("example-commune-2024") as Rubric;
const units = [];
for (const index of [0, 1, 2]) {
  const unit = generateUnit(rubric, {
    seed: 33,
    index,
    appraisal: 1,
    defects: index === 0 ? ["missing-evidence", "score-out-of-range"] : [],
  });
  const path = join(dir, unit.fileName);
  writeFileSync(path, await writeWorkbook(unit.sheets));
  units.push({ path, name: unit.truth.unitName, planted: unit.truth.planted.map((p) => p.code) });
}
const broken = join(dir, "hong.xlsx");
writeFileSync(broken, "this is not a zip file");
process.stdout.write(JSON.stringify({ units, broken }));
