import { tokens } from "@fluentui/react-components";
import type { Text as Bilingual } from "../core/finding";
import { fill, formatNumber, type Lang } from "../core/i18n";
import type { LostPoints } from "../core/lost-points";

const S = {
  title: { vi: "Mất điểm ở đâu", en: "Where the points were lost" },
  legend: {
    vi: "Thanh: điểm cuối cùng trên điểm tối đa; vạch: bình quân nhóm ({n} đơn vị)",
    en: "Bar: final score out of the maximum; tick: group average ({n} units)",
  },
  top: { vi: "Tiêu chí mất nhiều điểm nhất", en: "Items with the largest lost points" },
  lost: { vi: "mất {x}", en: "lost {x}" },
} satisfies Record<string, Bilingual>;

const WIDTH = 300;
const LABEL = 36;
const ROW = 22;

/**
 * One unit's areas as bars in the pane (SVG, fits the 320 px pane): the final score against the maximum,
 * the self score as an outline where it differs, the group's average as a tick; then the largest losses.
 * Every figure is also in the element's text, for screen readers and for copying.
 */
export function LostPointsChart({
  lost,
  lang,
  precision,
}: {
  lost: LostPoints;
  lang: Lang;
  precision: number;
}) {
  const f = (x: number | null) => formatNumber(x, precision, lang);
  const bar = WIDTH - LABEL - 8;
  const scale = (v: number | null, max: number) =>
    v === null || max <= 0 ? 0 : Math.min(1, Math.max(0, v / max)) * bar;
  const summary = lost.areas
    .map(
      (a) =>
        `${a.code}: ${f(a.final)}/${f(a.max)}${a.groupAverage === null ? "" : ` (${f(a.groupAverage)})`}`,
    )
    .join("; ");
  const height = lost.areas.length * ROW + 4;
  return (
    <div>
      {/* The area codes are page text beside the bars (not SVG text inside the image), so axe-core checks
          their contrast in every theme like any other text (issue #25). */}
      <div style={{ display: "flex", alignItems: "flex-start", maxWidth: "100%" }}>
        <div aria-hidden="true" style={{ width: LABEL, flexShrink: 0, paddingTop: 2 }}>
          {lost.areas.map((a) => (
            <div
              key={a.code}
              style={{
                height: ROW,
                lineHeight: `${ROW}px`,
                fontSize: 11,
                color: tokens.colorNeutralForeground1,
                overflow: "hidden",
                whiteSpace: "nowrap",
              }}
            >
              {a.code}
            </div>
          ))}
        </div>
        <svg
          width={WIDTH - LABEL}
          height={height}
          viewBox={`${LABEL} 0 ${WIDTH - LABEL} ${height}`}
          style={{ maxWidth: "100%", minWidth: 0, flexShrink: 1 }}
          preserveAspectRatio="xMinYMin meet"
          role="img"
          aria-label={`${S.title[lang]}: ${summary}`}
        >
          <title>{`${S.title[lang]}: ${summary}`}</title>
          {lost.areas.map((a, i) => {
            const y = i * ROW + 2;
            const avg = a.groupAverage === null ? null : LABEL + scale(a.groupAverage, a.max);
            return (
              <g key={a.code}>
                <rect x={LABEL} y={y + 3} width={bar} height={14} fill={tokens.colorNeutralBackground4} />
                <rect
                  x={LABEL}
                  y={y + 3}
                  width={scale(a.final, a.max)}
                  height={14}
                  fill={tokens.colorBrandBackground}
                />
                {a.self !== null && a.self !== a.final && (
                  <rect
                    x={LABEL}
                    y={y + 3}
                    width={scale(a.self, a.max)}
                    height={14}
                    fill="none"
                    stroke={tokens.colorPaletteDarkOrangeBorder2}
                    strokeDasharray="3 2"
                  />
                )}
                {avg !== null && (
                  <line
                    x1={avg}
                    x2={avg}
                    y1={y}
                    y2={y + 20}
                    stroke={tokens.colorNeutralForeground1}
                    strokeWidth={2}
                  />
                )}
              </g>
            );
          })}
        </svg>
      </div>
      <div style={{ fontSize: tokens.fontSizeBase100, color: tokens.colorNeutralForeground3 }}>
        {fill(S.legend[lang], { n: lost.peers })}
      </div>
      {lost.items.length > 0 && (
        <ol aria-label={S.top[lang]}>
          {lost.items.map((i) => (
            <li key={i.code}>
              {i.code} {i.label} — {fill(S.lost[lang], { x: f(i.lost) })}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
