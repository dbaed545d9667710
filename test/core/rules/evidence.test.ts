import { describe, expect, it } from "vitest";
import { emptyEntry } from "../../../src/core/entries";
import type { TableRow } from "../../../src/core/recognise";
import type { FlatItem } from "../../../src/core/rubric/tree";
import { checkEvidence } from "../../../src/core/rules/evidence";
import { brief, context, sheet } from "./table";

/** Item 1.1 (row 4) self-scored `self` with `evidence` in E4. */
function evidence(text: string | null, self = 1, options: { year?: number; explanation?: string } = {}) {
  const ctx = context(sheet(), options);
  const entry = { ...emptyEntry("1.1"), self, evidence: text };
  checkEvidence(
    ctx,
    ctx.items.get("1.1") as FlatItem,
    ctx.rowOf.get("1.1") as TableRow,
    entry,
    options.explanation ?? null,
  );
  return ctx.findings;
}

describe("rule: evidence", () => {
  it("a document number and a date in the year: nothing", () => {
    expect(evidence("Kế hoạch số 12/KH-UBND ngày 15/01/2024")).toEqual([]);
  });
  it("a score with no evidence and no explanation", () => {
    expect(evidence(null).map(brief)).toEqual([["missing-evidence", "warning", "E4", "1.1"]]);
  });
  it("no evidence but an explanation, or a zero score: nothing", () => {
    expect(evidence(null, 1, { explanation: "Đang trình ký" })).toEqual([]);
    expect(evidence(null, 0)).toEqual([]);
  });
  it("words with no number, date or link cannot be checked", () => {
    expect(evidence("Đã thực hiện đầy đủ").map(brief)).toEqual([
      ["evidence-unverifiable", "warning", "E4", "1.1"],
    ]);
  });
  it("a link is verifiable", () => {
    expect(evidence("Xem https://xa-anbinh.gov.vn/kh-cchc")).toEqual([]);
  });
  it("a date outside the assessment year, which comes from the options first", () => {
    const f = evidence("Kế hoạch số 3/KH-UBND ngày 20/12/2022");
    expect(f.map(brief)).toEqual([["evidence-out-of-period", "warning", "E4", "1.1"]]);
    expect([f[0].found, f[0].expected]).toEqual(["20/12/2022", 2024]);
    expect(evidence("Kế hoạch số 3/KH-UBND ngày 20/12/2022", 1, { year: 2022 })).toEqual([]);
  });
});
