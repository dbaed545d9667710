import { Button, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { type KeyboardEvent, useId, useRef, useState } from "react";
import type { UnitAnalysis } from "../../core/analyse";
import { type Lang, t } from "../../core/i18n";

const useStyles = makeStyles({
  wrap: { display: "inline-flex", flexDirection: "column", alignItems: "flex-end", gap: "2px" },
  list: {
    display: "flex",
    flexDirection: "column",
    alignItems: "stretch",
    gap: "2px",
    padding: "2px",
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  closed: { display: "none" },
  item: { justifyContent: "flex-start", textAlign: "left", fontWeight: tokens.fontWeightRegular },
});

/** The appraisal write has something to write only where the unit's table has appraisal columns. */
export function hasAppraisalColumns(unit: UnitAnalysis | null): boolean {
  const columns = unit?.table.columns;
  return columns?.appraised1 !== undefined || columns?.appraised2 !== undefined;
}

/**
 * "Ghi vào sổ ▾": the explicit writes behind one button after the result, so the check stays the one
 * primary action. A disclosure (the button shows or hides the write buttons in place) rather than
 * Fluent's Menu, whose focus trap adds focusable elements hidden from assistive tech (axe-core:
 * aria-hidden-focus) and whose fade-in is caught half-way by contrast checks. The appraisal write is
 * offered only for a unit with appraisal columns (a unit's own self-check has none).
 */
export function WriteMenu({
  lang,
  disabled,
  appraisal,
  onReport,
  onAppraisal,
}: {
  lang: Lang;
  disabled: boolean;
  appraisal: boolean;
  onReport: () => void;
  onAppraisal: () => void;
}) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const id = useId();
  const trigger = useRef<HTMLButtonElement>(null);
  const run = (action: () => void) => {
    setOpen(false);
    trigger.current?.focus();
    action();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== "Escape" || !open) return;
    e.preventDefault();
    setOpen(false);
    trigger.current?.focus();
  };
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Escape closes the open list, as in any disclosure
    <span className={styles.wrap} onKeyDown={onKeyDown}>
      <Button
        ref={trigger}
        size="small"
        aria-expanded={open}
        aria-controls={id}
        disabledFocusable={disabled}
        onClick={() => setOpen(!open)}
      >
        {t(lang, "writeMenu")}
        <span aria-hidden="true">&nbsp;{open ? "▴" : "▾"}</span>
      </Button>
      <span id={id} className={mergeClasses(styles.list, !open && styles.closed)}>
        <Button size="small" appearance="subtle" className={styles.item} onClick={() => run(onReport)}>
          {t(lang, "writeReport")}
        </Button>
        {appraisal && (
          <Button size="small" appearance="subtle" className={styles.item} onClick={() => run(onAppraisal)}>
            {t(lang, "writeAppraisal")}
          </Button>
        )}
      </span>
    </span>
  );
}
