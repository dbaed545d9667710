/**
 * The layout zoo's generator: a variant (variant.ts) → a province's blank template and unit workbooks
 * laid out the way provinces lay them out, with defects PLANTED in one unit and every expectation
 * recorded as it is planted (columns, item rows, codes, findings by cell, totals).
 *
 * It never calls the engine it tests (no import of analyse, recognise, validate, score, rank or
 * src/sample): what a cell means is known here because this code put it there. Only types are shared.
 */
import type { ColumnRole } from "../../src/core/columns";
import type { CellValue } from "../../src/core/snapshot";
import { cellName, Grid } from "./grid";
import type { DefectKind, RoundWords, Variant } from "./variant";

export interface ExpectedItem {
  /** The code exactly as the template's cell shows it (a trailing dot or space included). */
  shown: string;
  /** The shown codes from the area down to this item. */
  path: string[];
  label: string;
  /** Hundredths of a point: every maximum and score here is a multiple of 0.25. */
  max: number;
  level: number;
  children: ExpectedItem[];
  /** 0-based sheet row, the same in the template and every unit (they share the layout). */
  row: number;
  /** Whether the written codes of its path tell it apart from every other item (false for "-" siblings). */
  pathUnique: boolean;
  /** Whether its written code alone is unique in the template (else findings need `itemPath`). */
  codeUnique: boolean;
}

export interface PlantedFinding {
  code:
    | "missing-evidence"
    | "score-out-of-range"
    | "number-as-text"
    | "missing-score"
    | "total-mismatch"
    | "formula-overwritten"
    | "missing-unit-name"
    | "score-not-allowed"
    | "evidence-unverifiable"
    | "evidence-not-listed"
    | "evidence-list-uncited";
  severity: "error" | "warning" | "info";
  /** Null only for a unit with no "Đơn vị: …" line at all: there is no cell to point to. */
  address: string | null;
  /** The item concerned; null for the grand total row. */
  item: ExpectedItem | null;
  /** The defect planted, or "no-unit-name" for a layout without a title block (the file name names the unit). */
  defect: DefectKind | "no-unit-name" | "na-not-allowed" | "link-missing" | "dangling-citation" | "uncited";
  /** The sheet the finding is on, where it is not the unit's own (the evidence list). */
  sheet?: string;
}

export interface GeneratedUnit {
  /** The unit as the ranking must name it: the title block's "Đơn vị: …", else the file name. */
  name: string;
  source: string;
  grid: Grid;
  /** Further sheets of the unit's workbook, after its own (the evidence list). */
  extraSheets: Grid[];
  clean: boolean;
  planted: PlantedFinding[];
  /**
   * Warnings the layout itself calls for on an otherwise clean unit: without a title block the unit has
   * no "Đơn vị: …" line, and the engine says it named the unit after the file (missing-unit-name).
   */
  layoutFindings: PlantedFinding[];
  /**
   * Per area, hundredths: the self total as counted (text "1,5" counts 1.5, an empty cell nothing), the
   * appraisers' total (null before appraisal) and the final one (each leaf's appraisal, else its self score).
   */
  areas: { code: string; self: number | null; appraised: number | null; final: number | null }[];
  /** Σ of the areas' self totals, hundredths. */
  total: number;
  /** Σ of the areas' final totals, hundredths. */
  finalTotal: number;
}

export interface GeneratedVariant {
  variant: Variant;
  columns: Partial<Record<ColumnRole, number>>;
  /** The header text (or "group / sub" text) each role's column carries, for legible failures. */
  headers: Partial<Record<ColumnRole, string>>;
  headerRow: number;
  headerRowCount: number;
  items: ExpectedItem[];
  flat: ExpectedItem[];
  totalRow: number | null;
  /** Rows that are not items (title, header, number row, headings, separators, notes, signatures). */
  nonItemRows: number[];
  template: Grid;
  units: GeneratedUnit[];
  year: number;
  /** The rating note planted under the table (its cell on the template) and the bands it states, best first. */
  rating: {
    address: string;
    text: string;
    bands: { label: string; min: number; minInclusive: boolean }[];
  } | null;
}

const YEAR = 2024;

// ── randomness the variant's seed drives ─────────────────────────────────────────────────────────
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)];
const int = (rng: Rng, lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));
function shuffle<T>(rng: Rng, xs: readonly T[]): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Hundredths → the number a cell holds. */
const pts = (h: number): number => h / 100;

// ── the rubric tree and its codes ────────────────────────────────────────────────────────────────
const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];
const AREA_LABELS = [
  "Công tác chỉ đạo, điều hành cải cách hành chính",
  "Xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật",
  "Cải cách thủ tục hành chính",
  "Cải cách tổ chức bộ máy hành chính",
  "Xây dựng và nâng cao chất lượng đội ngũ cán bộ, công chức",
  "Cải cách tài chính công",
  "Xây dựng và phát triển chính quyền điện tử, chính quyền số",
  "Thực hiện cơ chế một cửa, một cửa liên thông",
];
const CRITERION_TOPICS = [
  "Kế hoạch cải cách hành chính",
  "Báo cáo cải cách hành chính",
  "Kiểm tra cải cách hành chính",
  "Tuyên truyền cải cách hành chính",
  "Công khai thủ tục hành chính",
  "Giải quyết hồ sơ thủ tục hành chính",
  "Tiếp nhận phản ánh, kiến nghị",
  "Rà soát văn bản quy phạm pháp luật",
  "Bố trí cán bộ, công chức",
  "Đào tạo, bồi dưỡng công chức",
  "Quản lý, sử dụng kinh phí",
  "Ứng dụng công nghệ thông tin",
];
const SUB_ACTIONS = [
  "Ban hành đúng thời hạn",
  "Mức độ hoàn thành",
  "Tỷ lệ thực hiện đúng hạn",
  "Nội dung đầy đủ theo hướng dẫn",
  "Công bố, công khai kịp thời",
  "Phân công trách nhiệm rõ ràng",
  "Theo dõi, đôn đốc thực hiện",
  "Đánh giá kết quả thực hiện",
  "Cập nhật trên cổng thông tin",
  "Xử lý sau kiểm tra",
  "Lưu trữ hồ sơ đầy đủ",
  // An item, whatever its first word: "Tổng …" here is no total row.
  "Tổng hợp, báo cáo kết quả",
];
const LETTERS = "abcdefgh";

interface Shape {
  /** Per area, per criterion: sub-criteria count (0: the criterion is scored itself). */
  areas: number[][];
  /** Leaves (by order of appearance) that get letter children, with their count. */
  lettered: Map<number, number>;
}

function drawShape(v: Variant, rng: Rng): Shape {
  const areas: number[][] = [];
  for (let a = 0; a < v.areas; a++) {
    const crits: number[] = [];
    const n = int(rng, 1, 3);
    for (let c = 0; c < n; c++) crits.push(pick(rng, [0, 0, 2, 3]));
    areas.push(crits);
  }
  if (v.wide) areas[0][0] = int(rng, 10, 11);
  const leaves = areas.flat().reduce((s, k) => s + Math.max(k, 1), 0);
  const lettered = new Map<number, number>();
  if (v.letters !== "none") {
    for (let i = 0; i < leaves; i++) if (rng() < 0.3) lettered.set(i, int(rng, 2, 3));
    if (lettered.size === 0) lettered.set(int(rng, 0, leaves - 1), 2);
  }
  return { areas, lettered };
}

function buildTree(v: Variant, rng: Rng): ExpectedItem[] {
  const shape = drawShape(v, rng);
  const roman = v.codes !== "dotted";
  let across = 0;
  let leafIndex = 0;
  let topic = int(rng, 0, CRITERION_TOPICS.length - 1);
  const areas: ExpectedItem[] = [];
  shape.areas.forEach((crits, a) => {
    const area = node(roman ? ROMAN[a] : `${a + 1}`, AREA_LABELS[a % AREA_LABELS.length], 1, []);
    crits.forEach((subs, c) => {
      across++;
      const critCode =
        v.codes === "roman-across"
          ? `${across}`
          : v.codes === "roman-restart"
            ? `${c + 1}`
            : `${a + 1}.${c + 1}`;
      const critLabel = `${CRITERION_TOPICS[topic++ % CRITERION_TOPICS.length]}${a > 0 ? ` (lĩnh vực ${a + 1})` : ""}`;
      const crit = node(critCode, critLabel, 2, [area.shown]);
      area.children.push(crit);
      const scored = subs === 0 ? [crit] : [];
      for (let s = 0; s < subs; s++) {
        const sub = node(
          `${critCode}.${s + 1}`,
          `${SUB_ACTIONS[(s + c) % SUB_ACTIONS.length]} – ${critLabel.toLowerCase()} ${s + 1}`,
          3,
          [...crit.path],
        );
        crit.children.push(sub);
        scored.push(sub);
      }
      for (const leaf of scored) {
        const letters = shape.lettered.get(leafIndex++);
        if (!letters) continue;
        for (let l = 0; l < letters; l++) {
          const code = v.letters === "-" ? "-" : `${LETTERS[l]}${v.letters === "a)" ? ")" : "."}`;
          leaf.children.push(
            node(
              code,
              `${SUB_ACTIONS[(l + 3) % SUB_ACTIONS.length]} (${leaf.label.toLowerCase()}, ý ${l + 1})`,
              leaf.level + 1,
              [...leaf.path],
            ),
          );
        }
      }
    });
    areas.push(area);
  });
  setMaxima(areas, rng);
  return areas;
}

function node(shown: string, label: string, level: number, parentPath: string[]): ExpectedItem {
  return {
    shown,
    path: [...parentPath, shown],
    label,
    max: 0,
    level,
    children: [],
    row: -1,
    pathUnique: true,
    codeUnique: true,
  };
}

function setMaxima(items: ExpectedItem[], rng: Rng): number {
  let sum = 0;
  for (const it of items) {
    if (it.children.length) it.max = setMaxima(it.children, rng);
    else
      it.max =
        it.shown.endsWith(")") || it.shown.endsWith(".") || it.shown === "-"
          ? pick(rng, [50, 100])
          : pick(rng, [100, 150, 200, 250, 300]);
    sum += it.max;
  }
  return sum;
}

export function flatten(items: ExpectedItem[]): ExpectedItem[] {
  return items.flatMap((i) => [i, ...flatten(i.children)]);
}

const isLetter = (it: ExpectedItem) => it.level >= 3 && /^([a-h][).]|-)$/.test(it.shown);

/** Written forms: trailing dots/spaces, numbers stored with a format. Decided per item, recorded in `shown`. */
interface CodeCell {
  value: CellValue;
  numberFormat?: string;
}

function decideCodeCells(v: Variant, flat: ExpectedItem[], rng: Rng): Map<ExpectedItem, CodeCell> {
  const cells = new Map<ExpectedItem, CodeCell>();
  for (const it of flat) {
    const code = it.shown;
    // "1.10" is always stored as a number when codes are: the case where the value alone (1.1) lies.
    const trailingZero = /\.\d*0$/.test(code);
    if (!isLetter(it) && v.numericCodes && /^\d+(\.\d+)?$/.test(code) && (trailingZero || rng() < 0.7)) {
      // "1.10" needs a format to show its zero; "1.1" and "12" are shown as typed by "@" or General.
      const decimals = code.includes(".") ? code.split(".")[1].length : 0;
      cells.set(it, {
        value: Number(code),
        numberFormat: trailingZero ? `0.${"0".repeat(decimals)}` : pick(rng, ["@", "General"]),
      });
      continue;
    }
    if (!isLetter(it) && v.decoratedCodes && rng() < 0.4) {
      const shown = `${code}${pick(rng, [".", " ", ". "])}`;
      rename(it, shown);
    }
    cells.set(it, { value: it.shown });
  }
  return cells;
}

/** A decorated code is what the template shows: the paths below it show it too. */
function rename(it: ExpectedItem, shown: string): void {
  const depth = it.path.length - 1;
  it.shown = shown;
  for (const d of flatten([it])) d.path[depth] = shown;
}

/** Trailing dots and spaces are decoration, not part of the code: how two codes are compared. */
export function bareCode(shown: string): string {
  return shown.trim().replace(/(?<=[0-9IVXLivxl])\.$/, "");
}

function markUniqueness(flat: ExpectedItem[]): void {
  const byCode = new Map<string, number>();
  const byPath = new Map<string, number>();
  for (const it of flat) {
    byCode.set(bareCode(it.shown), (byCode.get(bareCode(it.shown)) ?? 0) + 1);
    const p = it.path.map(bareCode).join("/");
    byPath.set(p, (byPath.get(p) ?? 0) + 1);
  }
  for (const it of flat) {
    it.codeUnique = byCode.get(bareCode(it.shown)) === 1;
    it.pathUnique = byPath.get(it.path.map(bareCode).join("/")) === 1;
  }
}

// ── columns and header ───────────────────────────────────────────────────────────────────────────
type Block = ColumnRole[];

interface Layout {
  order: ColumnRole[];
  col: Partial<Record<ColumnRole, number>>;
  headers: Partial<Record<ColumnRole, string>>;
  /** Header cells: [row offset, col, text] plus merges [r1, c1, r2, c2] (offsets from the header row). */
  headerCells: [number, number, string][];
  headerMerges: [number, number, number, number][];
}

function layoutColumns(v: Variant, rng: Rng): Layout {
  // Evidence before the score, as issue #12 found it; any order within the group when columns move.
  const usual: ColumnRole[] = v.explanation ? ["evidence", "self", "explanation"] : ["evidence", "self"];
  const selfGroup = v.shuffleColumns ? shuffle(rng, usual) : usual;
  const appraisal: ColumnRole[] =
    v.appraisalRounds === 2 ? ["appraised1", "appraised2"] : v.appraisalRounds === 1 ? ["appraised1"] : [];
  const scores: Block[] = [["max"], selfGroup, ...(appraisal.length ? [appraisal] : [])];
  let blocks: Block[] = [["code"], ["label"], ...(v.guidance ? [["guidance"] as Block] : [])];
  const tail: Block[] = v.note ? [["note"]] : [];
  if (v.headerRows === 3) {
    // Three header rows: one cell over max, self group and appraisal group, so they stay together.
    blocks.push(scores.flat());
    blocks.push(...tail);
  } else {
    blocks.push(...scores, ...tail);
  }
  if (v.shuffleColumns) blocks = shuffle(rng, blocks);
  const order = blocks.flat();
  const col: Partial<Record<ColumnRole, number>> = {};
  order.forEach((r, i) => {
    col[r] = i;
  });
  const headers: Partial<Record<ColumnRole, string>> = {};
  const headerCells: [number, number, string][] = [];
  const headerMerges: [number, number, number, number][] = [];
  const h = v.headerRows;
  // Header words seen in provinces' templates; a cell typed with Alt+Enter breaks its line anywhere.
  const plain: Record<ColumnRole, string> = {
    code: pick(rng, ["TT", "STT", "Mã số", "Số TT"]),
    label: pick(rng, [
      "Nội dung tiêu chí",
      "Lĩnh vực, tiêu chí, tiêu chí thành phần",
      "Tiêu chí, tiêu chí thành phần",
      "Lĩnh vực/Tiêu chí/Tiêu chí thành phần",
      "Tiêu chí đánh giá",
    ]),
    max: pick(rng, ["Điểm tối đa", "Điểm chuẩn", "Thang điểm"]),
    guidance: pick(rng, ["Hướng dẫn chấm điểm", "Cách chấm điểm", "Phương pháp chấm điểm"]),
    self: pick(rng, ["Điểm tự đánh giá", "Điểm tự chấm", "Điểm đơn vị tự chấm"]),
    evidence: pick(rng, ["Tài liệu kiểm chứng", "TLKC", "Tài liệu kiểm chứng (số, ký hiệu, ngày ban hành)"]),
    explanation: pick(rng, ["Giải trình", "Giải trình (nếu có)"]),
    appraised1:
      v.appraisalRounds === 2
        ? pick(rng, ["Điểm thẩm định lần 1", "Thẩm định lần 1"])
        : pick(rng, ["Điểm thẩm định", "Điểm Hội đồng thẩm định"]),
    appraised2: "Điểm thẩm định lần 2",
    note: pick(rng, ["Ghi chú", "Ý kiến thẩm định", "Nhận xét của Tổ thẩm định"]),
  };
  if (v.appraisalRounds === 2 && plain.appraised1 === "Thẩm định lần 1") plain.appraised2 = "Thẩm định lần 2";
  // Rounds told apart by their wording (#23 item 1), chosen by the variant, not drawn.
  const rounds = v.appraisalRounds === 2 ? v.roundWords : undefined;
  if (rounds) Object.assign(plain, ROUND_HEADERS[rounds]);
  for (const role of Object.keys(plain) as ColumnRole[]) plain[role] = lineBreak(rng, plain[role]);
  const vertical = (role: ColumnRole, top: number) => {
    const c = col[role] as number;
    headerCells.push([top, c, plain[role]]);
    headerMerges.push([top, c, h - 1, c]);
    headers[role] = plain[role];
  };
  if (h === 1) {
    for (const r of order) vertical(r, 0);
    return { order, col, headers, headerCells, headerMerges };
  }
  const top = h === 3 ? 1 : 0;
  if (h === 3) {
    const first = col.max as number;
    const last = first + scores.flat().length - 1;
    headerCells.push([0, first, lineBreak(rng, pick(rng, ["Điểm số", "Kết quả chấm điểm", "ĐIỂM"]))]);
    headerMerges.push([0, first, 0, last]);
  }
  for (const r of order) {
    if (selfGroup.includes(r) || (appraisal.length === 2 && appraisal.includes(r))) continue;
    // Under a three-row header the columns below the top cell start one row lower.
    vertical(r, h === 3 && scores.flat().includes(r) ? top : 0);
  }
  const selfTop = lineBreak(
    rng,
    pick(rng, ["Điểm tự đánh giá", "Đơn vị tự đánh giá", "Kết quả tự đánh giá"]),
  );
  const subs: Partial<Record<ColumnRole, string>> = {
    evidence: pick(rng, ["Tài liệu kiểm chứng", "TLKC"]),
    self: pick(rng, ["Điểm", "Điểm số"]),
    explanation: rounds === "sau giải trình" ? "Giải trình của đơn vị" : "Giải trình",
  };
  group(selfTop, selfGroup, subs);
  if (appraisal.length === 2)
    group(
      pick(rng, ["Điểm thẩm định", "Kết quả thẩm định", "Hội đồng thẩm định"]),
      appraisal,
      rounds ? ROUND_SUBS[rounds] : { appraised1: "Lần 1", appraised2: "Lần 2" },
    );
  return { order, col, headers, headerCells, headerMerges };

  function group(title: string, roles: ColumnRole[], names: Partial<Record<ColumnRole, string>>) {
    const first = col[roles[0]] as number;
    headerCells.push([top, first, title]);
    headerMerges.push([top, first, top, first + roles.length - 1]);
    for (const r of roles) {
      headerCells.push([top + 1, col[r] as number, names[r] as string]);
      if (top + 1 < h - 1) headerMerges.push([top + 1, col[r] as number, h - 1, col[r] as number]);
      headers[r] = `${title} / ${names[r]}`;
    }
  }
}

/** Single-row headers per round wording: the unit's explanation column is always beside them. */
const ROUND_HEADERS: Record<RoundWords, Partial<Record<ColumnRole, string>>> = {
  lần: { appraised1: "Điểm thẩm định lần 1", appraised2: "Điểm thẩm định lần 2" },
  vòng: { appraised1: "Điểm thẩm định vòng 1", appraised2: "Điểm thẩm định vòng 2" },
  "sau giải trình": {
    appraised1: "Điểm thẩm định lần 1",
    appraised2: "Điểm thẩm định lần 2 (sau giải trình)",
    explanation: "Giải trình của đơn vị",
  },
  "sau phúc tra": { appraised1: "Điểm thẩm định", appraised2: "Điểm sau phúc tra" },
};

/** The round names under a group cell ("Điểm thẩm định" over them). */
const ROUND_SUBS: Record<RoundWords, Partial<Record<ColumnRole, string>>> = {
  lần: { appraised1: "Lần 1", appraised2: "Lần 2" },
  vòng: { appraised1: "Vòng 1", appraised2: "Vòng 2" },
  "sau giải trình": { appraised1: "Lần 1", appraised2: "Lần 2 (sau giải trình)" },
  "sau phúc tra": { appraised1: "Lần 1", appraised2: "Sau phúc tra" },
};

/** A header typed with Alt+Enter: one space becomes a line break, a time in four. */
function lineBreak(rng: Rng, text: string): string {
  const spaces = [...text.matchAll(/ /g)].map((m) => m.index as number);
  if (!spaces.length || rng() >= 0.25) return text;
  const at = spaces[Math.floor(spaces.length / 2)];
  return `${text.slice(0, at)}\n${text.slice(at + 1)}`;
}

// ── title block and footer ───────────────────────────────────────────────────────────────────────
const TITLE_LINES = [
  "UBND TỈNH QUẢNG NAM",
  "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
  "Độc lập - Tự do - Hạnh phúc",
  "",
  `BIỂU TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM ${YEAR}`,
  `(Kèm theo Kế hoạch số 15/KH-UBND ngày 10/01/${YEAR} của UBND tỉnh)`,
  "",
];

/** The title lines for `n` rows; the "Đơn vị: …" line is among them whenever n ≥ 1 (null marks it). */
function titleLines(n: number): (string | null)[] {
  if (n === 0) return [];
  const others = TITLE_LINES.slice(0, n - 1);
  const at = Math.min(others.length, 6);
  return [...others.slice(0, at), null, ...others.slice(at)];
}

const UNIT_NAMES = [
  ["UBND xã An Bình", "Xa-An-Binh"],
  ["UBND xã Tân Phú", "Xa-Tan-Phu"],
  ["UBND phường Hòa Thuận", "Phuong-Hoa-Thuan"],
  ["Phòng Nội vụ", "Phong-Noi-vu"],
  ["Sở Tư pháp", "So-Tu-phap"],
  ["UBND thị trấn Nam Phước", "Thi-tran-Nam-Phuoc"],
];

const EVIDENCE = [
  `Kế hoạch số 12/KH-UBND ngày 15/01/${YEAR}`,
  `Báo cáo số 45/BC-UBND ngày 20/11/${YEAR}`,
  `Quyết định số 101/QĐ-UBND ngày 03/03/${YEAR}`,
  `Thông báo 7/TB-UBND ngày 12/06/${YEAR}`,
  `https://vanban.quangnam.gov.vn/vb/2024-101`,
  // Evidence cells list several documents, one a line, often with dashes.
  `- Kế hoạch số 12/KH-UBND ngày 15/01/${YEAR};\n- Báo cáo số 45/BC-UBND ngày 20/11/${YEAR}`,
];

// ── the sheet ────────────────────────────────────────────────────────────────────────────────────
interface LeafCells {
  self: { value: CellValue; formula?: string; numberFormat?: string } | null;
  evidence: string | null;
  /** A hyperlink stored on the evidence cell. */
  evidenceLink?: string;
  explanation: string | null;
  /** The appraisers' latest score (hundredths): round 2's where there are two rounds; null before appraisal. */
  appraised: number | null;
  /** Round 1's score where there are two rounds (round 2 may give back what round 1 took off). */
  round1: number | null;
  /** The appraiser's note where the appraised score differs from the self score. */
  note: string | null;
  /**
   * A not-applicable word in the self cell: "allowed" counts the item's maximum (full-points policy),
   * "refused" (the item does not allow it) counts nothing (no score at all).
   */
  notApplicable?: "allowed" | "refused";
}

interface Skeleton {
  layout: Layout;
  width: number;
  headerRow: number;
  unitNameRow: number | null;
  titleRows: (string | null)[];
  numberRow: number | null;
  headingRow: number | null;
  /** A second part's heading before the last area ("PHẦN B. …"), where there are three areas or more. */
  secondHeadingRow: number | null;
  totalRow: number | null;
  separatorRows: number[];
  footerRows: number;
  firstFooterRow: number;
  hiddenLeaf: ExpectedItem | null;
  codeCells: Map<ExpectedItem, CodeCell>;
  /** The rating note's row and text, or null. */
  rating: {
    row: number;
    text: string;
    bands: { label: string; min: number; minInclusive: boolean }[];
  } | null;
  /** Leaves whose guidance says "không phát sinh thì được tính điểm tối đa" (naWords variants only). */
  naAllowed: Set<ExpectedItem>;
}

export function generateVariant(v: Variant): GeneratedVariant {
  const rng = prng(v.seed);
  const items = buildTree(v, rng);
  const flat = flatten(items);
  const codeCells = decideCodeCells(v, flat, rng);
  markUniqueness(flat);
  const layout = layoutColumns(v, rng);
  const width = layout.order.length;

  // Rows, top to bottom.
  const titles = titleLines(v.titleRows);
  let r = titles.length;
  if (titles.length && rng() < 0.5) r++; // a blank row between the title block and the table
  const headerRow = r;
  r += v.headerRows;
  const numberRow = v.numberRow === "none" ? null : r++;
  let totalRow: number | null = null;
  if (v.total === "top") totalRow = r++;
  const headingRow = v.sectionHeading ? r++ : null;
  const separatorRows: number[] = [];
  let secondHeadingRow: number | null = null;
  items.forEach((area, a) => {
    if (v.separators && a > 0) separatorRows.push(r++);
    if (v.sectionHeading && a > 1 && a === items.length - 1) secondHeadingRow = r++;
    for (const it of flatten([area])) it.row = r++;
  });
  if (v.total === "bottom") totalRow = r++;
  const firstFooterRow = r + 1;
  const footerRows = v.footer ? 8 : 0;
  const leaves = flat.filter((i) => i.children.length === 0);
  const hiddenLeaf = v.hiddenRows ? pick(rng, leaves) : null;
  const skeleton: Skeleton = {
    layout,
    width,
    headerRow,
    unitNameRow: titles.indexOf(null) >= 0 ? titles.indexOf(null) : null,
    titleRows: titles,
    numberRow,
    headingRow,
    secondHeadingRow,
    totalRow,
    separatorRows,
    footerRows,
    firstFooterRow,
    hiddenLeaf,
    codeCells,
    rating: v.ratingNote ? ratingNote(v, firstFooterRow + footerRows + 1) : null,
    naAllowed: new Set(
      v.naWords && v.guidance && v.appraisalRounds === 0 ? leaves.filter((_, i) => i % 3 === 1) : [],
    ),
  };

  const template = drawSheet(v, skeleton, items, "Biểu chấm điểm", null, new Map());

  const units: GeneratedUnit[] = [];
  const names = shuffle(rng, UNIT_NAMES).slice(0, 3);
  names.forEach(([name, slug], k) => {
    const defective = k === 2 && v.defects.length > 0;
    const cells = cleanScores(v, leaves, rng);
    writeNotApplicable(skeleton, cells, k);
    if (v.linkedEvidence) linkEvidence(leaves, cells, k);
    const planted = defective ? plant(v, skeleton, leaves, cells, rng) : [];
    const list = v.evidenceList ? citeList(leaves, cells, planted, defective) : null;
    const grid = drawSheet(
      v,
      skeleton,
      items,
      pick(rng, ["Tự đánh giá", "Biểu chấm điểm", "Sheet1"]),
      name,
      cells,
    );
    if (defective && v.defects.includes("total-overwritten") && totalRow !== null) {
      const c = layout.col.self as number;
      const correct = grid.get(totalRow, c)?.value as number;
      grid.set(totalRow, c, round2(correct + 5));
      const address = cellName(totalRow, c);
      planted.push(
        { code: "total-mismatch", severity: "error", address, item: null, defect: "total-overwritten" },
        {
          code: "formula-overwritten",
          severity: "warning",
          address,
          item: null,
          defect: "total-overwritten",
        },
      );
    }
    const areaTotals = items.map((a) => ({
      code: a.shown,
      self: counted(a, cells),
      appraised: appraisedSum(a, cells),
      final: finalSum(a, cells),
    }));
    units.push({
      name: titles.length ? name : slug,
      source: `${slug}.xlsx`,
      grid,
      extraSheets: list ? [list] : [],
      clean: planted.length === 0,
      planted,
      layoutFindings: titles.length
        ? []
        : [
            {
              code: "missing-unit-name",
              severity: "warning",
              address: null,
              item: null,
              defect: "no-unit-name",
            },
          ],
      areas: areaTotals,
      total: areaTotals.reduce((s, a) => s + (a.self ?? 0), 0),
      finalTotal: areaTotals.reduce((s, a) => s + (a.final ?? 0), 0),
    });
  });

  const nonItemRows = [
    ...titles.map((_, i) => i),
    ...Array.from({ length: v.headerRows }, (_, i) => headerRow + i),
    ...(numberRow === null ? [] : [numberRow]),
    ...(headingRow === null ? [] : [headingRow]),
    ...(secondHeadingRow === null ? [] : [secondHeadingRow]),
    ...separatorRows,
    ...Array.from({ length: footerRows }, (_, i) => firstFooterRow + i),
    ...(skeleton.rating ? [skeleton.rating.row] : []),
  ];
  return {
    variant: v,
    columns: layout.col,
    headers: layout.headers,
    headerRow,
    headerRowCount: v.headerRows,
    items,
    flat,
    totalRow,
    nonItemRows,
    template,
    units,
    year: YEAR,
    rating: skeleton.rating
      ? {
          address: cellName(skeleton.rating.row, 0),
          text: skeleton.rating.text,
          bands: skeleton.rating.bands,
        }
      : null,
  };
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** A clean unit: every leaf scored (full, half or nothing), evidence for every positive score. */
/**
 * A clean unit: every leaf scored (full, half or nothing), evidence for every positive score. Where the
 * template has appraisal columns the appraisers have been through it: every round holds a score for every
 * leaf, the self score or, with a note column to say why, a lower one.
 */
function cleanScores(v: Variant, leaves: ExpectedItem[], rng: Rng): Map<ExpectedItem, LeafCells> {
  const cells = new Map<ExpectedItem, LeafCells>();
  for (const leaf of leaves) {
    const h = pick(rng, [leaf.max, leaf.max, leaf.max, Math.floor(leaf.max / 50) * 25, 0]);
    const self: LeafCells["self"] = { value: pts(h) };
    if (v.formulaScores && h > 0 && rng() < 0.4) {
      const step = h % 50 === 0 ? 50 : 25;
      self.formula = `=${pts(step)}*${h / step}`;
    } else if (v.percentFormat && rng() < 0.4) self.numberFormat = "0%";
    const lowered = v.appraisalRounds > 0 && v.note && h > 0 && rng() < 0.25;
    cells.set(leaf, {
      self,
      evidence: h > 0 ? pick(rng, EVIDENCE) : null,
      explanation: h === 0 && v.explanation && rng() < 0.5 ? "Chưa hoàn thành trong năm đánh giá" : null,
      ...appraisal(v, h, lowered, rng),
      note: lowered ? "Tài liệu kiểm chứng chưa đầy đủ, trừ điểm" : null,
    });
  }
  return cells;
}

/** Round 1 takes points off where `lowered`; with a second round, it gives them back half the time. */
function appraisal(
  v: Variant,
  h: number,
  lowered: boolean,
  rng: Rng,
): { appraised: number | null; round1: number | null } {
  if (v.appraisalRounds === 0) return { appraised: null, round1: null };
  const first = lowered ? Math.floor(h / 50) * 25 : h;
  const latest = v.appraisalRounds === 2 && lowered && rng() < 0.5 ? h : first;
  return { appraised: latest, round1: first };
}

/** Plants the variant's defects on distinct leaves of one unit; returns what each must produce. */
function plant(
  v: Variant,
  s: Skeleton,
  leaves: ExpectedItem[],
  cells: Map<ExpectedItem, LeafCells>,
  rng: Rng,
): PlantedFinding[] {
  const planted: PlantedFinding[] = [];
  // The defective unit is a fresh submission: the appraisers have not been through it yet.
  for (const c of cells.values()) {
    c.appraised = null;
    c.round1 = null;
    c.note = null;
  }
  const free = shuffle(rng, leaves);
  const selfAt = (it: ExpectedItem) => cellName(it.row, s.layout.col.self as number);
  const evidenceAt = (it: ExpectedItem) => cellName(it.row, s.layout.col.evidence as number);
  // One planted defect on one leaf: the leaf's cells as the defect writes them, and the finding expected.
  const plant = (leaf: ExpectedItem, over: Partial<LeafCells>, finding: Omit<PlantedFinding, "item">) => {
    Object.assign(cells.get(leaf) as LeafCells, { explanation: null, ...over });
    planted.push({ ...finding, item: leaf });
  };
  if (s.naAllowed.size) {
    // "Không áp dụng" on a leaf whose guidance does not allow it: an error at the cell, counted as nothing.
    const leaf = free.find((it) => !s.naAllowed.has(it));
    if (leaf) {
      free.splice(free.indexOf(leaf), 1);
      plant(
        leaf,
        { self: { value: "Không áp dụng" }, evidence: null, notApplicable: "refused" },
        { code: "score-not-allowed", severity: "error", address: selfAt(leaf), defect: "na-not-allowed" },
      );
    }
  }
  if (v.evidenceList) {
    // A citation of a number the list lacks (citeList leaves it as it is).
    const leaf = free.pop();
    if (leaf)
      plant(
        leaf,
        {
          self: { value: pts(leaf.max) },
          evidence: DANGLING,
          evidenceLink: undefined,
          notApplicable: undefined,
        },
        {
          code: "evidence-not-listed",
          severity: "warning",
          address: evidenceAt(leaf),
          defect: "dangling-citation",
        },
      );
  }
  if (v.linkedEvidence) {
    // "Xem tài liệu" with no link on the cell: nothing the appraisers can find.
    const leaf = free.pop();
    if (leaf)
      plant(
        leaf,
        {
          self: { value: pts(leaf.max) },
          evidence: LINK_TEXT,
          evidenceLink: undefined,
          notApplicable: undefined,
        },
        {
          code: "evidence-unverifiable",
          severity: "warning",
          address: evidenceAt(leaf),
          defect: "link-missing",
        },
      );
  }
  for (const defect of v.defects) {
    if (defect === "total-overwritten") continue; // planted on the drawn sheet (needs the cached total)
    const leaf = free.pop();
    if (!leaf) break;
    const c = cells.get(leaf) as LeafCells;
    c.notApplicable = undefined; // the defect's own score replaces any not-applicable word
    switch (defect) {
      case "missing-evidence":
        c.self = { value: pts(leaf.max) };
        c.evidence = null;
        c.explanation = null;
        planted.push({
          code: "missing-evidence",
          severity: "warning",
          address: evidenceAt(leaf),
          item: leaf,
          defect,
        });
        break;
      case "over-max":
        c.self = { value: pts(leaf.max + 100) };
        c.evidence = EVIDENCE[0];
        planted.push({
          code: "score-out-of-range",
          severity: "error",
          address: selfAt(leaf),
          item: leaf,
          defect,
        });
        break;
      case "text-comma":
        c.self = { value: leaf.max >= 150 ? "1,5" : "0,5", numberFormat: "@" };
        c.evidence = EVIDENCE[1];
        planted.push({
          code: "number-as-text",
          severity: "warning",
          address: selfAt(leaf),
          item: leaf,
          defect,
        });
        break;
      case "missing-self":
        c.self = null;
        c.evidence = EVIDENCE[2];
        planted.push({ code: "missing-score", severity: "error", address: selfAt(leaf), item: leaf, defect });
        break;
    }
  }
  return planted;
}

/**
 * "Xếp loại: Xuất sắc từ 90 điểm trở lên; Tốt từ 80 đến dưới 90; …; Yếu dưới 50", thresholds from the
 * seed, the top one sometimes "trên" (not included); the bands it states, best first ("dưới" is from 0).
 */
function ratingNote(v: Variant, row: number): NonNullable<Skeleton["rating"]> {
  const rng = prng(v.seed + 5);
  const [top, good, fair, pass] = [pick(rng, [85, 90, 95]), pick(rng, [75, 80]), pick(rng, [65, 70]), 50];
  const above = rng() < 0.5;
  const text = [
    `Xếp loại: Xuất sắc ${above ? "trên" : "từ"} ${top} điểm${above ? "" : " trở lên"}`,
    `Tốt từ ${good} đến ${above ? "" : "dưới "}${top} điểm`,
    `Khá từ ${fair} đến dưới ${good} điểm`,
    `Trung bình từ ${pass} đến dưới ${fair} điểm`,
    `Yếu dưới ${pass} điểm.`,
  ].join("; ");
  return {
    row,
    text,
    bands: [
      { label: "Xuất sắc", min: top, minInclusive: !above },
      { label: "Tốt", min: good, minInclusive: true },
      { label: "Khá", min: fair, minInclusive: true },
      { label: "Trung bình", min: pass, minInclusive: true },
      { label: "Yếu", min: 0, minInclusive: true },
    ],
  };
}

const LINK_TEXT = "Xem tài liệu";
/** Far beyond any list the zoo draws (a few dozen entries). */
const DANGLING = "TL 950";
export const LIST_SHEET = "Danh mục TLKC";

/**
 * Rewrites every plain evidence cell as a citation of the list, cycling "TL 05", "TL05", "05; 06",
 * "TL 05-07" over consecutive numbers, and draws the list: the numbers cited, then two nobody cites.
 * On the defective unit records the one evidence-list-uncited note, at the first uncited number.
 */
function citeList(
  leaves: ExpectedItem[],
  cells: Map<ExpectedItem, LeafCells>,
  planted: PlantedFinding[],
  defective: boolean,
): Grid {
  const two = (n: number) => String(n).padStart(2, "0");
  let next = 1;
  let form = 0;
  for (const leaf of leaves) {
    const c = cells.get(leaf);
    if (!c?.evidence || c.evidenceLink || c.evidence === DANGLING || c.evidence === LINK_TEXT) continue;
    const n = next;
    const kind = form++ % 4;
    c.evidence = [`TL ${two(n)}`, `TL${two(n)}`, `${two(n)}; ${two(n + 1)}`, `TL ${two(n)}-${two(n + 2)}`][
      kind
    ];
    next += [1, 1, 2, 3][kind];
  }
  const g = new Grid(LIST_SHEET);
  g.set(0, 0, "DANH MỤC TÀI LIỆU KIỂM CHỨNG");
  g.merge(0, 0, 0, 3);
  for (const [col, h] of ["STT", "Số, ký hiệu", "Ngày ban hành", "Trích yếu"].entries()) g.set(2, col, h);
  const kinds = ["KH", "BC", "QĐ", "TB"];
  for (let n = 1; n <= next + 1; n++) {
    const row = 2 + n;
    g.set(row, 0, n);
    g.set(row, 1, `${n}/${kinds[n % 4]}-UBND`);
    g.set(row, 2, `${two(1 + (n % 28))}/${two(1 + (n % 12))}/${YEAR}`);
    g.set(row, 3, `Văn bản số ${n} về công tác cải cách hành chính năm ${YEAR}`);
  }
  if (defective)
    planted.push({
      code: "evidence-list-uncited",
      severity: "info",
      address: cellName(2 + next, 0),
      item: null,
      defect: "uncited",
      sheet: LIST_SHEET,
    });
  return g;
}

/** Unit k links every other cited document: "Xem tài liệu" with the document's address on the cell. */
function linkEvidence(leaves: ExpectedItem[], cells: Map<ExpectedItem, LeafCells>, k: number): void {
  leaves.forEach((leaf, i) => {
    const c = cells.get(leaf);
    if (!c?.evidence || i % 2 === 1) return;
    c.evidence = LINK_TEXT;
    c.evidenceLink = `https://vanban.example.gov.vn/kiem-chung/${YEAR}/don-vi-${k + 1}/tl-${i + 1}.pdf`;
  });
}

/** The words offices write for an item that does not apply (#23), in the order units cycle through them. */
export const NA_WORDS = ["x", "K.A.D", "Không áp dụng", "Không phát sinh", "KPS", "-"] as const;

/** Unit k writes a not-applicable word (cycling through NA_WORDS) on every leaf whose guidance allows it. */
function writeNotApplicable(s: Skeleton, cells: Map<ExpectedItem, LeafCells>, k: number): void {
  [...s.naAllowed].forEach((leaf, i) => {
    cells.set(leaf, {
      self: { value: NA_WORDS[(i + k * 2) % NA_WORDS.length] },
      evidence: null,
      explanation: null,
      appraised: null,
      round1: null,
      note: null,
      notApplicable: "allowed",
    });
  });
}

/** A leaf's self score in hundredths: not applicable counts its maximum where allowed, nothing where not. */
function leafScore(it: ExpectedItem, c: LeafCells | undefined): number | null {
  if (c?.notApplicable === "allowed") return it.max;
  // Refused, the word is no score: the item counts nothing, and an area with no other score has none (null).
  if (c?.notApplicable === "refused") return null;
  return leafCounted(c);
}

/** A self score as the unit meant it: numbers, and text numbers with the decimal comma; hundredths. */
function leafCounted(c: LeafCells | undefined): number | null {
  const v = c?.self?.value;
  if (typeof v === "number") return Math.round(v * 100);
  if (typeof v === "string") return Math.round(Number(v.replace(",", ".")) * 100);
  return null;
}

function counted(it: ExpectedItem, cells: Map<ExpectedItem, LeafCells>): number | null {
  if (!it.children.length) return leafScore(it, cells.get(it));
  let sum: number | null = null;
  for (const ch of it.children) {
    const x = counted(ch, cells);
    if (x !== null) sum = (sum ?? 0) + x;
  }
  return sum;
}

/** What Excel caches for a parent's "=E12+E15": numbers add up, text and blanks count nothing. */
function excelSum(
  it: ExpectedItem,
  cells: Map<ExpectedItem, LeafCells>,
  column: "self" | "appraised1" | "appraised2" = "self",
): number {
  if (!it.children.length) {
    const c = cells.get(it);
    if (column !== "self") return (column === "appraised1" ? c?.round1 : c?.appraised) ?? 0;
    const v = c?.self?.value;
    return typeof v === "number" ? Math.round(v * 100) : 0;
  }
  return it.children.reduce((s, ch) => s + excelSum(ch, cells, column), 0);
}

/** The appraisers' total (null before appraisal) and the final one: appraised where present, else self. */
function appraisedSum(it: ExpectedItem, cells: Map<ExpectedItem, LeafCells>): number | null {
  if (!it.children.length) return cells.get(it)?.appraised ?? null;
  let sum: number | null = null;
  for (const ch of it.children) {
    const x = appraisedSum(ch, cells);
    if (x !== null) sum = (sum ?? 0) + x;
  }
  return sum;
}

function finalSum(it: ExpectedItem, cells: Map<ExpectedItem, LeafCells>): number | null {
  if (!it.children.length) return cells.get(it)?.appraised ?? leafScore(it, cells.get(it));
  let sum: number | null = null;
  for (const ch of it.children) {
    const x = finalSum(ch, cells);
    if (x !== null) sum = (sum ?? 0) + x;
  }
  return sum;
}

/** The score column a role's cells hold: with one round, "appraised1" holds the latest (only) round. */
function roundOf(role: ColumnRole): "self" | "appraised1" | "appraised2" {
  return role === "appraised1" ? "appraised1" : role === "appraised2" ? "appraised2" : "self";
}

function drawSheet(
  v: Variant,
  s: Skeleton,
  items: ExpectedItem[],
  sheetName: string,
  unitName: string | null,
  cells: Map<ExpectedItem, LeafCells>,
): Grid {
  const g = new Grid(sheetName);
  const { col } = s.layout;
  const last = s.width - 1;
  s.titleRows.forEach((line, row) => {
    const name = unitName ?? "……………………………";
    if (line === null && v.unitNameCell === "next") {
      // "Đơn vị:" in one cell, the name in the next one (merged over the rest of the width).
      g.set(row, 0, "Đơn vị:");
      g.set(row, 1, name);
      g.merge(row, 1, row, last);
      return;
    }
    const text = line === null ? `Đơn vị: ${name}` : line;
    if (text === "") return;
    g.set(row, 0, text);
    g.merge(row, 0, row, last);
  });
  for (const [dr, c, text] of s.layout.headerCells) g.set(s.headerRow + dr, c, text);
  for (const [r1, c1, r2, c2] of s.layout.headerMerges) g.merge(s.headerRow + r1, c1, s.headerRow + r2, c2);
  if (s.numberRow !== null)
    for (let c = 0; c <= last; c++) g.set(s.numberRow, c, v.numberRow === "plain" ? c + 1 : `(${c + 1})`);
  if (s.headingRow !== null) {
    if (v.seed % 2 === 0) g.set(s.headingRow, col.code as number, "A");
    g.set(s.headingRow, col.label as number, "PHẦN A. CÁC TIÊU CHÍ CHẤM ĐIỂM QUA TÀI LIỆU KIỂM CHỨNG");
  }
  if (s.secondHeadingRow !== null) {
    if (v.seed % 2 === 0) g.set(s.secondHeadingRow, col.code as number, "B");
    g.set(s.secondHeadingRow, col.label as number, "PHẦN B. CÁC TIÊU CHÍ VỀ KẾT QUẢ THỰC HIỆN NHIỆM VỤ");
  }
  const scoreRoles: ColumnRole[] = [
    "self",
    ...(v.appraisalRounds >= 1 ? ["appraised1" as const] : []),
    ...(v.appraisalRounds === 2 ? ["appraised2" as const] : []),
  ];
  for (const it of flatten(items)) {
    const code = s.codeCells.get(it) as CodeCell;
    g.set(
      it.row,
      col.code as number,
      code.value,
      code.numberFormat ? { numberFormat: code.numberFormat } : {},
    );
    g.set(it.row, col.label as number, it.level === 1 ? it.label.toUpperCase() : it.label);
    const maxCol = col.max as number;
    const maxFormula = `=${it.children.map((ch) => cellName(ch.row, maxCol)).join("+")}`;
    g.set(it.row, maxCol, pts(it.max), v.maxFormulas && it.children.length ? { formula: maxFormula } : {});
    if (it.children.length) {
      for (const role of scoreRoles) {
        const c = col[role] as number;
        const cached = pts(excelSum(it, cells, roundOf(role)));
        g.set(it.row, c, cached, { formula: `=${it.children.map((ch) => cellName(ch.row, c)).join("+")}` });
      }
      continue;
    }
    if (col.guidance !== undefined)
      g.set(
        it.row,
        col.guidance,
        s.naAllowed.has(it)
          ? "Căn cứ tài liệu kiểm chứng của đơn vị; tiêu chí không phát sinh thì được tính điểm tối đa"
          : "Căn cứ tài liệu kiểm chứng của đơn vị; đối chiếu với kế hoạch được giao",
      );
    const leaf = cells.get(it);
    if (leaf?.self) {
      const { value, ...extra } = leaf.self;
      g.set(it.row, col.self as number, value, extra);
    }
    if (leaf?.evidence)
      g.set(
        it.row,
        col.evidence as number,
        leaf.evidence,
        leaf.evidenceLink ? { hyperlink: leaf.evidenceLink } : {},
      );
    if (leaf?.explanation && col.explanation !== undefined) g.set(it.row, col.explanation, leaf.explanation);
    for (const role of scoreRoles) {
      const value = role === "self" ? null : role === "appraised1" ? leaf?.round1 : leaf?.appraised;
      if (value !== null && value !== undefined) g.set(it.row, col[role] as number, pts(value));
    }
    if (leaf?.note && col.note !== undefined) g.set(it.row, col.note, leaf.note);
  }
  if (s.totalRow !== null) {
    const totalRng = prng(v.seed + 1);
    const totalLabel = pick(totalRng, [
      "TỔNG CỘNG",
      "Tổng điểm",
      `TỔNG ĐIỂM (${items.map((a) => a.shown.trim().replace(/\.$/, "")).join("+")})`,
    ]);
    const [codeCol, labelCol] = [col.code as number, col.label as number];
    if (Math.abs(codeCol - labelCol) === 1 && totalRng() < 0.5) {
      // "TỔNG CỘNG" merged over the code and label cells: the text sits in the leftmost, maybe the code column.
      const left = Math.min(codeCol, labelCol);
      g.set(s.totalRow, left, totalLabel);
      g.merge(s.totalRow, left, s.totalRow, left + 1);
    } else g.set(s.totalRow, labelCol, totalLabel);
    const maxCol = col.max as number;
    const maxFormula = `=${items.map((a) => cellName(a.row, maxCol)).join("+")}`;
    g.set(
      s.totalRow,
      maxCol,
      pts(items.reduce((x, a) => x + a.max, 0)),
      v.maxFormulas ? { formula: maxFormula } : {},
    );
    for (const role of scoreRoles) {
      const c = col[role] as number;
      const cached = pts(items.reduce((x, a) => x + excelSum(a, cells, roundOf(role)), 0));
      g.set(s.totalRow, c, cached, { formula: `=${items.map((a) => cellName(a.row, c)).join("+")}` });
    }
  }
  if (s.footerRows) {
    const f = s.firstFooterRow;
    // Notes in the first column, whatever that column is (often the code column), with dash bullets.
    const notes = [
      "Ghi chú: Điểm được làm tròn đến hai chữ số thập phân.",
      "- Đơn vị ghi rõ số, ký hiệu, ngày ban hành của tài liệu kiểm chứng;",
      "- Điểm tự đánh giá không vượt quá điểm tối đa của tiêu chí.",
    ];
    notes.forEach((text, i) => {
      g.set(f + i, 0, text);
      g.merge(f + i, 0, f + i, last);
    });
    // The two signatures stand wherever the sheet's width puts them, over any column (label, score, …).
    const place = prng(v.seed + 3);
    const left = Math.min(last, Math.floor(place() * 3));
    const right = Math.max(left + 1, last - Math.floor(place() * 3));
    g.set(f + 4, right, `Quảng Nam, ngày 15 tháng 01 năm ${YEAR + 1}`);
    g.set(f + 5, left, "NGƯỜI LẬP BIỂU");
    g.set(f + 5, right, "THỦ TRƯỞNG ĐƠN VỊ");
    g.set(f + 6, left, "(Ký, ghi rõ họ tên)");
    g.set(f + 6, right, "(Ký tên, đóng dấu)");
    g.set(f + 7, left, "Nguyễn Văn An");
    g.set(f + 7, right, "Trần Thị Bình");
  }
  if (s.rating) {
    g.set(s.rating.row, 0, s.rating.text);
    g.merge(s.rating.row, 0, s.rating.row, last);
  }
  if (s.hiddenLeaf) g.hide(s.hiddenLeaf.row);
  return g;
}

/** The consolidation workbook's instructions sheet: prose and a small table that names columns. */
export function instructionsSheet(): Grid {
  const g = new Grid("Hướng dẫn");
  const lines = [
    "HƯỚNG DẪN TỔNG HỢP ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH",
    "1. Mỗi đơn vị một trang tính, đặt tên trang theo tên đơn vị.",
    "2. Đơn vị nhập điểm vào cột Điểm tự đánh giá và ghi rõ tài liệu kiểm chứng (số, ký hiệu, ngày ban hành).",
    "3. Không sửa công thức ở các dòng tổng.",
  ];
  lines.forEach((l, i) => {
    g.set(i, 0, l);
  });
  g.set(5, 0, "Cột");
  g.set(5, 1, "Nội dung");
  g.set(6, 0, "Điểm tự đánh giá");
  g.set(6, 1, "Điểm đơn vị tự chấm, không vượt điểm tối đa");
  g.set(7, 0, "Tài liệu kiểm chứng");
  g.set(7, 1, "Số, ký hiệu, ngày của văn bản chứng minh");
  return g;
}

/**
 * The secretariat's own summary sheet in a consolidation workbook: one line per unit with its scores,
 * under headers that name score columns. It lists units; it is not one.
 */
export function summarySheet(units: readonly GeneratedUnit[]): Grid {
  const g = new Grid("Tổng hợp");
  g.set(0, 0, "BẢNG TỔNG HỢP ĐIỂM TỰ ĐÁNH GIÁ CỦA CÁC ĐƠN VỊ");
  g.merge(0, 0, 0, 4);
  ["STT", "Tên đơn vị", "Điểm tự đánh giá", "Điểm thẩm định", "Ghi chú"].forEach((h, c) => {
    g.set(2, c, h);
  });
  units.forEach((u, i) => {
    g.set(3 + i, 0, i + 1);
    g.set(3 + i, 1, u.name);
    g.set(3 + i, 2, pts(u.total));
  });
  return g;
}
