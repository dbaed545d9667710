import { useState } from "react";
import type { Lang } from "../core/i18n";
import type { Ranking } from "../core/rank";
import type { Rubric } from "../core/rubric/schema";
import type { CheckedFile } from "./check";
import { baseName, CSV_TYPE, download, XLSX_TYPE } from "./download";
import { s } from "./strings";
import type { Engine } from "./use-engine";

/**
 * The downloads: a report (.xlsx) or the findings (.csv) of one file or of all, and the ranking.
 * `writing` is true while one is being written, so the buttons wait; a failure becomes the page's error.
 */
export function useDownloads(engine: Engine | null, lang: Lang, fail: (e: unknown) => void) {
  const [writing, setWriting] = useState(false);

  const save = async (what: () => Promise<[Uint8Array | string, string, string]>) => {
    setWriting(true);
    try {
      const [data, name, type] = await what();
      download(data, name, type);
    } catch (e) {
      fail(e);
    } finally {
      setWriting(false);
    }
  };

  // One file's downloads are named after it; all files' are named by what they hold.
  const downloadFiles = (kind: "report" | "csv", chosen: CheckedFile[]) => {
    if (!engine) return;
    const stem = chosen.length === 1 ? `${baseName(chosen[0].file)} - ` : "";
    void save(async () =>
      kind === "csv"
        ? [engine.findingsCsv(chosen, lang), `${stem}${s(lang, "findingsName")}.csv`, CSV_TYPE]
        : [
            await engine.writeWorkbook(engine.reportSpecs(chosen, { results: true, lang })),
            `${stem}${s(lang, "reportName")}.xlsx`,
            XLSX_TYPE,
          ],
    );
  };

  const downloadRanking = (ranking: Ranking, rankingRubric: Rubric) => {
    if (!engine) return;
    void save(async () => [
      await engine.writeWorkbook(engine.rankingSpecs(ranking, rankingRubric)),
      `${s(lang, "rankingName")}.xlsx`,
      XLSX_TYPE,
    ]);
  };

  return { writing, downloadFiles, downloadRanking };
}

export type Downloads = ReturnType<typeof useDownloads>;
