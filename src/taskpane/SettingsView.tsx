import { Button, Field, Input, Select, Text, makeStyles } from "@fluentui/react-components";
import { useState } from "react";
import type { Text as Words } from "../core/finding";
import { type Lang, t } from "../core/i18n";
import { parseRatingOption, ratingOptionText } from "../core/ratings";
import { parseAnnex } from "../core/sheets/annex";
import type { ParSettings } from "../excel/settings";
import { Bar } from "./Bar";
import { builtinRubrics } from "../core/rubric/builtin";
import type { Rubric } from "../core/rubric/schema";
import { FilePicker } from "./FilePicker";
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
    <section className={styles.stack}>
      <Field label={t(lang, "rubric")}>
        <Select
          className={styles.fit}
          select={{ className: styles.fit }}
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
          {custom && (
            <option value={CUSTOM}>
              {t(lang, "rubricCustom", { name: state.identity?.label[lang] ?? custom.name })}
            </option>
          )}
        </Select>
      </Field>
      {state.identity && (
        <Text size={200} style={{ overflowWrap: "anywhere" }}>
          {t(lang, "activeRubric", { name: state.identity.label[lang] })}
        </Text>
      )}
      <FilePicker
        label={t(lang, "loadJson")}
        lang={lang}
        accept=".json"
        onFiles={(files) => files[0] && void state.loadRubricFile(files[0])}
      />
      <FilePicker
        label={t(lang, "importTemplate")}
        lang={lang}
        accept=".xlsx,.xlsm"
        onFiles={(files) => files[0] && void state.loadRubricFile(files[0])}
      />
      {rubric && (
        <>
          <Field label={t(lang, "precision")}>
            <Select
              className={styles.fit}
              select={{ className: styles.fit }}
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
            <div key={band.label} className={styles.row} style={{ flexWrap: "wrap" }}>
              <Text style={{ minWidth: "6em" }}>
                {lang === "vi" ? band.label : (band.labelEn ?? band.label)}
              </Text>
              <Input
                type="number"
                style={{ maxWidth: "8em" }}
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
          <RatingScaleField
            lang={lang}
            bands={rubric.ratingBands}
            onBands={(bands) => edit((r) => ({ ...r, ratingBands: bands }))}
          />
        </>
      )}
      <AnnexFields
        lang={lang}
        settings={settings}
        onChange={(annex, signature) => state.updateSettings({ ...settings, annex, signature })}
      />
      <Button
        appearance="primary"
        onClick={() => void state.saveSettings()}
        disabledFocusable={state.busy !== null}
      >
        {t(lang, "save")}
      </Button>
      {!state.savedAt && <Text className={styles.muted}>{t(lang, "unsaved")}</Text>}
      {state.savedAt && <Bar intent="success">{t(lang, "saved")}</Bar>}
    </section>
  );
}

/**
 * The province's rating names and thresholds in one line ("Xuất sắc=90,Tốt=80,…", as `--rating` takes
 * them), applied when the field is left; a line that is not a scale is shown with why and not applied.
 */
function RatingScaleField({
  lang,
  bands,
  onBands,
}: {
  lang: Lang;
  bands: Rubric["ratingBands"];
  onBands: (bands: Rubric["ratingBands"]) => void;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  const [problem, setProblem] = useState<Words | null>(null);
  const commit = () => {
    if (draft === null) return;
    const read = parseRatingOption(draft);
    if (read.problems.length) {
      setProblem(read.problems[0]);
      return;
    }
    setProblem(null);
    setDraft(null);
    onBands(read.bands);
  };
  return (
    <Field
      label={t(lang, "ratingScale")}
      hint={t(lang, "ratingScaleHint")}
      validationState={problem ? "error" : "none"}
      validationMessage={problem?.[lang]}
    >
      <Input
        value={draft ?? ratingOptionText(bands)}
        onChange={(_, d) => setDraft(d.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === "Enter") commit();
        }}
      />
    </Field>
  );
}

const ANNEX_LABEL: Words = {
  vi: "Phụ lục / quyết định (in trên tiêu đề)",
  en: "Annex / decision (printed above the title)",
};
const SIGNATURE_LABEL: Words = {
  vi: "Khối chữ ký (in dưới bảng)",
  en: "Signature block (printed under the table)",
};
const ANNEX_HINT: Words = {
  vi: "Các dòng ngăn cách bằng |, ví dụ: Phụ lục 01|Kèm theo Quyết định số …",
  en: "Lines separated by |, e.g. Phụ lục 01|Kèm theo Quyết định số …",
};
const SIGNATURE_HINT: Words = {
  vi: "Người lập|người ký|nơi, ngày, ví dụ: NGƯỜI LẬP BIỂU|TM. …|…, ngày … tháng … năm …",
  en: "Left signer|right signer|place, date, e.g. NGƯỜI LẬP BIỂU|TM. …|…, ngày … tháng … năm …",
};

/**
 * The annex lines above the title and the signature block under the table of the ranking, intake and
 * appraisal sheets the pane writes, in the CLI's `--annex` / `--signature` format. Checked with
 * parseAnnex as typed: only text it accepts reaches the settings; its problem is shown under the field.
 */
function AnnexFields({
  lang,
  settings,
  onChange,
}: {
  lang: Lang;
  settings: ParSettings;
  onChange: (annex: string | undefined, signature: string | undefined) => void;
}) {
  const [annex, setAnnex] = useState(settings.annex ?? "");
  const [signature, setSignature] = useState(settings.signature ?? "");
  const [problem, setProblem] = useState<{ field: "annex" | "signature"; text: Words } | null>(null);
  const update = (nextAnnex: string, nextSignature: string, field: "annex" | "signature") => {
    setAnnex(nextAnnex);
    setSignature(nextSignature);
    const a = nextAnnex.trim() ? nextAnnex : undefined;
    const s = nextSignature.trim() ? nextSignature : undefined;
    const read = parseAnnex(a, s);
    if (read.problem) {
      setProblem({ field, text: read.problem });
      return;
    }
    setProblem(null);
    onChange(a, s);
  };
  // parseAnnex names the CLI option ("--annex: …"); under its own field the pane drops that prefix.
  const shown = (field: "annex" | "signature") =>
    problem?.field === field ? problem.text[lang].replace(/^--(annex|signature): /, "") : undefined;
  return (
    <>
      <Field
        label={ANNEX_LABEL[lang]}
        hint={ANNEX_HINT[lang]}
        validationState={shown("annex") ? "error" : "none"}
        validationMessage={shown("annex")}
      >
        <Input value={annex} onChange={(_, d) => update(d.value, signature, "annex")} />
      </Field>
      <Field
        label={SIGNATURE_LABEL[lang]}
        hint={SIGNATURE_HINT[lang]}
        validationState={shown("signature") ? "error" : "none"}
        validationMessage={shown("signature")}
      >
        <Input value={signature} onChange={(_, d) => update(annex, d.value, "signature")} />
      </Field>
    </>
  );
}
