import {
  Button,
  Checkbox,
  Field,
  Input,
  ProgressBar,
  Select,
  Switch,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import { basisReasonFor } from "../core/basis-words";
import { fold } from "../core/fold";
import { type Lang, t } from "../core/i18n";
import { formatFixed } from "../core/numbers";
import type { Text as Words } from "../core/finding";
import { askedPart, shownPart } from "../app/rank-choice";
import { unrankedLabel } from "../app/unranked";
import { groupRuleProblem, type RankBasis, type RankGroup, type RankPart } from "../core/rank";
import { FilePicker } from "./FilePicker";
import { RankingFindings } from "./RankingFindings";
import { sharedStyles } from "./styles";
import { SurveySummary } from "./SurveySummary";
import type { ParIndexState, RankOutcome, RankRequest } from "./useParIndex";

const useStyles = makeStyles({
  ...sharedStyles,
  row: { ...sharedStyles.row, flexWrap: "wrap" },
  fieldset: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    display: "flex",
    flexDirection: "column",
    padding: "4px 8px",
    margin: 0,
    minWidth: 0,
  },
  sheetList: { maxHeight: "240px", overflowY: "auto", display: "flex", flexDirection: "column" },
  // Words, not colour alone: the red of the status palette is below 4.5:1 on the dark theme's background.
  flag: { fontWeight: tokens.fontWeightSemibold },
});

/**
 * Group rules offered as presets; a custom pattern is validated before use. Patterns run on folded names.
 * Since 1 July 2025 the commune level is xã, phường and đặc khu and a province ranks its sở, ban, ngành;
 * "thị trấn" and district agencies ("phòng") are still recognised for years before 2025.
 */
const PRESETS = {
  commune: "^(xa|phuong|dac khu|thi tran)",
  agency: "^(so|ban|van phong|thanh tra|phong|trung tam|uy ban|co quan)",
} as const;
/** Presets saved by earlier versions, still read as the same choice. */
const LEGACY_PRESETS: Record<string, "commune" | "agency"> = {
  "^(xa|phuong|thi tran)": "commune",
  "^(so|phong|van phong|ban|thanh tra|trung tam|uy ban|co quan)": "agency",
};
type GroupChoice = "rubric" | "none" | "commune" | "agency" | "pattern";

function choiceOf(saved: string): GroupChoice {
  if (saved === "rubric" || saved === "none") return saved;
  if (saved === PRESETS.commune) return "commune";
  if (saved === PRESETS.agency) return "agency";
  return LEGACY_PRESETS[saved] ?? "pattern";
}

export function RankView({ state }: { state: ParIndexState }) {
  const styles = useStyles();
  const { lang, outcome } = state;
  const [source, setSource] = useState<RankRequest["source"]>("sheets");
  const [files, setFiles] = useState<File[]>([]);
  const [previous, setPrevious] = useState<File | null>(null);
  const [previousMap, setPreviousMap] = useState<File | null>(null);
  const [survey, setSurvey] = useState<File | null>(null);
  const [part, setPart] = useState<RankPart>("index");
  const [by, setBy] = useState<RankBasis>(state.settings.by ?? "final");
  const saved = state.settings.groupBy ?? "rubric";
  const [choice, setChoice] = useState<GroupChoice>(choiceOf(saved));
  const [pattern, setPattern] = useState(choiceOf(saved) === "pattern" ? saved : "");
  const groupBy =
    choice === "pattern" ? pattern : choice === "commune" || choice === "agency" ? PRESETS[choice] : choice;
  const patternProblem = choice === "pattern" && pattern.trim() !== "" ? groupRuleProblem(pattern) : null;
  const [dense, setDense] = useState(state.settings.dense ?? false);
  // Sheets left out of the ranking (by name): a new sheet is in by default.
  const [excluded, setExcluded] = useState<Set<string>>(new Set());
  const { ready, listSheets, sheets } = state;
  useEffect(() => {
    if (ready && source === "sheets") void listSheets();
  }, [ready, source, listSheets]);
  const chosenSheets = sheets?.filter((s) => !excluded.has(s.name)).map((s) => s.name);
  const cannotBuild =
    !state.ready ||
    state.busy !== null ||
    (source === "files" && files.length === 0) ||
    (source === "sheets" && chosenSheets?.length === 0) ||
    (choice === "pattern" && (pattern.trim() === "" || patternProblem !== null));
  return (
    <section className={styles.stack}>
      <SourceField lang={lang} source={source} setSource={setSource} />
      {source === "sheets" && sheets && (
        <SheetPicker sheets={sheets} excluded={excluded} setExcluded={setExcluded} lang={lang} />
      )}
      {source === "files" && (
        <FilePicker
          label={t(lang, "chooseFiles")}
          lang={lang}
          accept=".xlsx,.xlsm"
          multiple
          onFiles={setFiles}
        />
      )}
      <GroupRuleFields
        lang={lang}
        choice={choice}
        setChoice={setChoice}
        pattern={pattern}
        setPattern={setPattern}
        problem={patternProblem}
      />
      <BasisFields lang={lang} by={by} setBy={setBy} part={part} setPart={setPart} />
      <Switch label={t(lang, "dense")} checked={dense} onChange={(_, d) => setDense(d.checked)} />
      <FilePicker
        label={t(lang, "previousYear")}
        lang={lang}
        accept=".json,.xlsx"
        onFiles={(f) => setPrevious(f[0] ?? null)}
      />
      <FilePicker
        label={t(lang, "previousMap")}
        lang={lang}
        accept=".csv,.xlsx"
        onFiles={(f) => setPreviousMap(f[0] ?? null)}
      />
      {/* The CLI's `rank --survey`: read (bounded, as the CLI reads it) when the ranking is built. */}
      <FilePicker
        label={`${t(lang, "surveyImport")} (${t(lang, "surveyImportHint")})`}
        lang={lang}
        accept=".xlsx,.csv"
        onFiles={(f) => setSurvey(f[0] ?? null)}
      />
      <Button
        appearance="primary"
        disabledFocusable={cannotBuild}
        onClick={() =>
          void state.rank({
            source,
            // Every sheet chosen: leave it to the service, which also skips sheets it owns.
            sheets: excluded.size > 0 ? chosenSheets : undefined,
            files,
            previous,
            previousMap,
            survey,
            by,
            basis: askedPart(by, part),
            groupBy,
            dense,
          })
        }
      >
        {t(lang, "build")}
      </Button>
      {state.busy === "rank" && <RankProgress lang={lang} progress={state.progress} />}
      {outcome && (
        <RankResult
          outcome={outcome}
          runs={state.rankRuns}
          lang={lang}
          onGoTo={() => void state.goTo(outcome.sheet)}
        />
      )}
    </section>
  );
}

/** Where the units come from: this workbook's sheets or files chosen on the computer. */
function SourceField({
  lang,
  source,
  setSource,
}: {
  lang: Lang;
  source: RankRequest["source"];
  setSource: (s: RankRequest["source"]) => void;
}) {
  const styles = useStyles();
  return (
    <Field label={t(lang, "rankingSources")}>
      <Select
        className={styles.fit}
        select={{ className: styles.fit }}
        value={source}
        onChange={(_, d) => setSource(d.value as RankRequest["source"])}
      >
        <option value="sheets">{t(lang, "sourceSheets")}</option>
        <option value="files">{t(lang, "sourceFiles")}</option>
      </Select>
    </Field>
  );
}

/** Which score ranks (final, appraised, self) and which part of it; a self-score ranking is evidence only. */
function BasisFields({
  lang,
  by,
  setBy,
  part,
  setPart,
}: {
  lang: Lang;
  by: RankBasis;
  setBy: (b: RankBasis) => void;
  part: RankPart;
  setPart: (p: RankPart) => void;
}) {
  const styles = useStyles();
  return (
    <>
      <Field label={t(lang, "basis")}>
        <Select
          className={styles.fit}
          select={{ className: styles.fit }}
          value={by}
          onChange={(_, d) => setBy(d.value as RankBasis)}
        >
          <option value="final">{t(lang, "basisFinal")}</option>
          <option value="appraised">{t(lang, "basisAppraised")}</option>
          <option value="self">{t(lang, "basisSelf")}</option>
        </Select>
      </Field>
      <Field label={t(lang, "rankPart")}>
        <Select
          className={styles.fit}
          select={{ className: styles.fit }}
          value={shownPart(by, part)}
          disabled={by === "self"}
          onChange={(_, d) => setPart(d.value as RankPart)}
        >
          <option value="index">{t(lang, "rankPartIndex")}</option>
          <option value="evidence">{t(lang, "rankPartEvidence")}</option>
        </Select>
      </Field>
    </>
  );
}

/** While a ranking is built: how many files are read so far, or that it is being built. */
function RankProgress({ lang, progress }: { lang: Lang; progress: ParIndexState["progress"] }) {
  return (
    <Field
      validationMessage={progress ? t(lang, "reading", progress) : t(lang, "building")}
      validationState="none"
    >
      <ProgressBar value={progress ? progress.done / Math.max(1, progress.total) : undefined} />
    </Field>
  );
}

function GroupRuleFields({
  lang,
  choice,
  setChoice,
  pattern,
  setPattern,
  problem,
}: {
  lang: Lang;
  choice: GroupChoice;
  setChoice: (c: GroupChoice) => void;
  pattern: string;
  setPattern: (p: string) => void;
  problem: Words | null;
}) {
  const styles = useStyles();
  const patternProblem = problem;
  return (
    <>
      <Field label={t(lang, "groupRule")}>
        <Select
          className={styles.fit}
          select={{ className: styles.fit }}
          value={choice}
          onChange={(_, d) => setChoice(d.value as GroupChoice)}
        >
          <option value="rubric">{t(lang, "groupRubric")}</option>
          <option value="commune">{t(lang, "groupCommune")}</option>
          <option value="agency">{t(lang, "groupAgency")}</option>
          <option value="pattern">{t(lang, "groupPattern")}</option>
          <option value="none">{t(lang, "groupNone")}</option>
        </Select>
      </Field>
      {choice === "pattern" && (
        <Field
          label={t(lang, "groupPatternLabel")}
          validationState={patternProblem ? "error" : "none"}
          validationMessage={patternProblem?.[lang]}
        >
          <Input value={pattern} placeholder="^(xa|phuong)" onChange={(_, d) => setPattern(d.value)} />
        </Field>
      )}
    </>
  );
}

function SheetPicker({
  sheets,
  excluded,
  setExcluded,
  lang,
}: {
  sheets: { name: string; hidden: boolean }[];
  excluded: Set<string>;
  setExcluded: (next: Set<string>) => void;
  lang: Lang;
}) {
  const styles = useStyles();
  const [query, setQuery] = useState("");
  const key = fold(query);
  const visible = key ? sheets.filter((s) => fold(s.name).includes(key)) : sheets;
  const chosen = sheets.filter((s) => !excluded.has(s.name)).length;
  // Select all / none act on the sheets the search shows, so "find 'xã', select none" works.
  const setAll = (on: boolean) => {
    const next = new Set(excluded);
    for (const s of visible) {
      if (on) next.delete(s.name);
      else next.add(s.name);
    }
    setExcluded(next);
  };
  return (
    <fieldset className={styles.fieldset}>
      <legend>{t(lang, "sheetsToRank")}</legend>
      {sheets.length === 0 && <Text className={styles.muted}>{t(lang, "sheetsNone")}</Text>}
      {sheets.length > 0 && (
        <>
          <Text size={200}>{t(lang, "sheetsChosen", { chosen, total: sheets.length })}</Text>
          <div className={styles.row}>
            <Button size="small" onClick={() => setAll(true)}>
              {t(lang, "selectAll")}
            </Button>
            <Button size="small" onClick={() => setAll(false)}>
              {t(lang, "selectNone")}
            </Button>
          </div>
          {sheets.length > 6 && (
            <Field label={t(lang, "searchSheets")} size="small">
              <Input type="search" value={query} onChange={(_, d) => setQuery(d.value)} />
            </Field>
          )}
          <div className={styles.sheetList}>
            {visible.map((s) => (
              <Checkbox
                key={s.name}
                label={s.hidden ? `${s.name} ${t(lang, "hiddenSheet")}` : s.name}
                checked={!excluded.has(s.name)}
                onChange={(_, d) => {
                  const next = new Set(excluded);
                  if (d.checked) next.delete(s.name);
                  else next.add(s.name);
                  setExcluded(next);
                }}
              />
            ))}
          </div>
        </>
      )}
    </fieldset>
  );
}

function RankResult({
  outcome,
  runs,
  lang,
  onGoTo,
}: {
  outcome: RankOutcome;
  runs: number;
  lang: Lang;
  /** "Mở trang" to the written sheet, as after every other write: the only way the pane moves the user. */
  onGoTo: () => void;
}) {
  const styles = useStyles();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    // Each new ranking: bring the result into view and move focus to it (the user asked for it).
    if (runs === 0) return;
    heading.current?.scrollIntoView?.({ block: "start" });
    heading.current?.focus();
  }, [runs]);
  const precision = outcome.ranking.precision;
  const unreadable = new Set(outcome.fileErrors.map((e) => e.file));
  const otherUnranked = outcome.ranking.unranked.filter((u) => !unreadable.has(u.source));
  return (
    <div className={styles.stack}>
      <h2 ref={heading} tabIndex={-1} style={{ fontSize: "inherit", margin: 0 }}>
        {t(lang, "rankingWritten", {
          sheet: outcome.sheet,
          ranked: outcome.ranking.groups.reduce((n, g) => n + g.units.length, 0),
          unranked: outcome.ranking.unranked.length,
        })}
      </h2>
      <div>
        <Button size="small" onClick={onGoTo}>
          {t(lang, "goThere", { sheet: outcome.sheet })}
        </Button>
      </div>
      {outcome.pageLayout === false && <Text size={200}>{t(lang, "noPageSetup")}</Text>}
      {/* The basis in core's words, with the pane's hint (its card's choice and its survey import). */}
      <Text size={200}>{basisReasonFor(outcome.ranking.basisFacts, "pane")[lang]}</Text>
      {outcome.survey && <SurveySummary survey={outcome.survey} precision={precision} lang={lang} />}
      {outcome.ranking.comparison?.reason && (
        <Text size={200}>{outcome.ranking.comparison.reason[lang]}</Text>
      )}
      <RankingFindings findings={outcome.ranking.findings} lang={lang} />
      {outcome.ranking.groups.map((g) => (
        <div key={g.id} className={styles.stack}>
          <table className={styles.table}>
            <caption style={{ textAlign: "left", fontWeight: 600 }}>
              {lang === "vi" ? g.label : g.labelEn}
            </caption>
            <thead>
              <tr>
                <th className={styles.num}>{t(lang, "rank")}</th>
                <th style={{ textAlign: "left" }}>{t(lang, "unit")}</th>
                <th className={styles.num}>{t(lang, "score")}</th>
                {outcome.ranking.hasPrevious && <th>{t(lang, "change")}</th>}
              </tr>
            </thead>
            <tbody>
              {g.units.map((u) => (
                <tr key={`${u.unit}-${u.source}`}>
                  <td className={styles.num}>{u.rank}</td>
                  <td>
                    {u.unit}
                    {u.errors > 0 && <span className={styles.flag}> ({t(lang, "unitHasErrors")})</span>}
                  </td>
                  <td className={styles.num}>{formatFixed(u.score, precision, lang)}</td>
                  {outcome.ranking.hasPrevious && (
                    <td>
                      {u.previous?.change[lang]}
                      {u.previous?.note ? ` (${u.previous.note[lang]})` : ""}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
          <GroupChart group={g} precision={precision} lang={lang} />
        </div>
      ))}
      {outcome.fileErrors.length > 0 && (
        <div>
          <Text weight="semibold">{t(lang, "fileErrors")}</Text>
          <ul>
            {outcome.fileErrors.map((e) => (
              <li key={e.file}>{e.message[lang]}</li>
            ))}
          </ul>
        </div>
      )}
      {otherUnranked.length > 0 && (
        <div>
          <Text weight="semibold">{t(lang, "unranked")}</Text>
          <ul>
            {otherUnranked.map((u) => (
              <li key={`${u.unit}-${u.source}`}>
                {unrankedLabel(u, lang)}
                {u.evidenceScore != null &&
                  ` (${t(lang, "unrankedEvidence", { score: formatFixed(u.evidenceScore, precision, lang) })})`}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

/** One bar per unit, longest = best; the table beside it carries the numbers for assistive tech. */
function GroupChart({ group, precision, lang }: { group: RankGroup; precision: number; lang: Lang }) {
  const units = group.units.slice(0, 60);
  if (units.length < 2) return null;
  const top = Math.max(100, ...units.map((u) => u.score));
  const row = 16;
  const label = lang === "vi" ? group.label : group.labelEn;
  return (
    <svg
      role="img"
      aria-label={t(lang, "chart", { group: label })}
      viewBox={`0 0 300 ${units.length * row}`}
      width="100%"
      style={{ maxWidth: "100%" }}
    >
      {units.map((u, i) => (
        <g key={`${u.unit}-${u.source}`} transform={`translate(0 ${i * row})`}>
          <rect
            x={0}
            y={2}
            height={row - 4}
            width={Math.max(1, (u.score / top) * 140)}
            fill={u.errors > 0 ? tokens.colorStatusDangerBackground3 : tokens.colorBrandBackground}
          />
          <text x={144} y={row - 4} fontSize="10" fill={tokens.colorNeutralForeground1}>
            {formatFixed(u.score, precision, lang)} {u.unit.length > 18 ? `${u.unit.slice(0, 17)}…` : u.unit}
          </text>
        </g>
      ))}
    </svg>
  );
}
