import { Button, ProgressBar } from "@fluentui/react-components";
import { Bar } from "../taskpane/Bar";
import type { Text as BiText } from "../core/finding";
import { type Lang, t } from "../core/i18n";
import type { CheckedFile } from "./check";
import { s } from "./strings";
import type { Progress } from "./use-file-checks";

/**
 * Where the page stands, read out as it changes (loading, reading n of m, done with the counts), the
 * progress bar while reading, the error (dismissable) and the notices.
 */
export function StatusArea({
  lang,
  loaded,
  progress,
  results,
  error,
  onDismiss,
  notices,
}: {
  lang: Lang;
  loaded: boolean;
  progress: Progress | null;
  results: CheckedFile[];
  error: BiText | null;
  onDismiss: () => void;
  notices: BiText[];
}) {
  return (
    <>
      <div role="status" aria-live="polite">
        {statusText(lang, loaded, progress, results)}
      </div>
      {progress && <ProgressBar value={progress.done / Math.max(1, progress.total)} />}
      {error && (
        <Bar
          intent="error"
          actions={
            <Button appearance="transparent" onClick={onDismiss}>
              {t(lang, "dismiss")}
            </Button>
          }
        >
          {error[lang]}
        </Bar>
      )}
      {notices.map((n) => (
        <Bar key={n.en} intent="warning">
          {n[lang]}
        </Bar>
      ))}
    </>
  );
}

function statusText(lang: Lang, loaded: boolean, progress: Progress | null, results: CheckedFile[]): string {
  if (!loaded) return s(lang, "loading");
  if (progress) return t(lang, "reading", progress);
  if (!results.length) return "";
  const counts = errorsAndWarnings(results);
  return s(lang, "done", { files: results.length, errors: counts.error, warnings: counts.warning });
}

function errorsAndWarnings(results: CheckedFile[]): { error: number; warning: number } {
  return results.reduce(
    (c, r) => {
      for (const f of r.findings) if (f.severity !== "info") c[f.severity]++;
      return c;
    },
    { error: 0, warning: 0 },
  );
}
