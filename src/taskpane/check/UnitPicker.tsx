import { Field, Select } from "@fluentui/react-components";
import type { UnitAnalysis } from "../../core/analyse";
import { formatNumber, type Lang, t } from "../../core/i18n";
import { sharedStyles } from "../styles";
import { makeStyles } from "@fluentui/react-components";

const useStyles = makeStyles({ fit: sharedStyles.fit });

/**
 * A consolidation workbook's units, each with its index, to pick the one the card, "Mất điểm ở đâu"
 * and the appraisal write are about. Shown only when the check found more than one unit.
 */
export function UnitPicker({
  units,
  picked,
  lang,
  onPick,
}: {
  units: readonly UnitAnalysis[];
  picked: UnitAnalysis;
  lang: Lang;
  onPick: (sheet: string) => void;
}) {
  const styles = useStyles();
  if (units.length < 2) return null;
  return (
    <Field label={t(lang, "unitPicker", { count: units.length })} size="small">
      <Select className={styles.fit} value={picked.sheet} onChange={(_, d) => onPick(d.value)}>
        {units.map((u) => {
          const s = u.score;
          const value = s.index.final ?? s.indexWithoutSurvey.final;
          return (
            <option key={u.sheet} value={u.sheet}>
              {u.unit}
              {u.unit !== u.sheet ? ` (${u.sheet})` : ""} · {formatNumber(value, s.precision, lang)}
            </option>
          );
        })}
      </Select>
    </Field>
  );
}
