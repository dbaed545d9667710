import {
  Badge,
  Button,
  Field,
  Select,
  Spinner,
  Switch,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useMemo, useRef, useState } from "react";
import type { ColumnRole, UnitAnalysis } from "../core/analyse";
import { columnLetters } from "../core/address";
import type { Finding, FindingCode, Severity } from "../core/finding";
import { findingKind, formatNumber, type Lang, t } from "../core/i18n";
import { roleName } from "../core/messages";
import { sharedStyles } from "./styles";
import { allFindings, type ParIndexState } from "./useParIndex";

const useStyles = makeStyles({
  ...sharedStyles,
  row: { ...sharedStyles.row, flexWrap: "wrap" },
  bar: {
    height: "6px",
    backgroundColor: tokens.colorNeutralBackground4,
    borderRadius: "3px",
    minWidth: "40px",
  },
  fill: { height: "6px", backgroundColor: tokens.colorBrandBackground, borderRadius: "3px" },
  finding: { display: "block", textAlign: "left", width: "100%", padding: "4px", cursor: "pointer" },
});

const SEVERITIES: Severity[] = ["error", "warning", "info"];
const EVIDENCE_CODES: FindingCode[] = ["missing-evidence", "evidence-unverifiable", "evidence-out-of-period"];

export function CheckView({ state }: { state: ParIndexState }) {
  const styles = useStyles();
  const { lang, validation } = state;
  const [severity, setSeverity] = useState<Severity | "all">("all");
  const [code, setCode] = useState<FindingCode | "all">("all");
  const [view, setView] = useState<"all" | "evidence">("all");
  const findings = useMemo(() => (validation ? allFindings(validation) : []), [validation]);
  const shown = findings.filter(
    (f) =>
      (severity === "all" || f.severity === severity) &&
      (code === "all" || f.code === code) &&
      (view === "all" || EVIDENCE_CODES.includes(f.code)),
  );
  const codes = [...new Set(findings.map((f) => f.code))];
  // A corrected column re-checks at once, so the user sees the effect of the correction.
  const corrections = JSON.stringify(state.settings.columns ?? null);
  const lastCorrections = useRef(corrections);
  useEffect(() => {
    if (corrections === lastCorrections.current) return;
    lastCorrections.current = corrections;
    if (validation) void state.check();
  }, [corrections, validation, state.check]);
  return (
    <section className={styles.stack} aria-label={t(lang, "tabCheck")}>
      <div className={styles.row}>
        <Button
          appearance="primary"
          onClick={() => void state.check()}
          disabled={!state.ready || state.busy !== null}
        >
          {validation ? t(lang, "recheck") : t(lang, "check")}
        </Button>
        {state.busy === "check" && <Spinner size="tiny" label={t(lang, "checking")} />}
      </div>
      <Switch
        label={t(lang, "liveCheck")}
        checked={state.live}
        onChange={(_, d) => void state.setLive(d.checked)}
      />
      {!state.liveSupported && <Text className={styles.muted}>{t(lang, "liveUnsupported")}</Text>}
      <Switch
        label={t(lang, "highlight")}
        checked={state.highlighted}
        disabled={!validation}
        onChange={(_, d) => void state.setHighlighted(d.checked)}
      />
      {!validation && <Text className={styles.muted}>{t(lang, "notChecked")}</Text>}
      {validation?.analysis.units.map((u) => (
        <UnitSummary key={u.sheet} unit={u} lang={lang} onCorrect={state.correctColumn} />
      ))}
      {validation && (
        <>
          {/* A status region: the counts are read out after each check, without moving the focus. */}
          <div role="status" aria-live="polite">
            <Text as="h2" weight="semibold">
              {t(lang, "findings")}{" "}
              {SEVERITIES.map((s) => (
                <Badge
                  key={s}
                  appearance="tint"
                  color={s === "error" ? "danger" : s === "warning" ? "warning" : "informative"}
                  style={{ marginLeft: 4 }}
                >
                  {t(lang, s)}: {findings.filter((f) => f.severity === s).length}
                </Badge>
              ))}
            </Text>
          </div>
          <div className={styles.row}>
            <Field label={t(lang, "filterSeverity")} size="small">
              <Select value={severity} onChange={(_, d) => setSeverity(d.value as Severity | "all")}>
                <option value="all">{t(lang, "all")}</option>
                {SEVERITIES.map((s) => (
                  <option key={s} value={s}>
                    {t(lang, s)}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={t(lang, "filterCode")} size="small">
              <Select value={code} onChange={(_, d) => setCode(d.value as FindingCode | "all")}>
                <option value="all">{t(lang, "all")}</option>
                {codes.map((c) => (
                  <option key={c} value={c}>
                    {findingKind(lang, c)}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={t(lang, "show")} size="small">
              <Select value={view} onChange={(_, d) => setView(d.value as "all" | "evidence")}>
                <option value="all">{t(lang, "viewAll")}</option>
                <option value="evidence">{t(lang, "viewEvidence")}</option>
              </Select>
            </Field>
          </div>
          {view === "evidence" && (
            <Text>{t(lang, "evidenceToComplete", { count: new Set(shown.map((f) => f.item)).size })}</Text>
          )}
          {findings.length === 0 && <Text>{t(lang, "noFindings")}</Text>}
          {SEVERITIES.map((s) => (
            <FindingGroup
              key={s}
              severity={s}
              findings={shown.filter((f) => f.severity === s)}
              state={state}
            />
          ))}
        </>
      )}
    </section>
  );
}

function FindingGroup({
  severity,
  findings,
  state,
}: {
  severity: Severity;
  findings: Finding[];
  state: ParIndexState;
}) {
  const styles = useStyles();
  const { lang } = state;
  if (findings.length === 0) return null;
  return (
    <fieldset
      aria-label={`${t(lang, severity)} (${findings.length})`}
      style={{ border: "none", margin: 0, padding: 0 }}
    >
      <Text as="h3" weight="semibold">
        {t(lang, severity)} ({findings.length})
      </Text>
      {byArea(findings).map(([area, list]) => (
        <div key={area}>
          <Text size={200} className={styles.muted}>
            {area === "" ? t(lang, "areaNone") : t(lang, "areaOf", { area, count: list.length })}
          </Text>
          <ul style={{ listStyle: "none", margin: 0, padding: 0 }}>
            {list.map((f) => (
              <li key={`${f.code}-${f.sheet}-${f.address}-${f.item}-${f.column ?? ""}`}>
                <Button
                  appearance="subtle"
                  className={styles.finding}
                  disabled={!f.address}
                  aria-label={
                    f.address
                      ? `${t(lang, "goToCell", { address: f.address })}: ${f.message[lang]}`
                      : f.message[lang]
                  }
                  onClick={() => void state.selectFinding(f)}
                  data-code={f.code}
                >
                  <strong>{f.address ?? "—"}</strong> {f.item ? `[${f.item}] ` : ""}
                  {f.message[lang]}
                </Button>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </fieldset>
  );
}

/** Findings by rubric area (the first part of the item code), in code order; workbook-wide ones first. */
function byArea(findings: Finding[]): [string, Finding[]][] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const area = f.item ? (f.item.split(".")[0] ?? "") : "";
    groups.set(area, [...(groups.get(area) ?? []), f]);
  }
  return [...groups.entries()].sort((a, b) => a[0].localeCompare(b[0], "vi", { numeric: true }));
}

const ROLES: ColumnRole[] = [
  "code",
  "label",
  "max",
  "guidance",
  "self",
  "evidence",
  "explanation",
  "appraised1",
  "appraised2",
  "note",
];

function UnitSummary({
  unit,
  lang,
  onCorrect,
}: {
  unit: UnitAnalysis;
  lang: Lang;
  onCorrect: (sheet: string, role: string, col: number | null) => void;
}) {
  const styles = useStyles();
  const s = unit.score;
  const f = (x: number | null) => formatNumber(x, s.precision, lang);
  const columns = Object.entries(unit.table.columns)
    .map(([role, col]) => `${roleName(role as ColumnRole)[lang]}: ${columnLetters(col as number)}`)
    .join(", ");
  const rating = s.rating ? (lang === "vi" ? s.rating.label : s.rating.labelEn) : null;
  return (
    <div className={styles.stack}>
      <Text as="h2" weight="semibold">
        {t(lang, "unitName", { unit: unit.unit })}{" "}
        {unit.unitFrom === "file" && <span className={styles.muted}>{t(lang, "unitFromFile")}</span>}
      </Text>
      <Text className={styles.muted}>
        {t(lang, "layout")}: {t(lang, "layoutLine", { sheet: unit.sheet, row: unit.table.headerRow + 1 })};{" "}
        {columns}
      </Text>
      <details>
        <summary>{t(lang, "fixColumns")}</summary>
        <div className={styles.row}>
          {ROLES.map((role) => (
            <Field key={role} label={roleName(role)[lang]} size="small">
              <Select
                value={String(unit.table.columns[role] ?? "")}
                onChange={(_, d) => onCorrect(unit.sheet, role, d.value === "" ? null : Number(d.value))}
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
      </details>
      <table className={styles.table} aria-label={t(lang, "totals")}>
        <thead>
          <tr>
            <th style={{ textAlign: "left" }}>{t(lang, "area")}</th>
            <th className={styles.num}>{t(lang, "max")}</th>
            <th className={styles.num}>{t(lang, "self")}</th>
            <th className={styles.num}>{t(lang, "appraised")}</th>
            <th className={styles.num}>{t(lang, "final")}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {s.areas.map((a) => {
            const pct =
              a.scores.final === null || a.effectiveMax === 0
                ? 0
                : Math.max(0, Math.min(1, a.scores.final / a.effectiveMax));
            return (
              <tr key={a.code}>
                <td title={a.label}>
                  {a.code}. {a.label.length > 28 ? `${a.label.slice(0, 27)}…` : a.label}
                </td>
                <td className={styles.num}>{f(a.effectiveMax)}</td>
                <td className={styles.num}>{f(a.scores.self)}</td>
                <td className={styles.num}>{f(a.scores.appraised2 ?? a.scores.appraised1)}</td>
                <td className={styles.num}>{f(a.scores.final)}</td>
                <td>
                  <div className={styles.bar} role="img" aria-label={`${Math.round(pct * 100)}%`}>
                    <div className={styles.fill} style={{ width: `${Math.round(pct * 100)}%` }} />
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <Text weight="semibold">
        {s.index.final !== null
          ? t(lang, "index", { value: f(s.index.final), max: f(s.scaleMax) })
          : t(lang, "indexWithoutSurvey", { value: f(s.indexWithoutSurvey.final) })}
        {rating ? ` — ${t(lang, "rating", { rating })}` : ""}
      </Text>
    </div>
  );
}

/** Column letters offered when correcting the layout: a few past the last recognised column. */
function columnChoices(unit: UnitAnalysis): string[] {
  const last = Math.max(11, ...Object.values(unit.table.columns).map((c) => (c ?? 0) + 2));
  return Array.from({ length: last + 1 }, (_, c) => columnLetters(c));
}
