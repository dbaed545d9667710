import { useCallback, useEffect, useRef, useState } from "react";
import { isWorkbookName } from "../app/workbook-names";
import type { Text as BiText } from "../core/finding";
import type { CheckedFile } from "./check";
import type { Messages } from "./messages";
import type { RubricChoice } from "./rubric-choice";
import { s } from "./strings";
import type { Engine } from "./use-engine";

/** A batch larger than this is a secretariat's job for the CLI; the tab would hold every file in memory. */
export const MAX_FILES = 1000;

export type Progress = { done: number; total: number };

/**
 * The picked files and what checking them found. `pick` replaces the whole batch (skipping what is not
 * a workbook, with a notice); every pick and every rubric change checks the files again, one at a
 * time with the progress shown, and a newer run makes an older one stop.
 */
export function useFileChecks(
  engine: Engine | null,
  choice: RubricChoice | null,
  { fail, clearError, setNotices }: Pick<Messages, "fail" | "clearError" | "setNotices">,
) {
  const [files, setFiles] = useState<File[]>([]);
  const [results, setResults] = useState<CheckedFile[]>([]);
  const [progress, setProgress] = useState<Progress | null>(null);
  const run = useRef(0);

  useEffect(() => {
    if (!engine || !choice) return;
    const id = ++run.current;
    if (files.length === 0) {
      setResults([]);
      return;
    }
    void (async () => {
      const out: CheckedFile[] = [];
      for (let i = 0; i < files.length; i++) {
        if (run.current !== id) return;
        setProgress({ done: i, total: files.length });
        out.push(await checkFile(engine, files[i], choice));
        // Let the progress bar paint between files.
        await new Promise((r) => setTimeout(r, 0));
      }
      if (run.current !== id) return;
      setResults(out);
      setProgress(null);
    })().catch((e) => {
      fail(e);
      setProgress(null);
    });
  }, [engine, choice, files, fail]);

  const pick = useCallback(
    (list: File[]) => {
      const picked = sortPicked(list);
      setNotices(picked.notices);
      clearError();
      setResults([]);
      setFiles(picked.workbooks);
    },
    [setNotices, clearError],
  );

  return { files, results, progress, pick };
}

/** A file over the engine's size limit is reported as such without being read. */
async function checkFile(engine: Engine, f: File, choice: RubricChoice): Promise<CheckedFile> {
  // The file's time goes with it: the same unit picked twice is ranked from the newest copy.
  return f.size > engine.MAX_FILE_BYTES
    ? engine.fileTooLarge(f.name, f.size, f.lastModified)
    : engine.checkBytes(
        new Uint8Array(await f.arrayBuffer()),
        f.name,
        engine.rubricOf(choice),
        f.lastModified,
      );
}

/**
 * The workbooks of a pick (a folder brings everything in it; Excel's "~$" lock files are not workbooks),
 * at most MAX_FILES of them, and the notices that say what was left out.
 */
function sortPicked(list: File[]): { workbooks: File[]; notices: BiText[] } {
  // The one rule of which names are workbooks (src/app), as the CLI's folder walk and the pane apply it.
  const workbooks = list.filter((f) => isWorkbookName(f.name));
  const skipped = list.filter((f) => !isWorkbookName(f.name));
  const notices: BiText[] = [];
  if (skipped.length)
    notices.push(
      both("skipped", {
        count: skipped.length,
        names: skipped
          .slice(0, 5)
          .map((f) => f.name)
          .join(", "),
      }),
    );
  if (workbooks.length > MAX_FILES)
    notices.push(both("tooMany", { max: MAX_FILES, count: workbooks.length - MAX_FILES }));
  return { workbooks: workbooks.slice(0, MAX_FILES), notices };
}

/** A notice in both languages, so switching the language switches it too. */
function both(key: Parameters<typeof s>[1], params: Record<string, string | number>): BiText {
  return { vi: s("vi", key, params), en: s("en", key, params) };
}
