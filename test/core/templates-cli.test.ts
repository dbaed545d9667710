import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { writeWorkbook } from "../../src/files/write-workbook";
import { agencyWorkbook, communeWorkbook, toSpec, withCells } from "./templates-fixtures";

/**
 * Issue #12's "must show", on the built command line: a province's Roman-area template imported with
 * `rubric import` keeps its codes, and `validate --json` names them in findings and area totals.
 */
const BIN = join(process.cwd(), "bin", "par-index.js");
let dir: string;

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, LANG: "en_US.UTF-8" },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "par-templates-"));
  writeFileSync(join(dir, "mau.xlsx"), await writeWorkbook([toSpec(communeWorkbook("Đơn vị: ……"))]));
  // 3.1 scored above its maximum (2 of 1), parents and total following.
  const unit = withCells(communeWorkbook(), [
    [16, 4, 2],
    [15, 4, { v: 2, f: "=E17+E18" }],
    [14, 4, { v: 2, f: "=E16" }],
    [18, 4, { v: 4.5, f: "=E8+E15" }],
  ]);
  writeFileSync(join(dir, "dien-hoa.xlsx"), await writeWorkbook([toSpec(unit)]));
  // An appraisal-only header: no self-score column recognised.
  const misread = withCells(agencyWorkbook(), [
    [3, 3, "Kết quả"],
    [4, 3, "Số"],
  ]);
  writeFileSync(join(dir, "pnv.xlsx"), await writeWorkbook([toSpec(misread)]));
}, 60_000);

describe("a Roman-area template on the command line", () => {
  it("rubric import prints the template's codes", () => {
    const r = cli(["rubric", "import", "mau.xlsx", "-o", "rubric.json"]);
    expect(r.status, r.stderr).toBe(0);
    const rubric = JSON.parse(readFileSync(join(dir, "rubric.json"), "utf8"));
    const codes: string[] = [];
    const walk = (items: { code: string; children?: unknown[] }[]) => {
      for (const i of items) {
        codes.push(i.code);
        if (i.children) walk(i.children as never);
      }
    };
    walk(rubric.items);
    expect(codes).toEqual(["I", "1", "1.1", "2", "2.1", "a)", "b)", "II", "3", "3.1", "3.2"]);
  });

  it("validate --json names the template's codes in findings and areas", () => {
    cli(["rubric", "import", "mau.xlsx", "-o", "rubric.json"]);
    const r = cli(["validate", "dien-hoa.xlsx", "--rubric", "rubric.json", "--json"]);
    const out = JSON.parse(r.stdout);
    const file = out.files[0];
    expect(file.totals.areas.map((a: { code: string }) => a.code)).toEqual(["I", "II"]);
    const errors = file.findings.filter((f: { severity: string }) => f.severity === "error");
    expect(
      errors.map((f: { code: string; address: string; item: string }) => `${f.code} ${f.address} ${f.item}`),
    ).toEqual(["score-out-of-range E17 3.1"]);
    expect(r.status).toBe(1);
  });

  it("--columns corrects a misread header; without it, missing-column says how", () => {
    cli(["rubric", "import", "mau.xlsx", "-o", "rubric.json"]);
    const before = JSON.parse(cli(["validate", "pnv.xlsx", "--no-rubric", "--json"]).stdout).files[0];
    const missing = before.findings.find(
      (f: { code: string; severity: string }) => f.code === "missing-column" && f.severity === "error",
    );
    expect(missing?.message.en).toContain("--columns self=");
    const after = JSON.parse(
      cli(["validate", "pnv.xlsx", "--no-rubric", "--json", "--columns", "self=D"]).stdout,
    ).files[0];
    expect(after.columns.self).toBe("D");
    expect(
      after.findings.filter(
        (f: { code: string; severity: string }) => f.code === "missing-column" && f.severity === "error",
      ),
    ).toEqual([]);
    expect(after.totals.areas.map((a: { code: string; self: number }) => [a.code, a.self])).toEqual([
      ["I", 2],
      ["II", 2],
    ]);
    const bad = cli(["validate", "pnv.xlsx", "--columns", "selv=D"]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("--columns");
  });
});
