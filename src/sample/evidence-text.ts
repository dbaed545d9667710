import { fold } from "../core/fold";
import type { Rng } from "./prng";

/**
 * Evidence and notes as units write them: a document's type, number, sign and date
 * ("Kế hoạch số 12/KH-UBND ngày 15/01/2024"), sometimes two documents, sometimes a link.
 */
interface DocType {
  name: string;
  sign: string;
}

const PLAN: DocType = { name: "Kế hoạch", sign: "KH" };
const REPORT: DocType = { name: "Báo cáo", sign: "BC" };
const DECISION: DocType = { name: "Quyết định", sign: "QĐ" };
const LETTER: DocType = { name: "Công văn", sign: "" };
const NOTICE: DocType = { name: "Thông báo", sign: "TB" };

/** The document a sub-criterion's wording asks for: a plan for "kế hoạch", a report for "báo cáo", … */
const foldedLabels = new Map<string, string>();

function docTypeFor(label: string, rng: Rng): DocType {
  let key = foldedLabels.get(label);
  if (key === undefined) {
    key = fold(label);
    if (foldedLabels.size < 10_000) foldedLabels.set(label, key);
  }
  if (key.includes("ke hoach")) return rng.chance(0.8) ? PLAN : REPORT;
  if (key.includes("bao cao")) return REPORT;
  if (key.includes("kiem tra") || key.includes("xu ly")) return rng.pick([PLAN, REPORT, NOTICE]);
  if (key.includes("quy che") || key.includes("phan cap") || key.includes("iso")) return DECISION;
  if (key.includes("cong khai") || key.includes("tuyen truyen")) return rng.pick([NOTICE, PLAN, REPORT]);
  return rng.pick([REPORT, DECISION, PLAN, LETTER]);
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function dateText(rng: Rng, year: number): string {
  return `${pad2(rng.int(1, 28))}/${pad2(rng.int(1, 12))}/${year}`;
}

/** Issuer sign: "UBND" for communes, the agency's initials for agencies ("SNV", "STP", "PNV"). */
export function issuerSign(unitName: string, level: string): string {
  if (level !== "agency") return "UBND";
  const words = fold(unitName)
    .replace(/ huyen .*/, "")
    .split(/[^a-z]+/)
    .filter((w) => w && !["va", "cac", "tinh"].includes(w));
  const initials = words.map((w) => w[0].toUpperCase()).join("");
  return initials.slice(0, 5) || "UBND";
}

export function documentText(doc: DocType, number: number, issuer: string, date: string): string {
  const sign = doc.sign ? `${doc.sign}-${issuer}` : `${issuer}-VP`;
  return `${doc.name} số ${number}/${sign} ngày ${date}`;
}

/** One or two documents dated inside the assessment year, or now and then a link. */
export function evidenceFor(label: string, rng: Rng, issuer: string, year: number, slug: string): string {
  if (rng.chance(0.06)) return `https://${slug}.gov.vn/van-ban/${year}/${rng.int(100, 999)}`;
  const first = documentText(docTypeFor(label, rng), rng.int(1, 250), issuer, dateText(rng, year));
  if (!rng.chance(0.25)) return first;
  const second = documentText(
    rng.pick([REPORT, NOTICE, DECISION]),
    rng.int(1, 250),
    issuer,
    dateText(rng, year),
  );
  return `${first}; ${second}`;
}

/** A document dated outside the assessment year: last year's plan re-used, or next year's. */
export function evidenceOutOfPeriod(label: string, rng: Rng, issuer: string, year: number): string {
  const wrongYear = rng.chance(0.7) ? year - rng.int(1, 2) : year + 1;
  return documentText(docTypeFor(label, rng), rng.int(1, 250), issuer, dateText(rng, wrongYear));
}

/** Evidence a reader cannot check: no number, no date, no link. */
export const UNVERIFIABLE_EVIDENCE = [
  "Có thực hiện đầy đủ",
  "Đã triển khai theo kế hoạch",
  "Có văn bản triển khai",
  "Thực hiện tốt",
  "Hồ sơ lưu tại Văn phòng",
];

export const APPRAISAL_NOTES = [
  "Tài liệu kiểm chứng chưa đầy đủ, trừ điểm",
  "Kế hoạch ban hành chậm so với quy định",
  "Báo cáo chưa đúng thời hạn",
  "Tỷ lệ thực hiện chưa đạt theo hướng dẫn",
  "Chưa cung cấp tài liệu chứng minh kết quả",
];

export const RESTORED_NOTE = "Đơn vị đã bổ sung tài liệu kiểm chứng, công nhận điểm tự chấm";
export const SURVEY_NOTE = "Theo kết quả điều tra xã hội học";

export function zeroExplanation(kind: string, rng: Rng): string {
  if (kind === "penalty") return rng.pick(["Không có vi phạm trong năm", "Không bị trừ điểm"]);
  if (kind === "bonus") return rng.pick(["Không có sáng kiến được công nhận", "Chưa được khen thưởng"]);
  return rng.pick(["Chưa thực hiện do thiếu nhân lực", "Chưa hoàn thành, sẽ khắc phục trong năm sau"]);
}
