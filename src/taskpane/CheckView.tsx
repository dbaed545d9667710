import {
  Button,
  Field,
  Link,
  MessageBarTitle,
  Select,
  Spinner,
  Switch,
  Text,
  makeStyles,
} from "@fluentui/react-components";
import { Bar } from "./Bar";
import { type RefObject, useEffect, useMemo, useRef, useState } from "react";
import { columnLetters } from "../core/address";
import type { UnitAnalysis } from "../core/analyse";
import type { ColumnRole } from "../core/columns";
import { countBySeverity, type Finding, nodeItemKey, type Severity } from "../core/finding";
import { EVIDENCE_FINDING_CODES } from "../core/finding-registry";
import { type Lang, t } from "../core/i18n";
import { FIX_COLUMN_ROLES, roleName } from "../core/columns";
import { AreaTable } from "./check/AreaTable";
import { FindingNavigator, FindingsList, findingOrder } from "./check/FindingsList";
import { LostPointsSection } from "./check/LostPointsSection";
import { SummaryCard } from "./check/SummaryCard";
import { UnitPicker } from "./check/UnitPicker";
import { WorkbookSettingsBar } from "./check/WorkbookSettingsBar";
import { changesText } from "./state/check";
import { hasAppraisalColumns, WriteMenu } from "./check/WriteMenu";
import { sharedStyles } from "./styles";
import { allFindings, checkPeers, type ParIndexState } from "./useParIndex";
import { mark, RESULTS_SHOWN_MARK } from "./timing";

const useStyles = makeStyles({
  ...sharedStyles,
  row: { ...sharedStyles.row, flexWrap: "wrap" },
  section: { padding: "2px 0" },
  summary: { cursor: "pointer", fontWeight: 600, padding: "4px 0" },
});

export function CheckView({ state, onChangeRubric }: { state: ParIndexState; onChangeRubric: () => void }) {
  const styles = useStyles();
  const { lang, validation } = state;
  const [severity, setSeverity] = useState<Severity | "all">("all");
  const [evidenceOnly, setEvidenceOnly] = useState(false);
  const [current, setCurrent] = useState<Finding | null>(null);
  const units = validation?.analysis.units ?? [];
  const unit = units.find((u) => u.sheet === state.unit) ?? units[0] ?? null;
  const { findings, counts, shown } = useUnitFindings(validation, units.length, unit, severity, evidenceOnly);
  const peerScores = useMemo(() => (validation ? checkPeers(validation) : []), [validation]);
  const fresh = useFreshFindings(state.changes, validation);
  const heading = useRef<HTMLHeadingElement>(null);
  const focusAfterCheck = useRef(false);
  useRecheckOnCorrection(state);
  useResultShown(validation, heading, focusAfterCheck);
  const select = (f: Finding) => {
    setCurrent(f);
    void state.selectFinding(f);
  };
  const busy = state.busy !== null;
  return (
    <div className={styles.stack}>
      <ActionRow
        state={state}
        onCheck={() => {
          focusAfterCheck.current = true;
          void state.check();
        }}
      />
      {!validation && state.busy !== "check" && <FirstRun lang={lang} />}
      <WrittenBar state={state} />
      <AppraisalBar state={state} />
      <SettingsProblems problems={state.settingsProblems} lang={lang} />
      <WorkbookSettingsBar state={state} unit={unit} />
      {unit && <BetterRubricBar unit={unit} state={state} />}
      {unit && (
        <UnitPicker units={units} picked={unit} lang={lang} onPick={(sheet) => state.setUnit(sheet)} />
      )}
      {validation && (
        <SummaryCard
          ref={heading}
          unit={unit}
          lang={lang}
          identity={state.identity}
          manualColumns={state.manualColumns}
          counts={counts}
          filter={severity}
          onFilter={setSeverity}
          onChangeRubric={onChangeRubric}
          actions={
            <WriteMenu
              lang={lang}
              disabled={busy}
              appraisal={hasAppraisalColumns(unit)}
              onReport={() => void state.writeReport()}
              onAppraisal={() => void state.writeAppraisal()}
            />
          }
        />
      )}
      {validation && counts.error + counts.warning === 0 && <Bar intent="success">{t(lang, "clean")}</Bar>}
      {findings.length > 0 && (
        <FindingsSection
          findings={findings}
          shown={shown}
          unit={unit}
          lang={lang}
          severity={severity}
          onShowAll={() => setSeverity("all")}
          evidenceOnly={evidenceOnly}
          onEvidenceOnly={setEvidenceOnly}
          current={current}
          onSelect={select}
          fresh={fresh}
        />
      )}
      {unit && <TotalsSection unit={unit} lang={lang} />}
      {unit && (
        <LostPointsSection
          score={unit.score}
          peers={peerScores}
          lang={lang}
          className={styles.section}
          summaryClassName={styles.summary}
        />
      )}
      {unit && <LayoutSection key={unit.sheet} unit={unit} state={state} />}
      <OptionsSection state={state} />
    </div>
  );
}

/**
 * The findings the card, the list and the charts are about, the ones the filters let through, and
 * their counts. On a consolidation workbook that is the picked unit (the picker shows every unit's
 * own counts, so the others' findings are one choice away, never hidden).
 */
function useUnitFindings(
  validation: ParIndexState["validation"],
  unitCount: number,
  unit: UnitAnalysis | null,
  severity: Severity | "all",
  evidenceOnly: boolean,
) {
  const findings = useMemo(
    () =>
      !validation
        ? []
        : unitCount > 1 && unit
          ? [...validation.analysis.findings, ...unit.findings]
          : allFindings(validation),
    [validation, unitCount, unit],
  );
  const counts = useMemo(() => countBySeverity(findings), [findings]);
  const shown = useMemo(
    () =>
      findings.filter(
        (f) =>
          (severity === "all" || f.severity === severity) &&
          (!evidenceOnly || EVIDENCE_FINDING_CODES.includes(f.code)),
      ),
    [findings, severity, evidenceOnly],
  );
  return { findings, counts, shown };
}

/** After the commit that shows a new result: the end of the bench's "first render" of a check. */
function useResultShown(
  validation: ParIndexState["validation"],
  heading: RefObject<HTMLHeadingElement | null>,
  focusAfterCheck: RefObject<boolean>,
) {
  useEffect(() => {
    if (validation) mark(RESULTS_SHOWN_MARK);
    // A check the user pressed moves the focus to the result (a live re-check leaves it in Excel).
    if (validation && focusAfterCheck.current) {
      focusAfterCheck.current = false;
      heading.current?.focus();
    }
  }, [validation, heading, focusAfterCheck]);
}

/** The filters over the findings, the navigator and the list itself. */
function FindingsSection(props: {
  findings: readonly Finding[];
  shown: readonly Finding[];
  unit: UnitAnalysis | null;
  lang: Lang;
  severity: Severity | "all";
  onShowAll: () => void;
  evidenceOnly: boolean;
  onEvidenceOnly: (on: boolean) => void;
  current: Finding | null;
  onSelect: (f: Finding) => void;
  fresh: ReadonlySet<string>;
}) {
  const styles = useStyles();
  const { findings, shown, unit, lang, severity, evidenceOnly, current, onSelect } = props;
  const order = useMemo(() => findingOrder(shown), [shown]);
  const labels = useMemo(
    () => new Map(unit?.score.nodes.map((n) => [nodeItemKey(n), n.label]) ?? []),
    [unit],
  );
  const hasEvidence = findings.some((f) => EVIDENCE_FINDING_CODES.includes(f.code));
  return (
    <>
      {(severity !== "all" || hasEvidence) && (
        <div className={styles.row}>
          {hasEvidence && (
            <Switch
              label={t(lang, "evidenceOnly")}
              checked={evidenceOnly}
              onChange={(_, d) => props.onEvidenceOnly(d.checked)}
            />
          )}
          {severity !== "all" && (
            <Button size="small" appearance="subtle" onClick={props.onShowAll}>
              {t(lang, "showAll")}
            </Button>
          )}
        </div>
      )}
      {evidenceOnly && (
        <Text>{t(lang, "evidenceToComplete", { count: new Set(shown.map((f) => f.item)).size })}</Text>
      )}
      <FindingNavigator order={order} current={current} lang={lang} onSelect={onSelect} />
      <FindingsList
        findings={shown}
        lang={lang}
        labels={labels}
        current={current}
        onSelect={onSelect}
        fresh={props.fresh}
      />
    </>
  );
}

function TotalsSection({ unit, lang }: { unit: UnitAnalysis; lang: Lang }) {
  const styles = useStyles();
  return (
    <details open className={styles.section}>
      <summary className={styles.summary}>{t(lang, "totals")}</summary>
      <AreaTable unit={unit} lang={lang} />
    </details>
  );
}

function OptionsSection({ state }: { state: ParIndexState }) {
  const styles = useStyles();
  const { lang, validation } = state;
  return (
    <details className={styles.section}>
      <summary className={styles.summary}>{t(lang, "options")}</summary>
      <div className={styles.stack}>
        <Switch
          label={t(lang, "highlight")}
          checked={state.highlighted}
          disabled={!validation}
          onChange={(_, d) => void state.setHighlighted(d.checked)}
        />
      </div>
    </details>
  );
}

/** How long a finding new since the previous check keeps its "mới" mark. */
const FRESH_MS = 8000;

/** The keys of findings new since the previous check, for a few seconds after each re-check. */
function useFreshFindings(changes: ParIndexState["changes"], validation: ParIndexState["validation"]) {
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => {
    const keys = changes && validation ? new Set(changes.newKeys) : new Set<string>();
    setFresh(keys);
    if (keys.size === 0) return;
    const timer = setTimeout(() => setFresh(new Set()), FRESH_MS);
    return () => clearTimeout(timer);
  }, [changes, validation]);
  return fresh;
}

/** The one primary action, the live re-check switch beside it, and what is running. */
function ActionRow({ state, onCheck }: { state: ParIndexState; onCheck: () => void }) {
  const styles = useStyles();
  const { lang, validation } = state;
  const busy = state.busy !== null;
  return (
    <div className={styles.row}>
      <Button appearance="primary" onClick={onCheck} disabledFocusable={!state.ready || busy}>
        {validation ? t(lang, "recheck") : t(lang, "check")}
      </Button>
      {state.liveSupported ? (
        <Switch
          label={t(lang, "liveCheck")}
          checked={state.live}
          disabled={!state.ready}
          onChange={(_, d) => void state.setLive(d.checked)}
        />
      ) : (
        <Text size={200} className={styles.muted}>
          {t(lang, "liveUnsupported")}
        </Text>
      )}
      {state.busy === "check" && <Spinner size="tiny" label={t(lang, "checking")} />}
      {state.busy === "write" && <Spinner size="tiny" label={t(lang, "writing")} />}
      {/* What the last re-check changed, on screen too (the status region says it to screen readers). */}
      {state.changes && state.busy === null && (
        <Text size={200} className={styles.muted} data-testid="changes">
          {changesText(lang, state.changes)}
        </Text>
      )}
    </div>
  );
}

/** A corrected column re-checks at once, so the user sees the effect of the correction. */
function useRecheckOnCorrection(state: ParIndexState) {
  const corrections = JSON.stringify(state.settings.columns ?? null);
  const last = useRef(corrections);
  const { validation, check } = state;
  useEffect(() => {
    if (corrections === last.current) return;
    last.current = corrections;
    if (validation) void check();
  }, [corrections, validation, check]);
}

function FirstRun({ lang }: { lang: Lang }) {
  const styles = useStyles();
  return (
    <Bar intent="info" layout="multiline">
      {t(lang, "firstRun")}{" "}
      <Link href="help.html" target="_blank" rel="noopener" className={styles.link}>
        {t(lang, "help")}
      </Link>
    </Bar>
  );
}

function WrittenBar({ state }: { state: ParIndexState }) {
  const { written, lang } = state;
  if (!written || written.length === 0) return null;
  const first = written[0];
  return (
    <Bar
      intent="success"
      layout="multiline"
      actions={
        <Button size="small" onClick={() => void state.goTo(first)}>
          {t(lang, "goThere", { sheet: first })}
        </Button>
      }
    >
      {t(lang, "wrote", { sheets: written.map((s) => `"${s}"`).join(", ") })}
      {state.validation?.pageLayout === false && <> {t(lang, "noPageSetup")}</>}
    </Bar>
  );
}

/** What "Ghi kết quả thẩm định vào sổ" wrote, for which unit, and the one way there (on the user's click). */
function AppraisalBar({ state }: { state: ParIndexState }) {
  const { appraisal, lang } = state;
  if (!appraisal) return null;
  return (
    <Bar
      intent="success"
      layout="multiline"
      actions={
        <Button size="small" onClick={() => void state.goTo(appraisal.sheet)}>
          {t(lang, "goThere", { sheet: appraisal.sheet })}
        </Button>
      }
    >
      {t(lang, "wroteAppraisal", { sheet: appraisal.sheet, unit: appraisal.unit })}
      {appraisal.pending > 0 && <> {t(lang, "appraisalPending", { count: appraisal.pending })}</>}
      {appraisal.peers === 0 && <> {t(lang, "noGroupAverage")}</>}
      {appraisal.pageLayout === false && <> {t(lang, "noPageSetup")}</>}
    </Bar>
  );
}

function SettingsProblems({ problems, lang }: { problems: ParIndexState["settingsProblems"]; lang: Lang }) {
  if (problems.length === 0) return null;
  return (
    <Bar intent="warning" layout="multiline">
      <MessageBarTitle>{t(lang, "settingsProblems")}</MessageBarTitle>
      <ul style={{ margin: 0, paddingLeft: "1.2em" }}>
        {problems.map((p) => (
          <li key={p.en}>{p[lang]}</li>
        ))}
      </ul>
    </Bar>
  );
}

/** What the engine suggests when another rubric fits the workbook better; read defensively (optional field). */
export function betterRubricOf(unit: UnitAnalysis): { id: string; name: string; fit: number } | null {
  const b = (unit as { betterRubric?: unknown }).betterRubric as Record<string, unknown> | undefined;
  if (!b || typeof b !== "object") return null;
  if (typeof b.id !== "string" || typeof b.name !== "string" || typeof b.fit !== "number") return null;
  if (b.id === unit.rubric.id || !Number.isFinite(b.fit)) return null;
  return { id: b.id, name: b.name, fit: b.fit };
}

function BetterRubricBar({ unit, state }: { unit: UnitAnalysis; state: ParIndexState }) {
  const better = betterRubricOf(unit);
  if (!better) return null;
  const { lang } = state;
  // The engine may give the fit as a share (0–1) or a percentage.
  const fit = Math.round(better.fit <= 1 ? better.fit * 100 : better.fit);
  return (
    <Bar
      intent="warning"
      layout="multiline"
      actions={
        <Button
          size="small"
          onClick={() => void state.switchRubric(better.id)}
          disabledFocusable={state.busy !== null}
        >
          {t(lang, "switchRubric", { name: better.name })}
        </Button>
      }
    >
      {t(lang, "betterRubric", { name: better.name, fit })}
    </Bar>
  );
}

function LayoutSection({ unit, state }: { unit: UnitAnalysis; state: ParIndexState }) {
  const styles = useStyles();
  const { lang } = state;
  const columns = Object.entries(unit.table.columns)
    .map(([role, col]) => `${roleName(role as ColumnRole)[lang]}: ${columnLetters(col as number)}`)
    .join(", ");
  return (
    <details className={styles.section}>
      <summary className={styles.summary}>
        {t(lang, "layout")}
        {state.manualColumns ? ` (${t(lang, "manualColumns")})` : ""}
      </summary>
      <Text block className={styles.muted} style={{ overflowWrap: "anywhere" }}>
        {t(lang, "layoutLine", { sheet: unit.sheet, row: unit.table.headerRow + 1 })}; {columns}
      </Text>
      <Text block>{t(lang, "fixColumns")}</Text>
      <div className={styles.row}>
        {FIX_COLUMN_ROLES.map((role) => (
          <Field key={role} label={roleName(role)[lang]} size="small">
            <Select
              value={String(unit.table.columns[role] ?? "")}
              onChange={(_, d) =>
                state.correctColumn(unit.sheet, role, d.value === "" ? null : Number(d.value))
              }
            >
              <option value="">—</option>
              {columnChoices(unit).map((letter, c) => (
                <option key={letter} value={c}>
                  {letter}
                </option>
              ))}
            </Select>
          </Field>
        ))}
      </div>
      {state.manualColumns && (
        <Button size="small" onClick={state.clearColumns}>
          {t(lang, "resetColumns")}
        </Button>
      )}
    </details>
  );
}

/** Column letters offered when correcting the layout: a few past the last recognised column. */
function columnChoices(unit: UnitAnalysis): string[] {
  const last = Math.max(11, ...Object.values(unit.table.columns).map((c) => (c ?? 0) + 2));
  return Array.from({ length: last + 1 }, (_, c) => columnLetters(c));
}
