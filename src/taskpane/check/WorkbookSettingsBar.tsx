import { Button, Checkbox, Text } from "@fluentui/react-components";
import { useState } from "react";
import type { UnitAnalysis } from "../../core/analyse";
import { formatNumber, type Lang, t } from "../../core/i18n";
import type { ComparedResult } from "../../excel/service";
import { Bar } from "../Bar";
import type { ParIndexState } from "../useParIndex";

/**
 * The settings rule made visible (issue #24 item 7): the workbook carries settings the check did not
 * use. The bar says how they differ, what they would give for this unit beside what the check gives
 * ("Theo cài đặt của sổ: 89 — Xuất sắc"), and offers to use them — and, for a custom rubric, to
 * remember it as accepted on this computer. Without pending settings: a quiet line saying whose
 * settings the check uses and why, when that is not simply the user's own.
 */
export function WorkbookSettingsBar({ state, unit }: { state: ParIndexState; unit: UnitAnalysis | null }) {
  const { lang, pendingSettings: pending, settingsWhy: why } = state;
  const [remember, setRemember] = useState(false);
  if (!pending) {
    return why ? (
      <Text size={200} data-testid="settings-why">
        {why[lang]}
      </Text>
    ) : null;
  }
  const compared = state.validation?.compared?.find((c) => c.sheet === unit?.sheet) ?? null;
  return (
    <Bar
      intent="warning"
      layout="multiline"
      title={t(lang, "workbookSettingsTitle")}
      actions={
        <Button
          disabled={state.busy !== null}
          onClick={() => void state.applyWorkbookSettings({ rememberRubric: remember })}
        >
          {t(lang, "useWorkbookSettings")}
        </Button>
      }
    >
      {compared && unit && (
        <div data-testid="workbook-settings-result">
          <strong>{t(lang, "workbookSettingsResult", { result: resultText(compared, lang) })}</strong> (
          {t(lang, "workbookSettingsCurrent", { result: resultText(currentOf(unit), lang) })})
        </div>
      )}
      <div>{t(lang, "workbookSettingsWhy")}</div>
      <ul style={{ margin: 0, paddingLeft: "1.2em" }}>
        {pending.differences.map((d) => (
          <li key={d.en}>{d[lang]}</li>
        ))}
      </ul>
      {pending.customRubric && (
        <Checkbox
          checked={remember}
          onChange={(_, data) => setRemember(data.checked === true)}
          label={t(lang, "rememberRubric")}
        />
      )}
    </Bar>
  );
}

function currentOf(unit: UnitAnalysis): ComparedResult {
  const s = unit.score;
  const evidenceOnly = s.index.final === null;
  return {
    sheet: unit.sheet,
    index: evidenceOnly ? s.indexWithoutSurvey.final : s.index.final,
    evidenceOnly,
    precision: s.precision,
    rating: s.rating ? { vi: s.rating.label, en: s.rating.labelEn ?? s.rating.label } : null,
  };
}

/** "89 — Xuất sắc", or the number alone while there is no rating (evidence part only). */
function resultText(r: ComparedResult, lang: Lang): string {
  const n = formatNumber(r.index, r.precision, lang);
  return r.rating ? `${n} — ${r.rating[lang]}` : n;
}
