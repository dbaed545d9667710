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
import { useEffect, useState } from "react";
import { formatNumber, t } from "../core/i18n";
import type { RankBasis } from "../core/rank";
import { sharedStyles } from "./styles";
import type { ParIndexState, RankRequest } from "./useParIndex";

const useStyles = makeStyles({
  ...sharedStyles,
  fieldset: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    display: "flex",
    flexDirection: "column",
    padding: "4px 8px",
    margin: 0,
  },
});

export function RankView({ state }: { state: ParIndexState }) {
  const styles = useStyles();
  const { lang, outcome } = state;
  const [source, setSource] = useState<RankRequest["source"]>("sheets");
  const [files, setFiles] = useState<File[]>([]);
  const [previous, setPrevious] = useState<File | null>(null);
  const [by, setBy] = useState<RankBasis>(state.settings.by ?? "final");
  const saved = state.settings.groupBy ?? "rubric";
  const [groupRule, setGroupRule] = useState<"rubric" | "none" | "pattern">(
    saved === "rubric" || saved === "none" ? saved : "pattern",
  );
  const [pattern, setPattern] = useState(groupRule === "pattern" ? saved : "");
  const groupBy = groupRule === "pattern" ? pattern : groupRule;
  const [dense, setDense] = useState(state.settings.dense ?? false);
  // Sheets left out of the ranking (by name): a new sheet is in by default.
  const [excluded, setExcluded] = useState<Set<string>>(new Set());
  const { ready, listSheets, sheets } = state;
  useEffect(() => {
    if (ready && source === "sheets") void listSheets();
  }, [ready, source, listSheets]);
  const chosenSheets = sheets?.filter((s) => !excluded.has(s.name)).map((s) => s.name);
  const precision = outcome?.ranking.precision ?? 2;
  // A file that could not be read is already in the file list, with its reason: not twice.
  const unreadable = new Set(outcome?.fileErrors.map((e) => e.file));
  const otherUnranked = outcome?.ranking.unranked.filter((u) => !unreadable.has(u.source)) ?? [];
  return (
    <section className={styles.stack} aria-label={t(lang, "tabRanking")}>
      <Field label={t(lang, "rankingSources")}>
        <Select value={source} onChange={(_, d) => setSource(d.value as RankRequest["source"])}>
          <option value="sheets">{t(lang, "sourceSheets")}</option>
          <option value="files">{t(lang, "sourceFiles")}</option>
        </Select>
      </Field>
      {source === "sheets" && sheets && (
        <fieldset className={styles.fieldset}>
          <legend>{t(lang, "sheetsToRank")}</legend>
          {sheets.length === 0 && <Text className={styles.muted}>{t(lang, "sheetsNone")}</Text>}
          {sheets.map((s) => (
            <Checkbox
              key={s.name}
              label={s.hidden ? `${s.name} ${t(lang, "hiddenSheet")}` : s.name}
              checked={!excluded.has(s.name)}
              onChange={(_, d) =>
                setExcluded((x) => {
                  const next = new Set(x);
                  if (d.checked) next.delete(s.name);
                  else next.add(s.name);
                  return next;
                })
              }
            />
          ))}
        </fieldset>
      )}
      {source === "files" && (
        <Field label={t(lang, "chooseFiles")} hint={t(lang, "filesChosen", { count: files.length })}>
          {(props) => (
            <input
              {...props}
              type="file"
              multiple
              accept=".xlsx,.xlsm"
              onChange={(e) => setFiles([...(e.target.files ?? [])])}
            />
          )}
        </Field>
      )}
      <Field label={t(lang, "groupRule")}>
        <Select value={groupRule} onChange={(_, d) => setGroupRule(d.value as "rubric" | "none" | "pattern")}>
          <option value="rubric">{t(lang, "groupRubric")}</option>
          <option value="pattern">{t(lang, "groupPattern")}</option>
          <option value="none">{t(lang, "groupNone")}</option>
        </Select>
      </Field>
      {groupRule === "pattern" && (
        <Field label={t(lang, "groupPatternLabel")}>
          <Input value={pattern} placeholder="^(xa|phuong)" onChange={(_, d) => setPattern(d.value)} />
        </Field>
      )}
      <Field label={t(lang, "basis")}>
        <Select value={by} onChange={(_, d) => setBy(d.value as RankBasis)}>
          <option value="final">{t(lang, "basisFinal")}</option>
          <option value="appraised">{t(lang, "basisAppraised")}</option>
          <option value="self">{t(lang, "basisSelf")}</option>
        </Select>
      </Field>
      <Switch label={t(lang, "dense")} checked={dense} onChange={(_, d) => setDense(d.checked)} />
      <Field label={t(lang, "previousYear")}>
        {(props) => (
          <input
            {...props}
            type="file"
            accept=".json,.xlsx"
            onChange={(e) => setPrevious(e.target.files?.[0] ?? null)}
          />
        )}
      </Field>
      <Button
        appearance="primary"
        disabled={
          !state.ready ||
          state.busy !== null ||
          (source === "files" && files.length === 0) ||
          (source === "sheets" && chosenSheets?.length === 0) ||
          (groupRule === "pattern" && pattern.trim() === "")
        }
        onClick={() =>
          void state.rank({
            source,
            // Every sheet chosen: leave it to the service, which also skips sheets it owns.
            sheets: excluded.size > 0 ? chosenSheets : undefined,
            files,
            previous,
            by,
            groupBy,
            dense,
          })
        }
      >
        {t(lang, "build")}
      </Button>
      {state.busy === "rank" && (
        <Field
          validationMessage={state.progress ? t(lang, "reading", state.progress) : t(lang, "building")}
          validationState="none"
        >
          <ProgressBar
            value={state.progress ? state.progress.done / Math.max(1, state.progress.total) : undefined}
          />
        </Field>
      )}
      {outcome && (
        <div className={styles.stack} aria-live="polite">
          <Text weight="semibold">
            {t(lang, "rankingWritten", {
              sheet: outcome.sheet,
              ranked: outcome.ranking.groups.reduce((n, g) => n + g.units.length, 0),
              unranked: outcome.ranking.unranked.length,
            })}
          </Text>
          {outcome.ranking.groups.map((g) => (
            <table key={g.id} className={styles.table} aria-label={lang === "vi" ? g.label : g.labelEn}>
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
                    <td>{u.unit}</td>
                    <td className={styles.num}>{formatNumber(u.score, precision, lang)}</td>
                    {outcome.ranking.hasPrevious && <td>{u.previous?.change[lang]}</td>}
                  </tr>
                ))}
              </tbody>
            </table>
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
                    {u.unit}: {u.reason[lang]}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </div>
      )}
    </section>
  );
}
