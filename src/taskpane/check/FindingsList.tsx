import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { type Finding, type FindingCode, findingItemKey, type Severity } from "../../core/finding";
import { findingKind, type Lang, t } from "../../core/i18n";
import { sharedStyles } from "../styles";
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
  help: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, margin: "0 0 4px 20px" },
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
}

export function FindingsList({ findings, lang, labels, current, onSelect }: FindingsListProps) {
  const styles = useStyles();
  const groups = useMemo(() => groupByKind(findings.filter((f) => f.address)), [findings]);
  const withoutCell = findings.filter((f) => !f.address);
  // Stable keys: a finding's place in the list it came in (two findings can say the same thing).
  const keys = useMemo(() => new Map(findings.map((f, i) => [f, i])), [findings]);
  const findingHelp = useFindingHelp();
  return (
    <div className={styles.stack}>
      {withoutCell.map((f) => (
        <MessageBar key={keys.get(f)} intent={f.severity === "info" ? "info" : f.severity} layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{findingKind(lang, f.code)}</MessageBarTitle>
            {f.message[lang]} {findingHelp(lang, f.code)}
          </MessageBarBody>
        </MessageBar>
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
}: { group: KindGroup; keys: ReadonlyMap<Finding, number> } & Omit<FindingsListProps, "findings">) {
  const styles = useStyles();
  const count = group.findings.length;
  const [open, setOpen] = useState(count <= FOLD_ABOVE);
  const [shown, setShown] = useState(PAGE);
  const n = new Intl.NumberFormat(lang === "vi" ? "vi-VN" : "en-US").format(count);
  const kind = findingKind(lang, group.code);
  const findingHelp = useFindingHelp();
  return (
    <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className={styles.summary}>
        <SeverityIcon severity={group.severity} />
        <span>
          {t(lang, group.severity)}: {kind} ({n})
          {!open && count > FOLD_ABOVE ? ` — ${t(lang, "collapsedKind", { count: n })}` : ""}
        </span>
      </summary>
      {open && (
        <>
          <p className={styles.help}>{findingHelp(lang, group.code)}</p>
          <ul className={styles.list} aria-label={`${kind} (${n})`}>
            {group.findings.slice(0, shown).map((f) => (
              <li key={keys.get(f)}>
                <Button
                  appearance="subtle"
                  className={mergeClasses(styles.finding, f === current && styles.current)}
                  aria-current={f === current ? "true" : undefined}
                  onClick={() => onSelect(f)}
                  data-code={f.code}
                >
                  <span>
                    <strong>{f.address}</strong> {findingLine(f, labels, lang)}
                  </span>
                </Button>
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

/** "[4.1] Criterion label: message" — the criterion named, not only coded. */
function findingLine(f: Finding, labels: ReadonlyMap<string, string>, lang: Lang): string {
  const key = findingItemKey(f);
  if (!key) return f.message[lang];
  const label = labels.get(key);
  return `[${key}]${label ? ` ${label}` : ""}: ${f.message[lang]}`;
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
