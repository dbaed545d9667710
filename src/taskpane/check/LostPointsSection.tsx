import { Spinner, Text } from "@fluentui/react-components";
import { lazy, Suspense, useState } from "react";
import { type Lang, t } from "../../core/i18n";
import type { UnitScore } from "../../core/score";

const LostPointsPanel = lazy(() => import("./LostPointsPanel"));

/**
 * "Mất điểm ở đâu" for the checked unit, folded until asked for (issue #16, item 4): per area the final
 * score against the maximum and, when the check covered several units, their average; then the items
 * that lost most. Same figures as the "Kết quả thẩm định" sheet's section (`peers`: `checkPeers`).
 */
export function LostPointsSection({
  score,
  peers,
  lang,
  className,
  summaryClassName,
}: {
  score: UnitScore;
  peers: readonly UnitScore[];
  lang: Lang;
  className?: string;
  summaryClassName?: string;
}) {
  const [open, setOpen] = useState(false);
  return (
    <details className={className} open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className={summaryClassName}>{t(lang, "lostPoints")}</summary>
      {open && (
        <>
          <Text block size={200}>
            {peers.length > 0
              ? t(lang, "lostPointsPeers", { count: peers.length })
              : t(lang, "lostPointsAlone")}
          </Text>
          <Suspense fallback={<Spinner size="tiny" label={t(lang, "lostPoints")} />}>
            <LostPointsPanel score={score} peers={peers} lang={lang} />
          </Suspense>
        </>
      )}
    </details>
  );
}
