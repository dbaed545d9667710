import { Button, Field, MessageBar, MessageBarBody, Text, makeStyles } from "@fluentui/react-components";
import { useState } from "react";
import { FIELD_TEXT, type WorkbookDiff } from "../core/diff";
import type { Text as Bilingual } from "../core/finding";
import { formatNumber, type Lang } from "../core/i18n";
import { roleName } from "../core/messages";
import { builtinRubric, DEFAULT_RUBRIC_ID } from "../core/rubric/builtin";
import type { Rubric } from "../core/rubric/schema";
import type { CellValue } from "../core/snapshot";
import { diffFromFiles } from "./round-files";
import { sharedStyles } from "./styles";

const useStyles = makeStyles({ ...sharedStyles });

const S = {
  title: { vi: "So sánh với bản trước", en: "Compare with the earlier version" },
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

/** Two picked versions of one unit's workbook, compared item by item; nothing is written to the workbook. */
export function DiffView({ state }: { state: { lang: Lang; rubric: Rubric | null } }) {
  const styles = useStyles();
  const { lang } = state;
  const [before, setBefore] = useState<File | null>(null);
  const [after, setAfter] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ diff: WorkbookDiff } | { error: Bilingual } | null>(null);
  const rubric = state.rubric ?? builtinRubric(DEFAULT_RUBRIC_ID);
  const precision = rubric?.precision ?? 2;
  const shown = (v: CellValue) =>
    v === null || v === ""
      ? S.empty[lang]
      : typeof v === "number"
        ? formatNumber(v, precision, lang)
        : String(v);
  const run = async () => {
    if (!before || !after || !rubric) return;
    setBusy(true);
    try {
      setResult(await diffFromFiles(before, after, rubric));
    } finally {
      setBusy(false);
    }
  };
  const picker = (label: string, set: (f: File | null) => void) => (
    <Field label={label}>
      {(props) => (
        <input
          {...props}
          type="file"
          accept=".xlsx,.xlsm"
          onChange={(e) => set(e.target.files?.[0] ?? null)}
        />
      )}
    </Field>
  );
  const d = result && "diff" in result ? result.diff : null;
  const moved = d?.structure.filter((s) => s.kind === "column-moved") ?? [];
  const changed = d?.items.filter((i) => i.status === "changed").length ?? 0;
  return (
    <section className={styles.stack} aria-label={S.title[lang]}>
      {picker(S.before[lang], setBefore)}
      {picker(S.after[lang], setAfter)}
      <Button appearance="primary" disabled={!before || !after || busy} onClick={() => void run()}>
        {S.run[lang]}
      </Button>
      {result && "error" in result && (
        <MessageBar intent="error">
          <MessageBarBody>{result.error[lang]}</MessageBarBody>
        </MessageBar>
      )}
      {d && (
        <div className={styles.stack} aria-live="polite">
          {d.problems.map((p) => (
            <MessageBar key={p.en} intent="warning">
              <MessageBarBody>{p[lang]}</MessageBarBody>
            </MessageBar>
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
          <Text weight="semibold">
            {S.content[lang].replace("{n}", String(changed)).replace("{same}", String(d.unchanged))}
          </Text>
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
                  <td className={styles.num}>
                    {formatNumber(t.old.self, precision, lang)} → {formatNumber(t.new.self, precision, lang)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
