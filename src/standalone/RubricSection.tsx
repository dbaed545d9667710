import { Field, Select, Text, makeStyles } from "@fluentui/react-components";
import { type Lang, t } from "../core/i18n";
import type { Rubric } from "../core/rubric/schema";
import { FilePicker } from "./FilePicker";
import { usePageStyles } from "./page-styles";
import type { RubricChoice } from "./rubric-choice";
import { s } from "./strings";
import type { Engine } from "./use-engine";

// The select's values for the choices that are not a built-in rubric's id.
const OWN = "__own__";
const CUSTOM = "__custom__";

/**
 * Which rubric the files are checked against: a built-in one, the workbook's own structure, or one
 * loaded from JSON or imported from a blank template; then the name of the one in use.
 */
export function RubricSection({
  lang,
  engine,
  choice,
  rubricName,
  onChoose,
  onError,
  clearError,
}: {
  lang: Lang;
  engine: Engine | null;
  choice: RubricChoice | null;
  rubricName: string;
  onChoose: (next: RubricChoice) => void;
  onError: (e: unknown) => void;
  clearError: () => void;
}) {
  const styles = usePageStyles();
  const fit = useFitStyles();
  const selected = choice?.kind === "custom" ? CUSTOM : choice?.kind === "own" ? OWN : (choice?.id ?? "");

  // The loaded rubric's own entry only shows what is in use: choosing it again changes nothing.
  const chooseRubric = (value: string) => {
    if (!engine || value === CUSTOM) return;
    onChoose(value === OWN ? { kind: "own" } : { kind: "builtin", id: value });
  };
  const loadRubricFile = async (file: File | undefined) => {
    if (!engine || !file) return;
    try {
      const loaded = await engine.rubricFromFile(file.name, new Uint8Array(await file.arrayBuffer()));
      onChoose({ kind: "custom", rubric: loaded, from: file.name });
      clearError();
    } catch (e) {
      onError(e);
    }
  };

  return (
    <section className={styles.drop} aria-label={t(lang, "rubric")}>
      <div className={styles.row}>
        <Field label={t(lang, "rubric")} className={fit.field}>
          <Select
            className={fit.select}
            select={{ className: fit.select }}
            value={selected}
            disabled={!engine}
            onChange={(_, d) => chooseRubric(d.value)}
          >
            {engine?.builtinRubrics().map((r) => (
              <option key={r.id} value={r.id}>
                {rubricLabel(r, lang)} {r.example ? t(lang, "rubricExample") : ""}
              </option>
            ))}
            <option value={OWN}>{t(lang, "rubricOwn")}</option>
            {choice?.kind === "custom" && (
              <option value={CUSTOM}>{t(lang, "rubricCustom", { name: choice.rubric.name })}</option>
            )}
          </Select>
        </Field>
      </div>
      <div className={styles.row}>
        <FilePicker
          label={`${t(lang, "loadJson")}…`}
          accept=".json"
          kind="rubric-json"
          onFiles={(f) => void loadRubricFile(f[0])}
          disabled={!engine}
        />
        <FilePicker
          label={`${t(lang, "importTemplate")}…`}
          accept=".xlsx,.xlsm"
          kind="rubric-template"
          onFiles={(f) => void loadRubricFile(f[0])}
          disabled={!engine}
        />
      </div>
      <Text className={styles.muted} data-testid="rubric-in-use">
        {s(lang, "rubricInUse", { name: rubricName })}. {s(lang, "rubricRemembered")}
      </Text>
    </section>
  );
}

/**
 * A native select is as wide as its longest option (a rubric's full name): held to the page's width, so
 * the page never scrolls sideways at 360 px; the chosen name is shown whole below ("Bộ chỉ số đang dùng").
 */
const useFitStyles = makeStyles({
  field: { flex: "1 1 0", minWidth: 0, maxWidth: "100%" },
  select: { width: "100%", minWidth: 0, maxWidth: "100%" },
});

export function rubricLabel(r: Rubric, lang: Lang): string {
  return lang === "vi" ? r.name : (r.nameEn ?? r.name);
}

/** The rubric in use as the page names it: a loaded one with its file; none means the workbook's own. */
export function rubricInUseName(rubric: Rubric | null, choice: RubricChoice | null, lang: Lang): string {
  if (!rubric) return t(lang, "rubricOwn");
  return choice?.kind === "custom"
    ? s(lang, "rubricFrom", { name: rubricLabel(rubric, lang), file: choice.from })
    : rubricLabel(rubric, lang);
}
