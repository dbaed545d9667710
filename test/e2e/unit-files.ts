// Writes the .xlsx files the end-to-end run imports in the Ranking tab (read in the browser, never
// uploaded): two generated units and one file that is not a workbook at all. Prints their paths as JSON.
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { builtinRubric } from "../../src/core/rubric/builtin";
import type { Rubric } from "../../src/core/rubric/schema";
import { generateUnit } from "../../src/sample";
import { writeWorkbook } from "../../src/files/write-workbook";

const dir = resolve("test-output/e2e/files");
mkdirSync(dir, { recursive: true });
const rubric = builtinRubric("example-commune-2024") as Rubric;
const paths: string[] = [];
for (const index of [3, 4]) {
  const unit = generateUnit(rubric, { seed: 21, index, appraisal: 1 });
  const path = join(dir, unit.fileName);
  writeFileSync(path, await writeWorkbook(unit.sheets));
  paths.push(path);
}
const broken = join(dir, "hong.xlsx");
writeFileSync(broken, "this is not a zip file");
paths.push(broken);
process.stdout.write(JSON.stringify({ units: paths.slice(0, 2), broken }));
