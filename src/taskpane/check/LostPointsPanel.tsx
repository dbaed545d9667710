import { lostPoints } from "../../core/lost-points";
import type { UnitScore } from "../../core/score";
import type { Lang } from "../../core/i18n";
import { LostPointsChart } from "../LostPointsChart";

/** The chart with its figures; its own chunk, loaded when the user opens "Mất điểm ở đâu". */
export default function LostPointsPanel({
  score,
  peers,
  lang,
}: {
  score: UnitScore;
  peers: readonly UnitScore[];
  lang: Lang;
}) {
  return <LostPointsChart lost={lostPoints(score, peers)} lang={lang} precision={score.precision} />;
}
