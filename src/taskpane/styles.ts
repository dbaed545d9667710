import { type GriffelStyle, tokens } from "@fluentui/react-components";

/** Style rules the pane's views share; each view spreads them into its own makeStyles. */
export const sharedStyles = {
  stack: { display: "flex", flexDirection: "column", gap: "8px" },
  row: { display: "flex", gap: "8px", alignItems: "center" },
  table: { width: "100%", borderCollapse: "collapse", fontSize: tokens.fontSizeBase200 },
  num: { textAlign: "right", padding: "2px 4px" },
  muted: { color: tokens.colorNeutralForeground3 },
  /** Words for screen readers only ("Đơn vị: ", "Điểm tối đa"): in the DOM, off the screen. */
  visuallyHidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clipPath: "inset(50%)",
    whiteSpace: "nowrap",
  },
  /** A control that never grows past the pane (a native select is as wide as its longest option). */
  fit: { maxWidth: "100%", minWidth: 0, width: "100%" },
  /**
   * Fluent's Link keeps its theme colour under forced colours (yellow on the system's white canvas,
   * contrast 1.07 in axe-core): let the system colour it as a link there.
   */
  link: {
    "@media (forced-colors: active)": { color: "LinkText", forcedColorAdjust: "auto" },
    // An underline alone is not a visible focus (issue #25): the same ring as every other control.
    ":focus-visible": {
      outline: `2px solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: "2px",
      borderRadius: "2px",
    },
  },
} satisfies Record<string, GriffelStyle>;
