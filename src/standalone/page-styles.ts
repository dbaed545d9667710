import { type GriffelStyle, makeStyles, shorthands, tokens } from "@fluentui/react-components";

/** The rules a result card shares (one file's check, the ranking); each spreads them into its makeStyles. */
export const resultCardStyles = {
  card: {
    display: "flex",
    flexDirection: "column",
    gap: "8px",
    padding: "12px",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  table: { width: "100%", borderCollapse: "collapse", fontSize: tokens.fontSizeBase200 },
  num: { textAlign: "right", padding: "2px 4px", whiteSpace: "nowrap" },
  cell: { padding: "2px 4px", textAlign: "left" },
  muted: { color: tokens.colorNeutralForeground3 },
} satisfies Record<string, GriffelStyle>;

/** One stylesheet for the standalone page and its parts, so the sections, rows and muted lines match. */
export const usePageStyles = makeStyles({
  page: {
    maxWidth: "60rem",
    margin: "0 auto",
    padding: "12px",
    display: "flex",
    flexDirection: "column",
    gap: "12px",
    color: tokens.colorNeutralForeground1,
  },
  header: { display: "flex", gap: "8px", alignItems: "start", justifyContent: "space-between" },
  row: { display: "flex", gap: "8px", alignItems: "center", flexWrap: "wrap" },
  drop: {
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    padding: "16px",
    display: "flex",
    flexDirection: "column",
    gap: "8px",
  },
  dragging: {
    ...shorthands.borderColor(tokens.colorBrandStroke1),
    backgroundColor: tokens.colorBrandBackground2,
  },
  hidden: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clipPath: "inset(50%)" },
  muted: { color: tokens.colorNeutralForeground3 },
});
