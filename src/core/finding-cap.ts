import type { Finding, FindingCode } from "./finding";

/**
 * At most this many findings of one code per list (one unit's, or a workbook's own): a unit's table has a
 * few hundred items, so even a finding on every item of every score column stays under it; a hostile
 * or broken sheet with a million bad rows would otherwise spread a million findings into every report.
 */
export const FINDINGS_PER_CODE = 500;

/**
 * The findings with each code cut to its first `limit` (in the list's order) and, where any were cut,
 * one summary finding of the same code right after them: "n more of this kind", with `found` = n, so
 * counts and filters by code still see the kind. Lists under the limit come back as they are.
 */
export function capFindings(findings: readonly Finding[], limit = FINDINGS_PER_CODE): Finding[] {
  const total = new Map<FindingCode, number>();
  let over = false;
  for (const f of findings) {
    const n = (total.get(f.code) ?? 0) + 1;
    total.set(f.code, n);
    if (n > limit) over = true;
  }
  if (!over) return findings as Finding[];
  const kept = new Map<FindingCode, number>();
  const out: Finding[] = [];
  for (const f of findings) {
    const k = (kept.get(f.code) ?? 0) + 1;
    kept.set(f.code, k);
    if (k <= limit) out.push(f);
    if (k === limit && (total.get(f.code) ?? 0) > limit)
      out.push(summary(f, (total.get(f.code) ?? 0) - limit, limit));
  }
  return out;
}

function summary(last: Finding, more: number, limit: number): Finding {
  const n = more.toLocaleString("en");
  return {
    code: last.code,
    severity: last.severity,
    sheet: last.sheet,
    address: null,
    item: null,
    message: {
      vi: `… và ${more.toLocaleString("vi")} phát hiện khác cùng loại "${last.code}" (chỉ liệt kê ${limit} phát hiện đầu tiên mỗi loại).`,
      en: `… and ${n} more findings of this kind "${last.code}" (only the first ${limit} of each kind are listed).`,
    },
    found: more,
  };
}
