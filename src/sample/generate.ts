import { a1 } from "../core/address";
import type { ScoreColumn } from "../core/entries";
import type { FindingCode } from "../core/finding";
import { formatScore, fromUnits, parseNumberText, toUnits } from "../core/numbers";
import type { Rubric } from "../core/rubric/schema";
import { type FlatItem, flattenRubric } from "../core/rubric/tree";
import type { SheetSpec } from "../core/sheet-spec";
import type { CellValue } from "../core/snapshot";
import {
  APPRAISAL_NOTES,
  dateText,
  documentText,
  evidenceFor,
  evidenceOutOfPeriod,
  issuerSign,
  RESTORED_NOTE,
  SURVEY_NOTE,
  UNVERIFIABLE_EVIDENCE,
  zeroExplanation,
} from "./evidence-text";
import {
  buildSheet,
  type LayoutRole,
  type LayoutVariant,
  rubricRows,
  type SampleRow,
  type ValueRole,
} from "./layout";
import { fileNameFor, groupOf, unitName } from "./names";
import { createRng, mixSeed, type Rng } from "./prng";
import { drawScore, lowerScore, notAllowedScore, surveyScore } from "./scores";
import { TEMPLATE_SHEET_NAME, variantList } from "./template";

/**
 * Filled unit workbooks for the demo, the tests and the benchmark: deterministic from a seed, realistic
 * (Vietnamese unit names, scores at the levels the guidance allows, evidence documents dated in the
 * assessment year, appraisal rounds with notes), with optional planted defects whose expected finding,
 * item and cell are recorded in `truth` so validation can be checked against them.
 */
export const DEFECT_KINDS = [
  "number-as-text",
  "not-a-number",
  "score-out-of-range",
  "score-not-allowed",
  "missing-score",
  "missing-evidence",
  "evidence-unverifiable",
  "evidence-out-of-period",
  "formula-overwritten",
  "total-mismatch",
  "formula-error",
  "appraisal-without-note",
  "self-score-on-survey",
  "missing-item",
  "duplicate-item",
  "max-mismatch",
  "missing-unit-name",
  "unit-name-injection",
] as const;
export type DefectKind = (typeof DEFECT_KINDS)[number];

/** The finding each defect must produce; injection produces none (the name must be written as text). */
export const DEFECT_FINDING: Record<DefectKind, FindingCode | null> = {
  "number-as-text": "number-as-text",
  "not-a-number": "not-a-number",
  "score-out-of-range": "score-out-of-range",
  "score-not-allowed": "score-not-allowed",
  "missing-score": "missing-score",
  "missing-evidence": "missing-evidence",
  "evidence-unverifiable": "evidence-unverifiable",
  "evidence-out-of-period": "evidence-out-of-period",
  "formula-overwritten": "formula-overwritten",
  "total-mismatch": "total-mismatch",
  "formula-error": "formula-error",
  "appraisal-without-note": "appraisal-without-note",
  "self-score-on-survey": "self-score-on-survey",
  "missing-item": "missing-item",
  "duplicate-item": "duplicate-item",
  "max-mismatch": "max-mismatch",
  "missing-unit-name": "missing-unit-name",
  "unit-name-injection": null,
};

export interface PlantedDefect {
  defect: DefectKind;
  /** Finding code validation must report; null for injection (no finding, only safe writing). */
  code: FindingCode | null;
  /** Rubric code of the item concerned (not the code as written in a Roman-code variant). */
  item: string | null;
  /** A1 address (no sheet) of the cell the finding must name; null for a missing row. */
  address: string | null;
  /** Score column concerned, where the defect is in one. */
  column?: ScoreColumn;
  /** What the cell holds. */
  found?: CellValue;
  /**
   * Parent and total cells whose shown value the defect changes, as Excel computes them: a "#REF!" leaf
   * turns its ancestors and the total to "#REF!"; text in a score cell ("1,5", "Đạt") is left out of their SUMs.
   */
  affects?: string[];
}

export interface TruthScore {
  /** Numbers as they count: text like "1,5" parsed; null for blank, non-numbers, errors, "không áp dụng". */
  self: number | null;
  appraised1: number | null;
  appraised2: number | null;
  notApplicable: boolean;
  /** False when the item's row was left out (missing-item). */
  present: boolean;
  evidence: string | null;
}

export interface TruthTotals {
  self: number;
  appraised1: number | null;
  appraised2: number | null;
}

export interface UnitTruth {
  /** The name validation should find in the title block; null when it was left blank. */
  unitName: string | null;
  /** Rubric group the name falls into, if the rubric has groups. */
  group: string | null;
  sheet: string;
  headerRow: number;
  headerRowCount: number;
  firstDataRow: number;
  lastDataRow: number;
  totalRow: number;
  /** 0-based sheet column per role, as laid out. */
  columns: Partial<Record<LayoutRole, number>>;
  headers: Partial<Record<LayoutRole, string>>;
  unitNameAddress: string;
  appraisal: 0 | 1 | 2;
  variants: LayoutVariant[];
  /** Per leaf item (rubric code). */
  scores: Record<string, TruthScore>;
  /** Per item (every level) from `scores`: sums as written, bonus added and penalty subtracted at the root. */
  totals: Record<string, TruthTotals>;
  /** Σ areas (+ bonus − penalty), from `scores`. */
  total: TruthTotals;
  planted: PlantedDefect[];
}

export interface GeneratedUnit {
  /** As written after "Đơn vị:" (an injection defect makes it start with = + - @). */
  name: string;
  fileName: string;
  sheets: SheetSpec[];
  truth: UnitTruth;
}

export type DefectRequest = DefectKind | { kind: DefectKind; item?: string };

export interface GenerateUnitOptions {
  seed: number;
  index: number;
  appraisal?: 0 | 1 | 2;
  defects?: readonly DefectRequest[];
  variant?: LayoutVariant | readonly LayoutVariant[];
  /** Overrides the generated name. */
  name?: string;
  /** Fixed scores per leaf code: self (appraisal for survey items) and every appraisal round alike. */
  scores?: Readonly<Record<string, number>>;
  /** Share of items at full marks (0..1); drawn from the seed when absent. */
  quality?: number;
  sheetName?: string;
}

interface LeafPlan {
  item: FlatItem;
  values: Partial<Record<ValueRole, CellValue>>;
  formulas?: Partial<Record<ScoreColumn, string>>;
  max: CellValue;
  notApplicable: boolean;
  /** Intended self score before a defect touched it. */
  intended: number | null;
}

const COMMUNE_DEPARTMENTS = [
  "Văn phòng - Thống kê",
  "Tư pháp - Hộ tịch",
  "Địa chính - Xây dựng",
  "Văn hóa - Xã hội",
  "Tài chính - Kế toán",
];
const AGENCY_DEPARTMENTS = [
  "Văn phòng",
  "Phòng Tổ chức - Hành chính",
  "Phòng Nghiệp vụ",
  "Thanh tra",
  "Phòng Kế hoạch - Tài chính",
];
// Never a not-applicable word ("x", "-", "KPS"…: core/rules/not-applicable.ts), which is not a defect.
const NOT_A_NUMBER = ["Đạt", "Xong", "Có", "Hoàn thành"];

/** What every step of generating one unit needs: the rubric, the seed's random stream, the leaf plans. */
interface UnitContext {
  rubric: Rubric;
  options: GenerateUnitOptions;
  rng: Rng;
  appraisal: 0 | 1 | 2;
  variants: LayoutVariant[];
  generatedName: string;
  year: number;
  removeFromMax: boolean;
  issuer: string;
  slug: string;
  quality: number;
  departments: string[];
  flat: FlatItem[];
  leaves: FlatItem[];
  plans: Map<string, LeafPlan>;
}

type PendingRole = "self" | "appraised" | "evidence" | "max" | "code" | "unit" | null;
interface Pending {
  defect: DefectKind;
  item: string | null;
  role: PendingRole;
  found?: CellValue;
}

/** What the planted defects changed outside the leaf plans, and where each must be reported. */
interface DefectState {
  pending: Pending[];
  omit: Set<string>;
  duplicate: Set<string>;
  parentEdits: Map<string, ParentEdit>;
  unitLine: string;
  shownName: string | null;
  name: string;
}

type BuiltSheet = ReturnType<typeof buildSheet>;

export function generateUnit(rubric: Rubric, options: GenerateUnitOptions): GeneratedUnit {
  const ctx = unitContext(rubric, options);
  planCleanUnit(ctx);
  const state = new DefectPlanter(ctx).plantAll(options.defects ?? []);
  addAppraisalNotes(ctx, state);

  const rows = rubricRows(rubric, {
    roman: ctx.variants.includes("roman-codes"),
    omit: state.omit,
    duplicate: state.duplicate,
  });
  fillRows(rows, ctx.plans, state.parentEdits);
  const built = buildSheet(rows, {
    sheetName: options.sheetName ?? TEMPLATE_SHEET_NAME,
    title: { year: ctx.year, rubricName: rubric.name, unitLine: state.unitLine, unitLevel: rubric.unitLevel },
    appraisal: ctx.appraisal,
    variants: ctx.variants,
    precision: rubric.precision,
  });
  const planted = locatePlanted(ctx, state, rows, built);
  const scores = truthScores(ctx, state.omit);
  const { totals, total } = truthTotals(ctx.flat, scores, ctx.appraisal);

  return {
    name: state.name,
    fileName: fileNameFor(ctx.generatedName),
    sheets: [built.spec],
    truth: {
      unitName: state.shownName,
      group: groupOf(rubric, ctx.generatedName),
      sheet: built.spec.name,
      headerRow: built.headerRow,
      headerRowCount: built.headerRowCount,
      firstDataRow: built.firstDataRow,
      lastDataRow: built.lastDataRow,
      totalRow: built.totalRow,
      columns: built.columns,
      headers: built.headers,
      unitNameAddress: built.unitNameAddress,
      appraisal: ctx.appraisal,
      variants: ctx.variants,
      scores,
      totals,
      total,
      planted,
    },
  };
}

function unitContext(rubric: Rubric, options: GenerateUnitOptions): UnitContext {
  const rng = createRng(mixSeed(options.seed, options.index, 0x5a3));
  const generatedName = options.name ?? unitName(rubric, options.seed, options.index);
  const flat = flattenRubric(rubric);
  return {
    rubric,
    options,
    rng,
    appraisal: options.appraisal ?? 0,
    variants: variantList(options.variant),
    generatedName,
    year: rubric.year,
    removeFromMax: rubric.notApplicable.policy === "remove-from-max",
    issuer: issuerSign(generatedName, rubric.unitLevel),
    slug: fileNameFor(generatedName)
      .replace(/\.xlsx$/, "")
      .toLowerCase(),
    quality: options.quality ?? 0.55 + 0.4 * rng.next(),
    departments: rubric.unitLevel === "agency" ? AGENCY_DEPARTMENTS : COMMUNE_DEPARTMENTS,
    flat,
    leaves: flat.filter((i) => i.isLeaf),
    plans: new Map(),
  };
}

/** Step 1: a clean unit — every leaf scored at an allowed level, with evidence, notes and appraisal rounds. */
function planCleanUnit(ctx: UnitContext): void {
  const { rng } = ctx;
  for (const item of ctx.leaves) {
    const fixed = ctx.options.scores?.[item.code];
    const values: Partial<Record<ValueRole, CellValue>> = {};
    const plan: LeafPlan = { item, values, max: item.max, notApplicable: false, intended: null };
    ctx.plans.set(item.code, plan);
    values.extra = rng.pick(ctx.departments);
    if (item.kind === "survey")
      planSurveyLeaf(ctx, values, fixed ?? surveyScore(item.max, ctx.rubric.precision, rng));
    else if (fixed === undefined && item.item.notApplicableAllowed === true && rng.chance(0.15))
      planNotApplicableLeaf(ctx, plan);
    else planScoredLeaf(ctx, plan, fixed);
  }
}

function planSurveyLeaf(ctx: UnitContext, values: LeafPlan["values"], score: number): void {
  if (ctx.appraisal === 0) return;
  values.appraised1 = score;
  if (ctx.appraisal === 2) values.appraised2 = score;
  values.note = SURVEY_NOTE;
}

function planNotApplicableLeaf(ctx: UnitContext, plan: LeafPlan): void {
  const { values, item } = plan;
  plan.notApplicable = true;
  values.self = ctx.removeFromMax ? "Không áp dụng" : item.max;
  values.explanation = `Không phát sinh nhiệm vụ trong năm ${ctx.year}`;
  values.evidence = documentText(
    { name: "Báo cáo", sign: "BC" },
    ctx.rng.int(1, 250),
    ctx.issuer,
    dateText(ctx.rng, ctx.year),
  );
  if (ctx.appraisal > 0) values.appraised1 = values.self;
  if (ctx.appraisal === 2) values.appraised2 = values.self;
  plan.intended = ctx.removeFromMax ? null : item.max;
}

function planScoredLeaf(ctx: UnitContext, plan: LeafPlan, fixed: number | undefined): void {
  const { rng } = ctx;
  const { values, item } = plan;
  const self = fixed ?? drawScore(item, ctx.quality, rng);
  plan.intended = self;
  values.self = self;
  if (self > 0 || item.kind === "scored")
    values.evidence = evidenceFor(item.label, rng, ctx.issuer, ctx.year, ctx.slug);
  if (self === 0) values.explanation = zeroExplanation(item.kind, rng);
  if (ctx.appraisal === 0) return;
  let a1v = self;
  const cut =
    fixed === undefined && item.kind === "scored" && rng.chance(0.12) ? lowerScore(item, self) : null;
  if (cut !== null) {
    a1v = cut;
    values.note = rng.pick(APPRAISAL_NOTES);
  }
  values.appraised1 = a1v;
  if (ctx.appraisal === 2) {
    const restored = a1v !== self && rng.chance(0.4);
    values.appraised2 = restored ? self : a1v;
    if (restored) values.note = RESTORED_NOTE;
  }
}

/** Step 2: planted defects, each on an item of its own (a fresh area where one is left). */
class DefectPlanter {
  private readonly usedAreas = new Set<string>();
  private readonly usedItems = new Set<string>();
  private readonly usedPaths: string[][] = [];
  private readonly plainLeaves: FlatItem[];
  readonly state: DefectState;

  constructor(private readonly ctx: UnitContext) {
    this.plainLeaves = ctx.leaves.filter(
      (i) =>
        i.kind === "scored" &&
        !ctx.plans.get(i.code)!.notApplicable &&
        ctx.options.scores?.[i.code] === undefined,
    );
    this.state = {
      pending: [],
      omit: new Set(),
      duplicate: new Set(),
      parentEdits: new Map(),
      unitLine: `Đơn vị: ${ctx.generatedName}`,
      shownName: ctx.generatedName,
      name: ctx.generatedName,
    };
  }

  plantAll(requests: readonly DefectRequest[]): DefectState {
    for (const request of requests) this.plant(request);
    return this.state;
  }

  private plant(request: DefectRequest): void {
    const kind = typeof request === "string" ? request : request.kind;
    if (kind === "missing-unit-name" || kind === "unit-name-injection") this.plantUnitName(kind);
    else if (kind === "formula-overwritten" || kind === "total-mismatch") this.plantOnParent(kind, request);
    else if (kind === "self-score-on-survey") this.plantSurveySelfScore(request);
    else if (kind === "appraisal-without-note") this.plantAppraisalWithoutNote(request);
    else if (kind === "score-not-allowed") this.plantNotAllowed(request);
    else this.plantOnPlainLeaf(kind, request);
  }

  private choose(request: DefectRequest, eligible: FlatItem[]): FlatItem | null {
    const wanted = typeof request === "string" ? undefined : request.item;
    if (wanted) return eligible.find((i) => i.code === wanted) ?? null;
    const free = eligible.filter(
      (i) =>
        !i.path.some((p) => this.usedItems.has(p)) && !this.usedPaths.some((path) => path.includes(i.code)),
    );
    const fresh = free.filter((i) => !this.usedAreas.has(i.path[0]));
    const pool = fresh.length ? fresh : free;
    return pool.length ? this.ctx.rng.pick(pool) : null;
  }

  /** Chooses an item and marks it, its path and its area as used. */
  private take(request: DefectRequest, eligible: FlatItem[]): FlatItem | null {
    const item = this.choose(request, eligible);
    if (!item) return null;
    this.usedItems.add(item.code);
    this.usedPaths.push(item.path);
    this.usedAreas.add(item.path[0]);
    return item;
  }

  private selfPoints(code: string): number {
    return this.ctx.flat
      .filter((i) => i.isLeaf && i.path.includes(code))
      .reduce((sum, i) => {
        const v = this.ctx.plans.get(i.code)!.values.self;
        return sum + (typeof v === "number" ? v : 0);
      }, 0);
  }

  private plantUnitName(kind: "missing-unit-name" | "unit-name-injection"): void {
    const s = this.state;
    if (s.pending.some((p) => p.role === "unit")) return;
    if (kind === "missing-unit-name") {
      s.unitLine = this.ctx.rng.chance(0.5) ? "Đơn vị: ……" : "Đơn vị:";
      s.shownName = null;
      s.pending.push({ defect: kind, item: null, role: "unit", found: s.unitLine });
      return;
    }
    const base = this.ctx.generatedName;
    s.name = this.ctx.rng.pick(["=cmd|' /C calc'!A0", `=${base}`, `+${base}`, `@${base}`]);
    s.unitLine = `Đơn vị: ${s.name}`;
    s.shownName = s.name;
    s.pending.push({ defect: kind, item: null, role: "unit", found: s.name });
  }

  private plantOnParent(kind: "formula-overwritten" | "total-mismatch", request: DefectRequest): void {
    // A formula that misses a row only shows if that row holds points.
    const counting = (i: FlatItem) => (i.item.children ?? []).filter((c) => this.selfPoints(c.code) > 0);
    const parents = this.ctx.flat.filter(
      (i) =>
        !i.isLeaf &&
        i.kind === "scored" &&
        (kind === "formula-overwritten" || ((i.item.children?.length ?? 0) >= 2 && counting(i).length > 0)),
    );
    const item = this.take(request, parents);
    if (!item) return;
    const missed = counting(item);
    this.state.parentEdits.set(
      item.code,
      kind === "formula-overwritten" ? { constant: true } : { missChild: missed[missed.length - 1]?.code },
    );
    this.state.pending.push({ defect: kind, item: item.code, role: "self" });
  }

  private plantSurveySelfScore(request: DefectRequest): void {
    const item = this.take(
      request,
      this.ctx.leaves.filter((i) => i.kind === "survey"),
    );
    if (!item) return;
    const plan = this.ctx.plans.get(item.code)!;
    const v = surveyScore(item.max, this.ctx.rubric.precision, this.ctx.rng);
    plan.values.self = v;
    plan.intended = v;
    this.state.pending.push({ defect: "self-score-on-survey", item: item.code, role: "self", found: v });
  }

  private plantAppraisalWithoutNote(request: DefectRequest): void {
    const { appraisal, plans } = this.ctx;
    if (appraisal === 0) return;
    const item = this.take(
      request,
      this.plainLeaves.filter((i) => lowerScore(i, plans.get(i.code)!.intended ?? 0) !== null),
    );
    if (!item) return;
    const plan = plans.get(item.code)!;
    const cut = lowerScore(item, plan.intended ?? 0)!;
    plan.values.appraised1 = cut;
    if (appraisal === 2) plan.values.appraised2 = cut;
    plan.values.note = null;
    this.state.pending.push({
      defect: "appraisal-without-note",
      item: item.code,
      role: "appraised",
      found: cut,
    });
  }

  private plantNotAllowed(request: DefectRequest): void {
    const item = this.take(
      request,
      this.plainLeaves.filter((i) => notAllowedScore(i) !== null),
    );
    if (!item) return;
    const v = notAllowedScore(item)!;
    setSelf(this.ctx.plans.get(item.code)!, v, v);
    this.state.pending.push({ defect: "score-not-allowed", item: item.code, role: "self", found: v });
  }

  private plantOnPlainLeaf(kind: DefectKind, request: DefectRequest): void {
    const item = this.take(request, this.plainLeaves);
    if (!item) return;
    const { ctx, state } = this;
    const found = plantOnLeaf(kind, ctx.plans.get(item.code)!, ctx.rng, {
      issuer: ctx.issuer,
      year: ctx.year,
      precision: ctx.rubric.precision,
      omit: state.omit,
      duplicate: state.duplicate,
    });
    state.pending.push({ defect: kind, item: item.code, role: roleOf(kind), found });
  }
}

/** Appraisal notes wherever an appraised score differs from what the unit wrote (except where planted). */
function addAppraisalNotes(ctx: UnitContext, state: DefectState): void {
  if (ctx.appraisal === 0) return;
  const noNote = new Set(
    state.pending.filter((p) => p.defect === "appraisal-without-note").map((p) => p.item),
  );
  for (const plan of ctx.plans.values()) {
    if (noNote.has(plan.item.code) || plan.values.note) continue;
    const self = plan.values.self;
    const differs = [plan.values.appraised1, plan.values.appraised2].some(
      (a) => a !== undefined && a !== self,
    );
    if (differs) plan.values.note = ctx.rng.pick(APPRAISAL_NOTES);
  }
}

/** Step 4: where each planted defect sits in the laid-out sheet, and the finding it must produce. */
function locatePlanted(
  ctx: UnitContext,
  state: DefectState,
  rows: SampleRow[],
  built: BuiltSheet,
): PlantedDefect[] {
  const rowIndex = new Map<string, number>();
  const dupIndex = new Map<string, number>();
  rows.forEach((r, i) => {
    if (!r.code) return;
    if (r.duplicate) dupIndex.set(r.code, i);
    else rowIndex.set(r.code, i);
  });
  const cell = (code: string, role: LayoutRole, dup = false): string | null => {
    const i = (dup ? dupIndex : rowIndex).get(code);
    const c = built.columns[role];
    return i === undefined || c === undefined ? null : a1(built.rowOf[i], c);
  };
  const planted: PlantedDefect[] = [];
  for (const p of state.pending) {
    const base = { defect: p.defect, code: DEFECT_FINDING[p.defect], item: p.item, found: p.found };
    if (p.role === "unit") planted.push({ ...base, address: built.unitNameAddress });
    else if (p.defect === "missing-item") planted.push({ ...base, address: null });
    else if (p.role === "code") planted.push({ ...base, address: cell(p.item!, "code", true) });
    else if (p.role === "evidence") planted.push({ ...base, address: cell(p.item!, "evidence") });
    else if (p.role === "max") planted.push({ ...base, address: cell(p.item!, "max") });
    else if (p.role === "appraised") {
      // The fix is a note: the finding names the (empty) note cell, for the latest round that differs.
      const column: ScoreColumn = ctx.appraisal === 2 ? "appraised2" : "appraised1";
      planted.push({ ...base, column, address: cell(p.item!, "note") });
    } else if (p.role === "self") {
      const i = rowIndex.get(p.item!)!;
      const entry: PlantedDefect = {
        ...base,
        column: "self",
        address: cell(p.item!, "self"),
        found: p.found ?? built.shown[i].self ?? null,
      };
      if (p.defect === "formula-error" || p.defect === "number-as-text" || p.defect === "not-a-number") {
        const item = ctx.flat.find((f) => f.code === p.item)!;
        const ancestors = item.path.slice(0, -1).map((code) => cell(code, "self")!);
        entry.affects = [...ancestors, a1(built.totalRow, built.columns.self!)];
      }
      planted.push(entry);
    }
  }
  return planted;
}

/** The numbers as they should count, per leaf, from what was written. */
function truthScores(ctx: UnitContext, omit: Set<string>): Record<string, TruthScore> {
  const scores: Record<string, TruthScore> = {};
  for (const plan of ctx.plans.values()) {
    const present = !omit.has(plan.item.code);
    scores[plan.item.code] = {
      self: present ? counted(plan.values.self) : null,
      appraised1: present ? counted(plan.values.appraised1) : null,
      appraised2: present ? counted(plan.values.appraised2) : null,
      notApplicable: plan.notApplicable,
      present,
      evidence: present ? ((plan.values.evidence as string | null | undefined) ?? null) : null,
    };
  }
  return scores;
}

function roleOf(kind: DefectKind): "self" | "evidence" | "max" | "code" | null {
  if (kind.startsWith("evidence") || kind === "missing-evidence") return "evidence";
  if (kind === "max-mismatch") return "max";
  if (kind === "duplicate-item") return "code";
  if (kind === "missing-item") return null;
  return "self";
}

function setSelf(plan: LeafPlan, written: CellValue, intended: number | null) {
  plan.values.self = written;
  plan.intended = intended;
}

/** Cell-level defects on a plain scored leaf. Returns what the faulty cell holds. */
function plantOnLeaf(
  kind: DefectKind,
  plan: LeafPlan,
  rng: Rng,
  ctx: { issuer: string; year: number; precision: number; omit: Set<string>; duplicate: Set<string> },
): CellValue {
  const item = plan.item;
  const v = plan.values;
  switch (kind) {
    case "number-as-text": {
      // Prefer a value with a decimal part, the way "1,5" turns up in real files.
      const half = [item.max - 0.5, 0.5].find((x) => x > 0 && x < item.max && isAllowed(item, x));
      const value = half ?? (plan.intended as number);
      let text = formatScore(value, ctx.precision, "vi");
      if (!text.includes(",")) text = `${text},0`;
      setSelf(plan, text, value);
      return text;
    }
    case "not-a-number": {
      const text = rng.pick(NOT_A_NUMBER);
      setSelf(plan, text, null);
      return text;
    }
    case "score-out-of-range": {
      const value = rng.chance(0.7) ? fromUnits(toUnits(item.max) + toUnits(rng.pick([0.5, 1, 2]))) : -1;
      setSelf(plan, value, value);
      return value;
    }
    case "missing-score":
      setSelf(plan, null, null);
      return null;
    case "formula-error":
      setSelf(plan, "#REF!", null);
      plan.formulas = { self: "=#REF!" };
      return "#REF!";
    case "missing-evidence":
      if (!plan.intended) setSelf(plan, item.max, item.max);
      v.evidence = null;
      v.explanation = null;
      return null;
    case "evidence-unverifiable":
      v.evidence = rng.pick(UNVERIFIABLE_EVIDENCE);
      return v.evidence;
    case "evidence-out-of-period":
      v.evidence = evidenceOutOfPeriod(item.label, rng, ctx.issuer, ctx.year);
      return v.evidence;
    case "max-mismatch": {
      const written = fromUnits(toUnits(item.max) + toUnits(item.max >= 1 ? 1 : 0.5));
      plan.max = written;
      return written;
    }
    case "missing-item":
      ctx.omit.add(item.code);
      return null;
    case "duplicate-item":
      ctx.duplicate.add(item.code);
      return item.code;
    default:
      return null;
  }
}

function isAllowed(item: FlatItem, x: number): boolean {
  const rule = item.item.rule;
  if (!rule) return true;
  const values = rule.type === "levels" ? rule.levels : rule.bands.map((b) => b.points);
  return values.some((l) => toUnits(l) === toUnits(x));
}

interface ParentEdit {
  /** formula-overwritten: a typed constant in the self column. */
  constant?: boolean;
  /** total-mismatch: the child row the SUM leaves out. */
  missChild?: string;
}

function fillRows(rows: SampleRow[], plans: Map<string, LeafPlan>, parentEdits: Map<string, ParentEdit>) {
  for (const row of rows) {
    if (!row.code) continue;
    const plan = plans.get(row.code);
    if (plan) {
      row.values = { ...plan.values };
      row.max = plan.max;
      if (plan.formulas) row.formulas = { ...plan.formulas };
      continue;
    }
    const edit = parentEdits.get(row.code);
    if (edit?.constant) row.constantIn = ["self"];
    if (edit?.missChild) row.formulaChildren = row.children.filter((k) => rows[k].code !== edit.missChild);
  }
}

/** How a score cell counts: numbers as they are, number text parsed the Vietnamese way, anything else nothing. */
function counted(value: CellValue | undefined): number | null {
  if (typeof value === "number") return value;
  if (typeof value === "string") return parseNumberText(value)?.value ?? null;
  return null;
}

function truthTotals(flat: FlatItem[], scores: Record<string, TruthScore>, appraisal: 0 | 1 | 2) {
  const cols: ScoreColumn[] = ["self", "appraised1", "appraised2"];
  const sums = new Map<string, Record<ScoreColumn, number>>();
  for (const item of [...flat].reverse()) {
    const s = { self: 0, appraised1: 0, appraised2: 0 };
    if (item.isLeaf) {
      for (const c of cols) s[c] = toUnits(scores[item.code][c] ?? 0);
    } else {
      for (const child of item.item.children ?? []) {
        const cs = sums.get(child.code)!;
        for (const c of cols) s[c] += cs[c];
      }
    }
    sums.set(item.code, s);
  }
  const present = (c: ScoreColumn) =>
    c === "self" ? true : c === "appraised1" ? appraisal >= 1 : appraisal === 2;
  const toTruth = (s: Record<ScoreColumn, number>): TruthTotals => ({
    self: fromUnits(s.self),
    appraised1: present("appraised1") ? fromUnits(s.appraised1) : null,
    appraised2: present("appraised2") ? fromUnits(s.appraised2) : null,
  });
  const totals: Record<string, TruthTotals> = {};
  for (const [code, s] of sums) totals[code] = toTruth(s);
  const root = { self: 0, appraised1: 0, appraised2: 0 };
  for (const item of flat.filter((i) => i.level === 1)) {
    const sign = item.kind === "penalty" ? -1 : 1;
    const s = sums.get(item.code)!;
    for (const c of cols) root[c] += sign * s[c];
  }
  return { totals, total: toTruth(root) };
}

export interface GenerateUnitsOptions {
  count: number;
  seed: number;
  appraisal?: 0 | 1 | 2;
  /** Share of units (0..1) that get one to three planted defects. */
  defectRate?: number;
  /** Share of units (0..1) laid out in one or two layout variants. */
  variantRate?: number;
}

/** A batch of units with distinct names (as folded), reproducible from the seed; 1,000 in well under a second or two. */
export function generateUnits(rubric: Rubric, options: GenerateUnitsOptions): GeneratedUnit[] {
  const out: GeneratedUnit[] = [];
  const appraisal = options.appraisal ?? 0;
  const kinds = DEFECT_KINDS.filter((k) => appraisal > 0 || k !== "appraisal-without-note");
  for (let index = 0; index < options.count; index++) {
    const rng = createRng(mixSeed(options.seed, index, 0xb47c));
    const defects: DefectKind[] = [];
    if (options.defectRate && rng.chance(options.defectRate)) {
      const n = rng.int(1, 3);
      while (defects.length < n) {
        const k = rng.pick(kinds);
        if (!defects.includes(k)) defects.push(k);
      }
    }
    const variant: LayoutVariant[] = [];
    if (options.variantRate && rng.chance(options.variantRate)) {
      const all = [
        "moved-header",
        "renamed-columns",
        "inserted-column",
        "two-row-header",
        "roman-codes",
        "merged-labels",
        "reordered-columns",
      ] as const;
      const n = rng.int(1, 2);
      while (variant.length < n) {
        const v = rng.pick(all);
        if (!variant.includes(v)) variant.push(v);
      }
    }
    out.push(generateUnit(rubric, { seed: options.seed, index, appraisal, defects, variant }));
  }
  return out;
}
