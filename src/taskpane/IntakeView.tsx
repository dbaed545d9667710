import { Button, Checkbox, Field, ProgressBar, Text, makeStyles } from "@fluentui/react-components";
import { Bar } from "./Bar";
import { useState } from "react";
import { WORKBOOK_ACCEPT } from "../app/workbook-names";
import type { Text as Bilingual } from "../core/finding";
import { fill, formatNumber, inLang, type Lang } from "../core/i18n";
import { type Intake, type IntakeRow, STATUS_TEXT, sortIntakeRows } from "../core/intake";
import { builtinRubric, DEFAULT_RUBRIC_ID } from "../core/rubric/builtin";
import { rubricLabel } from "../core/rubric/identity";
import type { Rubric } from "../core/rubric/schema";
import { lostPoints } from "../core/lost-points";
import type { UnitScore } from "../core/score";
import { intakeSheetSpec } from "../core/sheets/intake";
import { annexOf, type ParSettings } from "../excel/settings";
import type { ExcelService } from "../excel/service";
import { FilePicker } from "./FilePicker";
import { LostPointsChart } from "./LostPointsChart";
import { intakeFromFiles, scoreKey, spreadsheetFiles } from "./round-files";
import { sharedStyles } from "./styles";
import { WriteSheet } from "./WriteSheet";
import { errorText } from "../core/errors";

const useStyles = makeStyles({
  ...sharedStyles,
  // At 320 px the pane's "wrap anywhere" broke the status and the figures a letter or two per line:
  // figures and the header never wrap, the status wraps between words only, the unit name takes the rest.
  nowrap: { whiteSpace: "nowrap", overflowWrap: "normal" },
  status: { overflowWrap: "normal", wordBreak: "normal", hyphens: "none", minWidth: "5.5em" },
  unitCell: { overflowWrap: "anywhere", width: "100%" },
  // The unit's buttons read as its name and a link under it, left-aligned like the other cells.
  cellButton: {
    minWidth: 0,
    paddingLeft: 0,
    paddingRight: 0,
    justifyContent: "flex-start",
    textAlign: "left",
  },
});

// This view's words, both languages side by side (kept here until the pane's string table takes them).
const S = {
  title: { vi: "Tiếp nhận", en: "Intake" },
  here: { vi: "Các trang của sổ đang mở", en: "This workbook's unit sheets" },
  hereHint: {
    vi: "Sổ tổng hợp có mỗi đơn vị một trang: mỗi trang là một bản nộp",
    en: "A consolidation workbook with one sheet per unit: each sheet is a submission",
  },
  hereNone: {
    vi: "{book}: không có trang nào có biểu chấm điểm của đơn vị.",
    en: "{book}: no sheet holds a unit's scoring table.",
  },
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
  issues: { vi: "Lỗi/CB", en: "Err/warn" },
  issuesLong: { vi: "Lỗi/cảnh báo", en: "Errors/warnings" },
  goTo: { vi: "Đi tới trang", en: "Go to its sheet" },
  goToLabel: { vi: 'Đi tới trang "{sheet}" của {unit}', en: 'Go to {unit}\'s sheet "{sheet}"' },
  write: { vi: "Ghi bảng tiếp nhận vào sổ", en: "Write the intake sheet into the workbook" },
  links: {
    vi: "Bảng lọc và sắp xếp được; {n} đơn vị có liên kết tới trang của mình.",
    en: "A table you can sort and filter; {n} unit(s) link to their sheet.",
  },
  lostFor: { vi: "Mất điểm ở đâu: {unit}", en: "Where the points were lost: {unit}" },
  showLost: { vi: "Xem {unit} mất điểm ở đâu", en: "See where {unit} lost points" },
} satisfies Record<string, Bilingual>;

function say(lang: Lang, key: keyof typeof S, vars: Record<string, string | number> = {}): string {
  return fill(inLang(lang, S[key]), vars);
}

type IntakeResult = Awaited<ReturnType<typeof intakeFromFiles>> & {
  /** The open workbook's name when its sheets were taken in, and how many unit sheets it gave. */
  workbook: { name: string; units: number } | null;
  /** Which run this is: a new run's "write" starts afresh. */
  run: number;
};
type Progress = { done: number; total: number };
type Service = ExcelService | null | undefined;

/**
 * The intake of picked files and/or the open workbook's unit sheets: one row per unit, the ones to chase
 * first. Nothing is written to the workbook and the selection never moves unless the user clicks for it.
 */
export function IntakeView({
  state,
  service,
}: {
  /** `settings`: the pane's annex and signature text, printed on the written sheet (absent: none). */
  state: { lang: Lang; rubric: Rubric | null; settings?: Pick<ParSettings, "annex" | "signature"> };
  service?: Service;
}) {
  const styles = useStyles();
  const { lang } = state;
  const [files, setFiles] = useState<File[]>([]);
  const [list, setList] = useState<File | null>(null);
  const [here, setHere] = useState(false);
  const rubric = state.rubric ?? builtinRubric(DEFAULT_RUBRIC_ID);
  const useHere = here && !!service;
  const { progress, result, error, setError, selected, setSelected, run } = useIntakeRun(
    files,
    list,
    rubric,
    useHere ? (service ?? null) : null,
  );
  const precision = rubric?.precision ?? 2;
  const goTo = service
    ? (sheet: string) => service.selectCell(sheet, "A1").catch((e) => setError(errorText(e)))
    : null;
  return (
    <section className={styles.stack} aria-label={S.title[lang]}>
      <Field hint={S.hereHint[lang]}>
        <Checkbox
          label={S.here[lang]}
          checked={here}
          disabled={!service}
          onChange={(_, d) => setHere(d.checked === true)}
        />
      </Field>
      <IntakePickers lang={lang} fileCount={files.length} onFiles={setFiles} onList={setList} />
      <Button
        appearance="primary"
        disabled={(files.length === 0 && !useHere) || progress !== null}
        onClick={() => void run()}
      >
        {S.run[lang]}
      </Button>
      {progress && (
        <Field validationMessage={say(lang, "reading", progress)} validationState="none">
          <ProgressBar value={progress.done / Math.max(1, progress.total)} />
        </Field>
      )}
      {error && (
        <Bar intent="error" layout="multiline">
          {error[lang]}
        </Bar>
      )}
      {result && (
        <IntakeOutcome
          result={result}
          lang={lang}
          precision={precision}
          selected={selected}
          onSelect={setSelected}
          onGoTo={goTo}
        />
      )}
      {result && service && (
        <WriteSheet
          key={result.run}
          service={service}
          lang={lang}
          label={S.write[lang]}
          spec={() =>
            intakeSheetSpec(result.intake, {
              linkSheets: true,
              precision,
              lang,
              annex: annexOf(state.settings ?? {}),
              rubric: rubricLabel(rubric),
            })
          }
          detail={{
            vi: say("vi", "links", { n: linkedUnits(result.intake.rows) }),
            en: say("en", "links", { n: linkedUnits(result.intake.rows) }),
          }}
        />
      )}
    </section>
  );
}

/** Units the written sheet links to their sheet: readable sheets of this workbook. */
function linkedUnits(rows: readonly IntakeRow[]): number {
  return rows.filter((r) => r.submission?.inWorkbook && r.submission.sheet && !r.submission.error).length;
}

/**
 * Reading the sources: the open workbook first (one read through the service), then the picked files, the
 * progress while it runs, its result, and which unit's lost points are open. A new run clears the old
 * result and selection first, so a stale table never sits beside a new progress bar.
 */
function useIntakeRun(files: File[], list: File | null, rubric: Rubric | null, service: ExcelService | null) {
  const [progress, setProgress] = useState<Progress | null>(null);
  const [result, setResult] = useState<IntakeResult | null>(null);
  const [error, setError] = useState<Bilingual | null>(null);
  // The unit (by its score key: file and sheet) whose lost points are shown.
  const [selected, setSelected] = useState<string | null>(null);
  const [runs, setRuns] = useState(0);
  const run = async () => {
    if (!rubric) return;
    setResult(null);
    setSelected(null);
    setError(null);
    const total = files.length + (service ? 1 : 0);
    try {
      setProgress({ done: 0, total });
      const open = service ? await service.readWorkbook() : null;
      const base = open ? 1 : 0;
      const taken = await intakeFromFiles(
        files,
        list,
        rubric,
        async (done) => {
          setProgress({ done: base + done, total });
          // Let the progress bar paint between files.
          await new Promise((r) => setTimeout(r, 0));
        },
        open?.workbook ?? null,
      );
      const units = taken.intake.rows
        .flatMap((r) => [r.submission, ...r.others])
        .filter((s) => s?.inWorkbook);
      setResult({
        ...taken,
        workbook: open ? { name: open.name, units: units.length } : null,
        run: runs + 1,
      });
      setRuns(runs + 1);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setProgress(null);
    }
  };
  return { progress, result, error, setError, selected, setSelected, run };
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
  const styles = useStyles();
  // The pane's own pickers (as the Check tab's): worded in the pane's language, never the browser's.
  return (
    <>
      <FilePicker
        label={S.files[lang]}
        lang={lang}
        multiple
        accept={WORKBOOK_ACCEPT}
        onFiles={(files) => onFiles(spreadsheetFiles(files))}
      />
      <FilePicker
        label={S.folder[lang]}
        lang={lang}
        directory
        onFiles={(files) => onFiles(spreadsheetFiles(files))}
      />
      <Text size={200} className={styles.muted}>
        {say(lang, "chosen", { n: fileCount })}
      </Text>
      <FilePicker
        label={S.list[lang]}
        lang={lang}
        accept=".xlsx,.csv,.json"
        onFiles={(files) => onList(files[0] ?? null)}
      />
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
  onGoTo,
}: {
  result: IntakeResult;
  lang: Lang;
  precision: number;
  selected: string | null;
  onSelect: (key: string | null) => void;
  onGoTo: ((sheet: string) => void) | null;
}) {
  const styles = useStyles();
  const chosen = selected
    ? result.intake.rows.find((r) => r.submission && scoreKey(r.submission) === selected)
    : null;
  return (
    <div className={styles.stack} aria-live="polite">
      {result.listProblems.map((p) => (
        <Bar key={p.en} intent="warning">
          {p[lang]}
        </Bar>
      ))}
      {result.workbook && result.workbook.units === 0 && (
        <Bar intent="warning">{say(lang, "hereNone", { book: result.workbook.name })}</Bar>
      )}
      <Text weight="semibold">{countsLine(result.intake, lang)}</Text>
      <IntakeTable result={result} lang={lang} precision={precision} onSelect={onSelect} onGoTo={onGoTo} />
      {selected && result.scores.get(selected) && (
        <SelectedLostPoints
          result={result}
          selected={selected}
          unit={chosen?.unit ?? selected}
          lang={lang}
          precision={precision}
        />
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

/**
 * One row per unit, the ones to chase first; a unit with a scored file opens its lost points, and a unit
 * that is a sheet of this workbook offers "go to its sheet" (the selection moves only on that click).
 */
function IntakeTable({
  result,
  lang,
  precision,
  onSelect,
  onGoTo,
}: {
  result: IntakeResult;
  lang: Lang;
  precision: number;
  onSelect: (key: string | null) => void;
  onGoTo: ((sheet: string) => void) | null;
}) {
  const styles = useStyles();
  return (
    <table className={styles.table} aria-label={S.title[lang]}>
      <thead>
        <tr>
          <th className={styles.nowrap} style={{ textAlign: "left" }}>
            {S.status[lang]}
          </th>
          <th style={{ textAlign: "left" }}>{S.unit[lang]}</th>
          <th className={`${styles.num} ${styles.nowrap}`}>{S.self[lang]}</th>
          <th className={`${styles.num} ${styles.nowrap}`}>
            <abbr title={S.issuesLong[lang]}>{S.issues[lang]}</abbr>
          </th>
        </tr>
      </thead>
      <tbody>
        {sortIntakeRows(result.intake.rows).map((r) => (
          <tr key={`${r.unit}-${r.submission ? scoreKey(r.submission) : ""}`}>
            <td className={styles.status}>{STATUS_TEXT[r.status][lang]}</td>
            <td className={styles.unitCell} title={r.submission?.file}>
              <UnitCell row={r} result={result} lang={lang} onSelect={onSelect} onGoTo={onGoTo} />
            </td>
            <td className={`${styles.num} ${styles.nowrap}`}>
              {r.submission?.selfTotal == null ? "" : formatNumber(r.submission.selfTotal, precision, lang)}
            </td>
            <td className={`${styles.num} ${styles.nowrap}`}>
              {r.submission && !r.submission.error ? `${r.submission.errors}/${r.submission.warnings}` : ""}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The unit's name (a button to its lost points when scored), its note, and "go to its sheet" when here. */
function UnitCell({
  row: r,
  result,
  lang,
  onSelect,
  onGoTo,
}: {
  row: IntakeRow;
  result: IntakeResult;
  lang: Lang;
  onSelect: (key: string | null) => void;
  onGoTo: ((sheet: string) => void) | null;
}) {
  const styles = useStyles();
  const s = r.submission;
  const key = s ? scoreKey(s) : null;
  const sheet = s?.inWorkbook && !s.error ? s.sheet : null;
  return (
    <>
      {key && result.scores.has(key) ? (
        <Button
          size="small"
          appearance="transparent"
          className={styles.cellButton}
          aria-label={say(lang, "showLost", { unit: r.unit })}
          onClick={() => onSelect(key)}
        >
          {r.unit}
        </Button>
      ) : (
        r.unit
      )}
      {r.note && <div className={styles.muted}>{r.note[lang]}</div>}
      {sheet && onGoTo && (
        <div>
          <Button
            size="small"
            appearance="subtle"
            className={styles.cellButton}
            aria-label={say(lang, "goToLabel", { sheet, unit: r.unit })}
            onClick={() => onGoTo(sheet)}
          >
            {S.goTo[lang]}
          </Button>
        </div>
      )}
    </>
  );
}

/** Where the chosen unit lost points, against the group of counted units. */
function SelectedLostPoints({
  result,
  selected,
  unit,
  lang,
  precision,
}: {
  result: IntakeResult;
  selected: string;
  unit: string;
  lang: Lang;
  precision: number;
}) {
  const styles = useStyles();
  return (
    <div className={styles.stack}>
      <Text weight="semibold">{say(lang, "lostFor", { unit })}</Text>
      <LostPointsChart
        lost={lostPoints(result.scores.get(selected) as UnitScore, countedScores(result))}
        lang={lang}
        precision={precision}
      />
    </div>
  );
}

/** The group for the average: the submission counted for each unit (never an ignored duplicate). */
function countedScores(result: IntakeResult): UnitScore[] {
  return result.intake.rows.flatMap((r) => {
    const score = r.submission ? result.scores.get(scoreKey(r.submission)) : undefined;
    return score ? [score] : [];
  });
}

function countsLine(intake: Intake, lang: Lang): string {
  const c = intake.counts;
  return lang === "vi"
    ? `Đã nhận ${c.received}, chưa nộp ${c.missing}, không đọc được ${c.unreadable}, nộp trùng ${c.duplicate}, ngoài danh sách ${c["not-on-list"]}`
    : `Received ${c.received}, missing ${c.missing}, unreadable ${c.unreadable}, duplicate ${c.duplicate}, not on the list ${c["not-on-list"]}`;
}
