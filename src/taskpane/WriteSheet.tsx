import { Button, makeStyles } from "@fluentui/react-components";
import { Bar } from "./Bar";
import { useState } from "react";
import { errorText } from "../core/errors";
import type { Text as Bilingual } from "../core/finding";
import { fill, inLang, type Lang, t } from "../core/i18n";
import type { SheetSpec } from "../core/sheet-spec";
import type { ExcelService } from "../excel/service";
import { sharedStyles } from "./styles";

const useStyles = makeStyles({ ...sharedStyles });

const S = {
  written: { vi: 'Đã ghi trang "{sheet}" vào sổ.', en: 'Wrote the sheet "{sheet}" into the workbook.' },
  goTo: { vi: "Đi tới trang", en: "Go to the sheet" },
  writing: { vi: "Đang ghi…", en: "Writing…" },
} satisfies Record<string, Bilingual>;

function say(lang: Lang, key: keyof typeof S, vars: Record<string, string> = {}): string {
  return fill(inLang(lang, S[key]), vars);
}

/**
 * "Ghi … vào sổ": one button that writes a sheet decided in core through `service.writeSheets`, only on
 * the click. Then it names the sheet written and offers "Đi tới trang" (the selection moves only on that
 * click); a refusal (a user's own sheet of that name) is shown in its own words. Give it a new `key` for
 * a new result, so an old "written" line never sits under a new table.
 */
export function WriteSheet({
  service,
  lang,
  label,
  spec,
  detail,
}: {
  service: ExcelService;
  lang: Lang;
  /** The button's words ("Ghi bảng tiếp nhận vào sổ"). */
  label: string;
  /** Built on the click, never before. */
  spec: () => SheetSpec;
  /** What else the success line says (how many links…). */
  detail?: Bilingual;
}) {
  const styles = useStyles();
  const [busy, setBusy] = useState(false);
  const [written, setWritten] = useState<string | null>(null);
  const [error, setError] = useState<Bilingual | null>(null);
  // The host could not set the page (before ExcelApi 1.9): the user is told to set A4 landscape by hand.
  const [noPage, setNoPage] = useState(false);
  const write = async () => {
    setBusy(true);
    setError(null);
    setWritten(null);
    try {
      const [name] = await service.writeSheets([spec()]);
      setWritten(name ?? null);
      setNoPage(service.canSetPage?.() === false);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const goTo = async (sheet: string) => {
    try {
      await service.selectCell(sheet, "A1");
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <div className={styles.stack}>
      <Button disabled={busy} onClick={() => void write()}>
        {busy ? S.writing[lang] : label}
      </Button>
      {written && (
        <Bar
          intent="success"
          layout="multiline"
          actions={
            <Button size="small" onClick={() => void goTo(written)}>
              {S.goTo[lang]}
            </Button>
          }
        >
          {say(lang, "written", { sheet: written })}
          {detail ? ` ${detail[lang]}` : ""}
          {noPage ? ` ${t(lang, "noPageSetup")}` : ""}
        </Bar>
      )}
      {error && (
        <Bar intent="error" layout="multiline">
          {error[lang]}
        </Bar>
      )}
    </div>
  );
}
