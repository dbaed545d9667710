import { Button, MessageBarTitle, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { Bar } from "../Bar";
import { useId, useMemo, useState } from "react";
import { type Finding, type FindingCode, findingItemKey, type Severity } from "../../core/finding";
import { findingKind, type Lang, t } from "../../core/i18n";
import { sharedStyles } from "../styles";
import { findingKey } from "../state/check";
import { SeverityIcon } from "./SeverityIcon";
import { useFindingHelp } from "./useFindingHelp";

const useStyles = makeStyles({
  ...sharedStyles,
  finding: {
    display: "flex",
    gap: "6px",
    alignItems: "flex-start",
    justifyContent: "flex-start",
    textAlign: "left",
    width: "100%",
    padding: "4px",
    minHeight: "auto",
    fontWeight: tokens.fontWeightRegular,
  },
  current: {
    outline: `2px solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorSubtleBackgroundSelected,
  },
  list: { listStyle: "none", margin: 0, padding: 0 },
  summary: { cursor: "pointer", padding: "4px 0", display: "flex", gap: "6px", alignItems: "center" },
  kindRow: { display: "flex", alignItems: "center", gap: "4px" },
  kindSummary: { flexGrow: 1, minWidth: 0 },
  helpButton: { minWidth: "24px", flexShrink: 0 },
  help: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, margin: "0 0 4px 20px" },
  // Two lines: "E36 · 4.1 · 2,5 > tối đa 2", then the criterion's label, muted.
  lines: { display: "flex", flexDirection: "column", minWidth: 0 },
  first: { overflowWrap: "anywhere" },
  label: {
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
  },
  fresh: {
    backgroundColor: tokens.colorPaletteYellowBackground1,
    "@media (forced-colors: active)": { outline: "2px dashed CanvasText" },
  },
  newBadge: {
    fontSize: tokens.fontSizeBase100,
    fontWeight: tokens.fontWeightSemibold,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: "4px",
    padding: "0 4px",
    marginRight: "4px",
  },
});

/** Findings rendered at first per kind; more on request. Keeps 10,000 findings to a few hundred nodes. */
const PAGE = 50;
/** A kind with more findings than this starts folded: "1.934 findings of this kind — show". */
const FOLD_ABOVE = 20;
const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

interface KindGroup {
  code: FindingCode;
  severity: Severity;
  findings: Finding[];
}

/** Findings by kind, errors first, then the largest groups; the order inside a kind is the sheet's. */
export function groupByKind(findings: readonly Finding[]): KindGroup[] {
  const groups = new Map<FindingCode, KindGroup>();
  for (const f of findings) {
    const g = groups.get(f.code);
    if (g) g.findings.push(f);
    else groups.set(f.code, { code: f.code, severity: f.severity, findings: [f] });
  }
  return [...groups.values()].sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || b.findings.length - a.findings.length,
  );
}

export interface FindingsListProps {
  findings: readonly Finding[];
  lang: Lang;
  /** Item code → criterion label, for "[code] label". */
  labels: ReadonlyMap<string, string>;
  current: Finding | null;
  onSelect: (f: Finding) => void;
  /** Keys (state/check.ts findingKey) of findings new since the previous check: marked "mới" for a while. */
  fresh?: ReadonlySet<string>;
}

const NONE: ReadonlySet<string> = new Set();

export function FindingsList({ findings, lang, labels, current, onSelect, fresh = NONE }: FindingsListProps) {
  const styles = useStyles();
  const groups = useMemo(() => groupByKind(findings.filter((f) => f.address)), [findings]);
  const withoutCell = findings.filter((f) => !f.address);
  // Stable keys: a finding's place in the list it came in (two findings can say the same thing).
  const keys = useMemo(() => new Map(findings.map((f, i) => [f, i])), [findings]);
  const findingHelp = useFindingHelp();
  return (
    <div className={styles.stack}>
      {withoutCell.map((f) => (
        <Bar key={keys.get(f)} intent={f.severity === "info" ? "info" : f.severity} layout="multiline">
          <MessageBarTitle>{findingKind(lang, f.code)}</MessageBarTitle>
          {f.message[lang]} {findingHelp(lang, f.code)}
        </Bar>
      ))}
      {groups.map((g) => (
        <KindSection
          key={g.code}
          group={g}
          keys={keys}
          lang={lang}
          labels={labels}
          current={current}
          onSelect={onSelect}
          fresh={fresh}
        />
      ))}
    </div>
  );
}

function KindSection({
  group,
  keys,
  lang,
  labels,
  current,
  onSelect,
  fresh = NONE,
}: { group: KindGroup; keys: ReadonlyMap<Finding, number> } & Omit<FindingsListProps, "findings">) {
  const styles = useStyles();
  const count = group.findings.length;
  const [open, setOpen] = useState(count <= FOLD_ABOVE);
  const [helpOpen, setHelpOpen] = useState(false);
  const helpId = useId();
  const [shown, setShown] = useState(PAGE);
  const n = new Intl.NumberFormat(lang === "vi" ? "vi-VN" : "en-US").format(count);
  const kind = findingKind(lang, group.code);
  const findingHelp = useFindingHelp();
  return (
    <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className={styles.summary}>
        <SeverityIcon severity={group.severity} />
        <span className={styles.kindSummary}>
          {t(lang, group.severity)}: {kind} ({n})
          {!open && count > FOLD_ABOVE ? ` — ${t(lang, "collapsedKind", { count: n })}` : ""}
        </span>
      </summary>
      {open && (
        <>
          <div className={styles.kindRow}>
            {/* "Why / how to fix" behind a button: the list stays two lines a finding. */}
            <Button
              size="small"
              appearance="subtle"
              className={styles.helpButton}
              aria-expanded={helpOpen}
              aria-controls={helpId}
              aria-label={t(lang, "findingHelpLabel", { kind })}
              onClick={() => setHelpOpen(!helpOpen)}
            >
              <span aria-hidden="true">?</span>&nbsp;{t(lang, "findingHelp")}
            </Button>
          </div>
          <p id={helpId} className={styles.help} hidden={!helpOpen}>
            {findingHelp(lang, group.code)}
          </p>
          <ul className={styles.list} aria-label={`${kind} (${n})`}>
            {group.findings.slice(0, shown).map((f) => (
              <li key={keys.get(f)}>
                <FindingButton
                  f={f}
                  lang={lang}
                  label={labelOf(f, labels)}
                  current={f === current}
                  isNew={fresh.has(findingKey(f))}
                  onSelect={onSelect}
                />
              </li>
            ))}
          </ul>
          {count > shown && (
            <Button size="small" onClick={() => setShown((s) => s + PAGE * 4)}>
              {t(lang, "showMore", { count: Math.min(PAGE * 4, count - shown) })}
            </Button>
          )}
        </>
      )}
    </details>
  );
}

/** The criterion's label, for the muted second line (none for a finding about no item). */
function labelOf(f: Finding, labels: ReadonlyMap<string, string>): string | null {
  const key = findingItemKey(f);
  return key ? (labels.get(key) ?? null) : null;
}

/**
 * "E36 · 4.1 · 2,5 > tối đa 2" on the first line (cell, item, what is wrong), the criterion's label muted
 * on the second — cut with "…" on screen, whole in the button's name for screen readers.
 */
function FindingButton({
  f,
  lang,
  label,
  current,
  isNew,
  onSelect,
}: {
  f: Finding;
  lang: Lang;
  label: string | null;
  current: boolean;
  isNew: boolean;
  onSelect: (f: Finding) => void;
}) {
  const styles = useStyles();
  const item = findingItemKey(f);
  return (
    <Button
      appearance="subtle"
      className={mergeClasses(styles.finding, current && styles.current, isNew && styles.fresh)}
      aria-current={current ? "true" : undefined}
      onClick={() => onSelect(f)}
      data-code={f.code}
      data-new={isNew ? "true" : undefined}
    >
      <span className={styles.lines}>
        <span className={styles.first}>
          <strong>{f.address}</strong>
          {item ? ` · ${item}` : ""} · {isNew && <span className={styles.newBadge}>{t(lang, "isNew")}</span>}
          {f.message[lang]}
        </span>
        {label && (
          <span className={styles.label} title={label}>
            {label}
          </span>
        )}
        {f.link && (
          <span className={styles.label} title={f.link} data-link={f.link}>
            {t(lang, "findingLink", { target: f.link })}
          </span>
        )}
      </span>
    </Button>
  );
}

/** The cells in the order the list shows them, for next / previous. */
export function findingOrder(findings: readonly Finding[]): Finding[] {
  return groupByKind(findings.filter((f) => f.address)).flatMap((g) => g.findings);
}

export function FindingNavigator({
  order,
  current,
  lang,
  onSelect,
}: {
  order: readonly Finding[];
  current: Finding | null;
  lang: Lang;
  onSelect: (f: Finding) => void;
}) {
  const styles = useStyles();
  if (order.length === 0) return null;
  const at = current ? order.indexOf(current) : -1;
  const go = (step: 1 | -1) => {
    // Before any finding is current, "next" starts at the first and "previous" at the last.
    const index = at < 0 ? (step === 1 ? 0 : order.length - 1) : (at + step + order.length) % order.length;
    const next = order[index];
    if (next) onSelect(next);
  };
  return (
    <div className={styles.row}>
      <Button size="small" onClick={() => go(-1)}>
        <span aria-hidden="true">‹&nbsp;</span>
        {t(lang, "previousFinding")}
      </Button>
      <Text size={200} aria-live="off">
        {at >= 0 ? t(lang, "findingPosition", { n: at + 1, total: order.length }) : ""}
      </Text>
      <Button size="small" onClick={() => go(1)}>
        {t(lang, "nextFinding")}
        <span aria-hidden="true">&nbsp;›</span>
      </Button>
    </div>
  );
}
