import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Text,
  makeStyles,
} from "@fluentui/react-components";
import { useState } from "react";
import type { Text as Bilingual } from "../core/finding";
import { formatNumber, type Lang } from "../core/i18n";
import { type Intake, STATUS_TEXT, sortIntakeRows } from "../core/intake";
import { builtinRubric, DEFAULT_RUBRIC_ID } from "../core/rubric/builtin";
import type { Rubric } from "../core/rubric/schema";
import { lostPoints } from "../core/lost-points";
import type { UnitScore } from "../core/score";
import { LostPointsChart } from "./LostPointsChart";
import { intakeFromFiles, spreadsheetFiles } from "./round-files";
import { sharedStyles } from "./styles";

const useStyles = makeStyles({ ...sharedStyles });

// This view's words, both languages side by side (kept here until the pane's string table takes them).
const S = {
  title: { vi: "Tiếp nhận", en: "Intake" },
  files: { vi: "Các biểu chấm điểm đơn vị gửi", en: "The units' scoring workbooks" },
  folder: { vi: "…hoặc cả một thư mục", en: "…or a whole folder" },
  chosen: {
    vi: "Đã chọn {n} tệp (đọc trên máy, không tải lên đâu cả)",
    en: "{n} file(s) chosen (read here, never uploaded)",
  },
  list: {
    vi: "Danh sách đơn vị phải nộp (tuỳ chọn: .xlsx, .csv, .json, xếp hạng năm trước)",
    en: "Units expected to submit (optional: .xlsx, .csv, .json, last year's ranking)",
  },
  run: { vi: "Tiếp nhận", en: "Take in" },
  reading: { vi: "Đang đọc {done}/{total}…", en: "Reading {done}/{total}…" },
  unit: { vi: "Đơn vị", en: "Unit" },
  status: { vi: "Tình trạng", en: "Status" },
  self: { vi: "Tự chấm", en: "Self" },
  issues: { vi: "Lỗi/cảnh báo", en: "Errors/warnings" },
  lostFor: { vi: "Mất điểm ở đâu: {unit}", en: "Where the points were lost: {unit}" },
  showLost: { vi: "Xem {unit} mất điểm ở đâu", en: "See where {unit} lost points" },
} satisfies Record<string, Bilingual>;

function say(lang: Lang, key: keyof typeof S, vars: Record<string, string | number> = {}): string {
  return S[key][lang].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ""));
}

type IntakeResult = Awaited<ReturnType<typeof intakeFromFiles>>;
type Progress = { done: number; total: number };

/** The intake of picked files: one row per unit, the ones to chase first; nothing is written to the workbook. */
export function IntakeView({ state }: { state: { lang: Lang; rubric: Rubric | null } }) {
  const styles = useStyles();
  const { lang } = state;
  const [files, setFiles] = useState<File[]>([]);
  const [list, setList] = useState<File | null>(null);
  const rubric = state.rubric ?? builtinRubric(DEFAULT_RUBRIC_ID);
  const { progress, result, selected, setSelected, run } = useIntakeRun(files, list, rubric);
  const precision = rubric?.precision ?? 2;
  return (
    <section className={styles.stack} aria-label={S.title[lang]}>
      <IntakePickers lang={lang} fileCount={files.length} onFiles={setFiles} onList={setList} />
      <Button
        appearance="primary"
        disabled={files.length === 0 || progress !== null}
        onClick={() => void run()}
      >
        {S.run[lang]}
      </Button>
      {progress && (
        <Field validationMessage={say(lang, "reading", progress)} validationState="none">
          <ProgressBar value={progress.done / Math.max(1, progress.total)} />
        </Field>
      )}
      {result && (
        <IntakeOutcome
          result={result}
          lang={lang}
          precision={precision}
          selected={selected}
          onSelect={setSelected}
        />
      )}
    </section>
  );
}

/**
 * Reading the picked files: the progress while it runs, its result, and which unit's lost points are open.
 * A new run clears the old result and selection first, so a stale table never sits beside a new progress bar.
 */
function useIntakeRun(files: File[], list: File | null, rubric: Rubric | null) {
  const [progress, setProgress] = useState<Progress | null>(null);
  const [result, setResult] = useState<IntakeResult | null>(null);
  // The unit (by its counted file) whose lost points are shown.
  const [selected, setSelected] = useState<string | null>(null);
  const run = async () => {
    if (!rubric) return;
    setResult(null);
    setSelected(null);
    try {
      setResult(
        await intakeFromFiles(files, list, rubric, async (done, total) => {
          setProgress({ done, total });
          // Let the progress bar paint between files.
          await new Promise((r) => setTimeout(r, 0));
        }),
      );
    } finally {
      setProgress(null);
    }
  };
  return { progress, result, selected, setSelected, run };
}

/** The three pickers: the units' workbooks (as files or a whole folder) and the optional list of expected units. */
function IntakePickers({
  lang,
  fileCount,
  onFiles,
  onList,
}: {
  lang: Lang;
  fileCount: number;
  onFiles: (files: File[]) => void;
  onList: (list: File | null) => void;
}) {
  return (
    <>
      <Field label={S.files[lang]} hint={say(lang, "chosen", { n: fileCount })}>
        {(props) => (
          <input
            {...props}
            type="file"
            multiple
            accept=".xlsx,.xlsm,.xls,.xlsb,.ods,.csv"
            onChange={(e) => onFiles(spreadsheetFiles([...(e.target.files ?? [])]))}
          />
        )}
      </Field>
      <Field label={S.folder[lang]}>
        {(props) => (
          <input
            {...props}
            type="file"
            // The browser's directory picker: every file of the folder, filtered to spreadsheets.
            {...({ webkitdirectory: "" } as Record<string, string>)}
            onChange={(e) => onFiles(spreadsheetFiles([...(e.target.files ?? [])]))}
          />
        )}
      </Field>
      <Field label={S.list[lang]}>
        {(props) => (
          <input
            {...props}
            type="file"
            accept=".xlsx,.csv,.json"
            onChange={(e) => onList(e.target.files?.[0] ?? null)}
          />
        )}
      </Field>
    </>
  );
}

/** What the intake found: the list's problems, the counts, the table of units, the chosen unit's lost points. */
function IntakeOutcome({
  result,
  lang,
  precision,
  selected,
  onSelect,
}: {
  result: IntakeResult;
  lang: Lang;
  precision: number;
  selected: string | null;
  onSelect: (file: string | null) => void;
}) {
  const styles = useStyles();
  return (
    <div className={styles.stack} aria-live="polite">
      {result.listProblems.map((p) => (
        <MessageBar key={p.en} intent="warning">
          <MessageBarBody>{p[lang]}</MessageBarBody>
        </MessageBar>
      ))}
      <Text weight="semibold">{countsLine(result.intake, lang)}</Text>
      <IntakeTable result={result} lang={lang} precision={precision} onSelect={onSelect} />
      {selected && result.scores.get(selected) && (
        <SelectedLostPoints result={result} selected={selected} lang={lang} precision={precision} />
      )}
      {result.intake.problems.length > 0 && (
        <ul>
          {result.intake.problems.map((p) => (
            <li key={p.en}>{p[lang]}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** One row per unit, the ones to chase first; a unit with a scored file opens its lost points. */
function IntakeTable({
  result,
  lang,
  precision,
  onSelect,
}: {
  result: IntakeResult;
  lang: Lang;
  precision: number;
  onSelect: (file: string | null) => void;
}) {
  const styles = useStyles();
  return (
    <table className={styles.table} aria-label={S.title[lang]}>
      <thead>
        <tr>
          <th style={{ textAlign: "left" }}>{S.status[lang]}</th>
          <th style={{ textAlign: "left" }}>{S.unit[lang]}</th>
          <th className={styles.num}>{S.self[lang]}</th>
          <th className={styles.num}>{S.issues[lang]}</th>
        </tr>
      </thead>
      <tbody>
        {sortIntakeRows(result.intake.rows).map((r) => (
          <tr key={`${r.unit}-${r.submission?.file ?? ""}`}>
            <td>{STATUS_TEXT[r.status][lang]}</td>
            <td title={r.submission?.file}>
              {r.submission && result.scores.has(r.submission.file) ? (
                <Button
                  size="small"
                  appearance="transparent"
                  aria-label={say(lang, "showLost", { unit: r.unit })}
                  onClick={() => onSelect(r.submission?.file ?? null)}
                >
                  {r.unit}
                </Button>
              ) : (
                r.unit
              )}
              {r.note && <div className={styles.muted}>{r.note[lang]}</div>}
            </td>
            <td className={styles.num}>
              {r.submission?.selfTotal == null ? "" : formatNumber(r.submission.selfTotal, precision, lang)}
            </td>
            <td className={styles.num}>
              {r.submission && !r.submission.error ? `${r.submission.errors}/${r.submission.warnings}` : ""}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Where the chosen unit lost points, against the group of counted files. */
function SelectedLostPoints({
  result,
  selected,
  lang,
  precision,
}: {
  result: IntakeResult;
  selected: string;
  lang: Lang;
  precision: number;
}) {
  const styles = useStyles();
  return (
    <div className={styles.stack}>
      <Text weight="semibold">
        {say(lang, "lostFor", {
          unit: result.intake.rows.find((r) => r.submission?.file === selected)?.unit ?? selected,
        })}
      </Text>
      <LostPointsChart
        lost={lostPoints(result.scores.get(selected) as UnitScore, countedScores(result))}
        lang={lang}
        precision={precision}
      />
    </div>
  );
}

/** The group for the average: the file counted for each unit (never an ignored duplicate). */
function countedScores(result: IntakeResult): UnitScore[] {
  return result.intake.rows.flatMap((r) => {
    const score = r.submission ? result.scores.get(r.submission.file) : undefined;
    return score ? [score] : [];
  });
}

function countsLine(intake: Intake, lang: Lang): string {
  const c = intake.counts;
  return lang === "vi"
    ? `Đã nhận ${c.received}, chưa nộp ${c.missing}, không đọc được ${c.unreadable}, nộp trùng ${c.duplicate}, ngoài danh sách ${c["not-on-list"]}`
    : `Received ${c.received}, missing ${c.missing}, unreadable ${c.unreadable}, duplicate ${c.duplicate}, not on the list ${c["not-on-list"]}`;
}
