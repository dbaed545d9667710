import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
  makeStyles,
} from "@fluentui/react-components";
import { t } from "../core/i18n";
import { builtinRubrics } from "../core/rubric/builtin";
import type { Rubric } from "../core/rubric/schema";
import { sharedStyles } from "./styles";
import type { ParIndexState } from "./useParIndex";

const useStyles = makeStyles(sharedStyles);

const OWN = "__own__";
const CUSTOM = "__custom__";

export function SettingsView({ state }: { state: ParIndexState }) {
  const styles = useStyles();
  const { lang, settings, rubric } = state;
  const custom = settings.customRubric as Rubric | undefined;
  const selected = custom ? CUSTOM : (settings.rubricId ?? OWN);
  // Precision and rating bands are edited on a copy of the rubric saved with the workbook.
  const edit = (change: (r: Rubric) => Rubric) => {
    if (!rubric) return;
    state.updateSettings({ ...settings, customRubric: change(structuredClone(rubric)) });
  };
  return (
    <section className={styles.stack} aria-label={t(lang, "tabSettings")}>
      <Field label={t(lang, "rubric")}>
        <Select
          value={selected}
          onChange={(_, d) => {
            if (d.value === CUSTOM) return;
            state.updateSettings({
              ...settings,
              rubricId: d.value === OWN ? null : d.value,
              customRubric: undefined,
            });
          }}
        >
          {builtinRubrics().map((r) => (
            <option key={r.id} value={r.id}>
              {lang === "vi" ? r.name : (r.nameEn ?? r.name)} {r.example ? t(lang, "rubricExample") : ""}
            </option>
          ))}
          <option value={OWN}>{t(lang, "rubricOwn")}</option>
          {custom && <option value={CUSTOM}>{t(lang, "rubricCustom", { name: custom.name })}</option>}
        </Select>
      </Field>
      <Field label={t(lang, "loadJson")}>
        {(props) => (
          <input
            {...props}
            type="file"
            accept=".json"
            onChange={(e) => e.target.files?.[0] && void state.loadRubricFile(e.target.files[0])}
          />
        )}
      </Field>
      <Field label={t(lang, "importTemplate")}>
        {(props) => (
          <input
            {...props}
            type="file"
            accept=".xlsx,.xlsm"
            onChange={(e) => e.target.files?.[0] && void state.loadRubricFile(e.target.files[0])}
          />
        )}
      </Field>
      {rubric && (
        <>
          <Field label={t(lang, "precision")}>
            <Select
              value={String(rubric.precision)}
              onChange={(_, d) => edit((r) => ({ ...r, precision: Number(d.value) }))}
            >
              {[0, 1, 2, 3, 4].map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </Select>
          </Field>
          <Text weight="semibold">{t(lang, "ratingBands")}</Text>
          {rubric.ratingBands.map((band, i) => (
            <div key={band.label} className={styles.row}>
              <Text style={{ minWidth: "7em" }}>
                {lang === "vi" ? band.label : (band.labelEn ?? band.label)}
              </Text>
              <Input
                type="number"
                aria-label={`${lang === "vi" ? band.label : (band.labelEn ?? band.label)} ≥`}
                value={String(band.min)}
                onChange={(_, d) =>
                  edit((r) => ({
                    ...r,
                    ratingBands: r.ratingBands.map((b, k) => (k === i ? { ...b, min: Number(d.value) } : b)),
                  }))
                }
              />
            </div>
          ))}
        </>
      )}
      <Button appearance="primary" onClick={() => void state.saveSettings()} disabled={state.busy !== null}>
        {t(lang, "save")}
      </Button>
      {state.savedAt && (
        <MessageBar intent="success">
          <MessageBarBody>{t(lang, "saved")}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
