import { Button, Field, Radio, RadioGroup, Text, makeStyles } from "@fluentui/react-components";
import { Bar } from "./Bar";
import { useState } from "react";
import { FIELD_TEXT, type WorkbookDiff } from "../core/diff";
import type { Text as Bilingual } from "../core/finding";
import { fill, formatNumber, type Lang } from "../core/i18n";
import { roleName } from "../core/columns";
import { builtinRubric, DEFAULT_RUBRIC_ID } from "../core/rubric/builtin";
import { rubricLabel } from "../core/rubric/identity";
import type { Rubric } from "../core/rubric/schema";
import { diffSheetSpec } from "../core/sheets/diff";
import type { CellValue } from "../core/snapshot";
import type { ExcelService } from "../excel/service";
import { diffAgainstWorkbook, diffFromFiles } from "./round-files";
import { FilePicker } from "./FilePicker";
import { sharedStyles } from "./styles";
import { WriteSheet } from "./WriteSheet";
import { errorText } from "../core/errors";

const useStyles = makeStyles({ ...sharedStyles });

const S = {
  title: { vi: "So sánh với bản trước", en: "Compare with the earlier version" },
  mode: { vi: "So sánh gì với gì", en: "What to compare" },
  modeOpen: {
    vi: "Sổ đang mở (bản nộp lại) với bản trước chọn từ tệp",
    en: "The open workbook (resubmission) with an earlier version picked as a file",
  },
  modeFiles: { vi: "Hai tệp chọn từ máy", en: "Two picked files" },
  write: { vi: "Ghi bảng so sánh vào sổ", en: "Write the comparison sheet into the workbook" },
  before: { vi: "Bản trước", en: "Earlier version" },
  after: { vi: "Bản nộp lại", en: "Resubmission" },
  run: { vi: "So sánh", en: "Compare" },
  structure: { vi: "Thay đổi cấu trúc (không phải nội dung)", en: "Structure changes (not content)" },
  columns: { vi: "Cột dời chỗ", en: "Columns moved" },
  content: {
    vi: "Thay đổi nội dung: {n} tiêu chí ({same} giữ nguyên)",
    en: "Content changes: {n} item(s) ({same} unchanged)",
  },
  added: { vi: "thêm mới", en: "added" },
  removed: { vi: "bị bỏ", en: "removed" },
  totals: { vi: "Tổng điểm tự chấm, trước → sau", en: "Self totals, before → after" },
  empty: { vi: "(trống)", en: "(empty)" },
} satisfies Record<string, Bilingual>;

type Mode = "open" | "files";
type Outcome = { diff: WorkbookDiff; run: number } | { error: Bilingual };

/**
 * A unit's resubmission compared item by item with its earlier version: by default the open workbook
 * (read through the service) against an earlier version picked as a file, or two picked files. Nothing
 * is written to the workbook unless the user presses "Ghi bảng so sánh vào sổ".
 */
export function DiffView({
  state,
  service,
}: {
  state: { lang: Lang; rubric: Rubric | null };
  service?: ExcelService | null;
}) {
  const styles = useStyles();
  const { lang } = state;
  const [chosen, setChosen] = useState<Mode | null>(null);
  const mode: Mode = service ? (chosen ?? "open") : "files";
  const [before, setBefore] = useState<File | null>(null);
  const [after, setAfter] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [runs, setRuns] = useState(0);
  const [result, setResult] = useState<Outcome | null>(null);
  const rubric = state.rubric ?? builtinRubric(DEFAULT_RUBRIC_ID);
  const precision = rubric?.precision ?? 2;
  const ready = mode === "open" ? !!before && !!service : !!before && !!after;
  const run = async () => {
    if (!before || !rubric) return;
    setBusy(true);
    setResult(null);
    try {
      const found =
        mode === "open" && service
          ? await diffAgainstWorkbook(before, (await service.readWorkbook()).workbook, rubric)
          : after
            ? await diffFromFiles(before, after, rubric)
            : null;
      setResult(found && "diff" in found ? { ...found, run: runs + 1 } : found);
      setRuns(runs + 1);
    } catch (e) {
      setResult({ error: errorText(e) });
    } finally {
      setBusy(false);
    }
  };
  // The pane's own picker (as the Check tab's): worded in the pane's language, never the browser's.
  const picker = (label: string, set: (f: File | null) => void) => (
    <FilePicker label={label} lang={lang} accept=".xlsx,.xlsm" onFiles={(files) => set(files[0] ?? null)} />
  );
  return (
    <section className={styles.stack} aria-label={S.title[lang]}>
      <Field label={S.mode[lang]}>
        <RadioGroup value={mode} onChange={(_, d) => setChosen(d.value as Mode)}>
          <Radio value="open" label={S.modeOpen[lang]} disabled={!service} />
          <Radio value="files" label={S.modeFiles[lang]} />
        </RadioGroup>
      </Field>
      {picker(S.before[lang], setBefore)}
      {mode === "files" && picker(S.after[lang], setAfter)}
      <Button appearance="primary" disabled={!ready || busy} onClick={() => void run()}>
        {S.run[lang]}
      </Button>
      {result && "error" in result && (
        <Bar intent="error" layout="multiline">
          {result.error[lang]}
        </Bar>
      )}
      {result && "diff" in result && <DiffOutcome diff={result.diff} lang={lang} precision={precision} />}
      {result && "diff" in result && service && (
        <WriteSheet
          key={result.run}
          service={service}
          lang={lang}
          label={S.write[lang]}
          spec={() => diffSheetSpec(result.diff, { precision, lang, rubric: rubricLabel(rubric) })}
        />
      )}
    </section>
  );
}

/** What changed: the problems, structure changes, the items with old → new values, the totals. */
function DiffOutcome({ diff: d, lang, precision }: { diff: WorkbookDiff; lang: Lang; precision: number }) {
  const styles = useStyles();
  const shown = (v: CellValue) =>
    v === null || v === ""
      ? S.empty[lang]
      : typeof v === "number"
        ? formatNumber(v, precision, lang)
        : String(v);
  const moved = d.structure.filter((s) => s.kind === "column-moved");
  const changed = d.items.filter((i) => i.status === "changed").length;
  return (
    <div className={styles.stack} aria-live="polite">
      {d.problems.map((p) => (
        <Bar key={p.en} intent="warning" layout="multiline">
          {p[lang]}
        </Bar>
      ))}
      {d.structure.length > 0 && (
        <div>
          <Text weight="semibold">{S.structure[lang]}</Text>
          <ul>
            {moved.length > 0 && (
              <li>
                {S.columns[lang]}:{" "}
                {moved.map((s) => `${s.role ? roleName(s.role)[lang] : ""} ${s.from}→${s.to}`).join(", ")}
              </li>
            )}
            {d.structure
              .filter((s) => s.kind !== "column-moved")
              .map((s) => (
                <li key={s.message.en}>{s.message[lang]}</li>
              ))}
          </ul>
        </div>
      )}
      <Text weight="semibold">{fill(S.content[lang], { n: changed, same: d.unchanged })}</Text>
      <ul aria-label={S.title[lang]}>
        {d.items.map((i) => (
          <li key={`${i.status}-${i.item}`}>
            <strong>{i.item}</strong> {i.label}
            {i.status !== "changed" && ` (${S[i.status][lang]})`}
            {i.changes.length > 0 && (
              <ul>
                {i.changes.map((c) => (
                  <li key={c.field}>
                    {FIELD_TEXT[c.field][lang]}: {shown(c.old)} [{c.oldCell ?? "–"}] → {shown(c.new)} [
                    {c.newCell ?? "–"}]
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
      <table className={styles.table} aria-label={S.totals[lang]}>
        <caption style={{ textAlign: "left", fontWeight: 600 }}>{S.totals[lang]}</caption>
        <tbody>
          {d.totals.map((t) => (
            <tr key={t.code || "all"}>
              <td>{t.code ? `${t.code}. ${t.label}` : t.label}</td>
              <td className={styles.num} style={{ whiteSpace: "nowrap" }}>
                {formatNumber(t.old.self, precision, lang)} → {formatNumber(t.new.self, precision, lang)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
