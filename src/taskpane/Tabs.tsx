import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { type KeyboardEvent, useRef } from "react";

const useStyles = makeStyles({
  list: {
    display: "flex",
    flexWrap: "wrap",
    gap: "0",
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  tab: {
    background: "none",
    border: "none",
    borderBottom: "3px solid transparent",
    color: tokens.colorNeutralForeground2,
    cursor: "pointer",
    font: "inherit",
    fontSize: tokens.fontSizeBase300,
    padding: "6px 8px",
    whiteSpace: "nowrap",
    ":hover": { color: tokens.colorNeutralForeground1 },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
    "@media (forced-colors: active)": { color: "ButtonText" },
  },
  selected: {
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    borderBottomColor: tokens.colorCompoundBrandStroke,
    "@media (forced-colors: active)": { borderBottomColor: "Highlight" },
  },
});

/**
 * The pane's tab list: the ARIA tabs pattern (named list, roving focus with the arrow keys, Home/End,
 * each tab controlling its panel). Written out rather than Fluent's TabList, whose focus helpers are
 * focusable elements hidden from assistive tech (axe-core: aria-hidden-focus).
 */
export function Tabs<T extends string>({
  tabs,
  selected,
  onSelect,
  label,
  quiet = false,
}: {
  tabs: { id: T; label: string }[];
  selected: T;
  onSelect: (id: T) => void;
  label: string;
  /** Another view covers the panel (Settings): no tab is drawn as the one shown, though it stays selected. */
  quiet?: boolean;
}) {
  const styles = useStyles();
  const refs = useRef(new Map<T, HTMLButtonElement>());
  const onKeyDown = (e: KeyboardEvent) => {
    const at = tabs.findIndex((t) => t.id === selected);
    const to =
      e.key === "ArrowRight"
        ? (at + 1) % tabs.length
        : e.key === "ArrowLeft"
          ? (at - 1 + tabs.length) % tabs.length
          : e.key === "Home"
            ? 0
            : e.key === "End"
              ? tabs.length - 1
              : -1;
    if (to < 0) return;
    e.preventDefault();
    const id = tabs[to].id;
    onSelect(id);
    refs.current.get(id)?.focus();
  };
  return (
    <div role="tablist" aria-label={label} className={styles.list} onKeyDown={onKeyDown}>
      {tabs.map((tab) => {
        const on = tab.id === selected;
        return (
          <button
            key={tab.id}
            ref={(el) => {
              if (el) refs.current.set(tab.id, el);
            }}
            type="button"
            role="tab"
            id={`tab-${tab.id}`}
            aria-selected={on}
            aria-controls={`panel-${tab.id}`}
            tabIndex={on ? 0 : -1}
            className={mergeClasses(styles.tab, on && !quiet && styles.selected)}
            onClick={() => onSelect(tab.id)}
          >
            {tab.label}
          </button>
        );
      })}
    </div>
  );
}
