import { Badge, Button, Field, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import { Bar } from "../taskpane/Bar";
import { useMemo, useState } from "react";
import { resultRows } from "../app/result-rows";
import type { UnitAnalysis } from "../core/analyse";
import type { Finding, Severity } from "../core/finding";
import { EVIDENCE_FINDING_CODES } from "../core/finding-registry";
import { findingKind, formatNumber, type Lang, t } from "../core/i18n";
import type { CheckedFile } from "./check";
import { resultCardStyles } from "./page-styles";
import { s } from "./strings";

/**
 * One checked file as the pane shows a checked workbook: per unit the summary (unit, rubric, index and
 * rating, counts), totals by area, then the findings with a severity filter and the missing-evidence
 * view. The list is capped so a sheet with ten thousand warnings still renders at once; the CSV has all.
 */
export const SHOWN_FINDINGS = 200;
const SEVERITIES: Severity[] = ["error", "warning", "info"];

const useStyles = makeStyles({
  ...resultCardStyles,
  card: { ...resultCardStyles.card, backgroundColor: tokens.colorNeutralBackground1 },
  row: { display: "flex", gap: "8px", alignItems: "center", flexWrap: "wrap" },
  list: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "2px" },
  finding: { overflowWrap: "anywhere" },
  address: { fontFamily: tokens.fontFamilyMonospace, marginRight: "4px" },
  total: { fontWeight: tokens.fontWeightSemibold, borderTop: `1px solid ${tokens.colorNeutralStroke1}` },
});

export function FileResult({
  result,
  lang,
  rubricName,
  onDownload,
  busy,
}: {
  result: CheckedFile;
  lang: Lang;
  rubricName: string;
  onDownload: (kind: "report" | "csv", files: CheckedFile[]) => void;
  busy: boolean;
}) {
  const styles = useStyles();
  const units = result.analysis?.units ?? [];
  const wide = result.analysis?.findings ?? (result.error ? [] : result.findings);
  const named = new Set(wide.map((f) => f.sheet));
  const skipped = (result.analysis?.skipped ?? []).filter((x) => !named.has(x.sheet));
  return (
    <section className={styles.card} aria-label={result.file} data-file={result.file}>
      <Text as="h2" size={500} weight="semibold" className={styles.finding}>
        {result.file}
      </Text>
      {result.error && <Bar intent="error">{result.error[lang]}</Bar>}
      {!result.error && units.length === 0 && <Bar intent="warning">{s(lang, "noUnit")}</Bar>}
      {wide.map((f) => (
        <Bar key={`${f.code}-${f.sheet}-${f.address}`} intent={f.severity === "error" ? "error" : "warning"}>
          {f.sheet && f.address ? `${f.sheet}!${f.address}: ` : ""}
          {f.message[lang]}
        </Bar>
      ))}
      {skipped.length > 0 && (
        // The sheets that are not units, once each with why (a sheet a finding above names is not repeated).
        <ul className={styles.muted} data-testid="skipped-sheets">
          {skipped.map((x) => (
            <li key={x.sheet}>{x.message[lang]}</li>
          ))}
        </ul>
      )}
      {units.map((u) => (
        <UnitResult key={u.sheet} unit={u} lang={lang} rubricName={rubricName} />
      ))}
      {!result.error && (
        <div className={styles.row}>
          <Button disabled={busy} onClick={() => onDownload("report", [result])}>
            {s(lang, "downloadReport")}
          </Button>
          <Button disabled={busy} onClick={() => onDownload("csv", [result])}>
            {s(lang, "downloadCsv")}
          </Button>
        </div>
      )}
    </section>
  );
}

function UnitResult({ unit, lang, rubricName }: { unit: UnitAnalysis; lang: Lang; rubricName: string }) {
  const styles = useStyles();
  const sc = unit.score;
  const f = (x: number | null) => formatNumber(x, sc.precision, lang);
  const rating = sc.rating
    ? lang === "vi"
      ? sc.rating.label
      : (sc.rating.labelEn ?? sc.rating.label)
    : null;
  const counts = useMemo(() => {
    const c = { error: 0, warning: 0, info: 0 };
    for (const x of unit.findings) c[x.severity]++;
    return c;
  }, [unit.findings]);
  return (
    <div className={styles.card} data-unit={unit.unit}>
      <Text as="h3" weight="semibold">
        {t(lang, "unitName", { unit: unit.unit })}{" "}
        {unit.unitFrom === "file" && <span className={styles.muted}>{t(lang, "unitFromFile")}</span>}
      </Text>
      <Text className={styles.muted}>
        {s(lang, "rubricInUse", { name: rubricName })} ·{" "}
        {t(lang, "layoutLine", { sheet: unit.sheet, row: unit.table.headerRow + 1 })}
      </Text>
      <Text size={400} weight="semibold" data-testid="index">
        {sc.index.final !== null
          ? t(lang, "index", { value: f(sc.index.final), max: f(sc.scaleMax) })
          : t(lang, "indexWithoutSurvey", { value: f(sc.indexWithoutSurvey.final) })}
        {rating ? ` — ${t(lang, "rating", { rating })}` : ""}
      </Text>
      <div className={styles.row}>
        {SEVERITIES.map((x) => (
          <Badge
            key={x}
            appearance="tint"
            color={x === "error" ? "danger" : x === "warning" ? "warning" : "informative"}
          >
            {t(lang, x)}: {counts[x]}
          </Badge>
        ))}
      </div>
      <table className={styles.table}>
        <caption className={styles.cell} style={{ fontWeight: 600 }}>
          {t(lang, "totals")}
        </caption>
        <thead>
          <tr>
            <th className={styles.cell}>{t(lang, "area")}</th>
            <th className={styles.num}>{t(lang, "max")}</th>
            <th className={styles.num}>{t(lang, "self")}</th>
            <th className={styles.num}>{t(lang, "appraised")}</th>
            <th className={styles.num}>{t(lang, "final")}</th>
          </tr>
        </thead>
        <tbody>
          {/* The rows every face shows (src/app): areas, bonus and penalty when entered, the total. */}
          {resultRows(sc).map((r) => (
            <tr key={r.area?.code ?? r.kind} data-row={r.kind}>
              <td className={styles.cell}>{r.label[lang]}</td>
              <td className={styles.num}>{r.max === null ? "" : f(r.max)}</td>
              <td className={styles.num}>{f(r.self)}</td>
              <td className={styles.num}>{f(r.appraised)}</td>
              <td className={styles.num}>{f(r.final)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Findings findings={unit.findings} lang={lang} />
    </div>
  );
}

function Findings({ findings, lang }: { findings: readonly Finding[]; lang: Lang }) {
  const styles = useStyles();
  const [severity, setSeverity] = useState<Severity | "all">("all");
  const [view, setView] = useState<"all" | "evidence">("all");
  if (findings.length === 0) return <Bar intent="success">{t(lang, "noFindings")}</Bar>;
  const matching = findings.filter(
    (x) =>
      (severity === "all" || x.severity === severity) &&
      (view === "all" || EVIDENCE_FINDING_CODES.includes(x.code)),
  );
  const shown = matching.slice(0, SHOWN_FINDINGS);
  return (
    <div className={styles.card} style={{ border: "none", padding: 0 }}>
      <Text as="h4" weight="semibold">
        {t(lang, "findings")} ({findings.length})
      </Text>
      <div className={styles.row}>
        <Field label={t(lang, "filterSeverity")} size="small">
          <Select value={severity} onChange={(_, d) => setSeverity(d.value as Severity | "all")}>
            <option value="all">{t(lang, "all")}</option>
            {SEVERITIES.map((x) => (
              <option key={x} value={x}>
                {t(lang, x)}
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
        <Text>{t(lang, "evidenceToComplete", { count: new Set(matching.map((x) => x.item)).size })}</Text>
      )}
      <ul className={styles.list}>
        {shown.map((x) => (
          <li
            key={`${x.code}-${x.sheet}-${x.address}-${x.item}-${x.column ?? ""}`}
            className={styles.finding}
            data-code={x.code}
          >
            <Badge
              size="small"
              appearance="outline"
              color={x.severity === "error" ? "danger" : x.severity === "warning" ? "warning" : "informative"}
            >
              {s(
                lang,
                x.severity === "error" ? "oneError" : x.severity === "warning" ? "oneWarning" : "oneNote",
              )}
            </Badge>{" "}
            <span className={styles.address}>{x.address ?? "—"}</span>
            {x.item ? `[${x.item}] ` : ""}
            <span title={findingKind(lang, x.code)}>{x.message[lang]}</span>
          </li>
        ))}
      </ul>
      {matching.length > shown.length && (
        <Text className={styles.muted}>
          {s(lang, "showingFirst", { shown: shown.length, total: matching.length })}
        </Text>
      )}
    </div>
  );
}
