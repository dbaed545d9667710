import { tokens } from "@fluentui/react-components";
import type { Severity } from "../../core/finding";

const COLOUR: Record<Severity, string> = {
  error: tokens.colorStatusDangerForeground1,
  warning: tokens.colorStatusWarningForeground1,
  info: tokens.colorBrandForeground1,
};

/**
 * A small severity mark beside each finding: shape and colour both differ (never colour alone), and it
 * is hidden from screen readers because the group around it already names the severity in words.
 */
export function SeverityIcon({ severity }: { severity: Severity }) {
  const colour = COLOUR[severity];
  return (
    <svg
      width="14"
      height="14"
      viewBox="0 0 16 16"
      aria-hidden="true"
      focusable="false"
      style={{ flexShrink: 0 }}
    >
      {severity === "error" && (
        <>
          <circle cx="8" cy="8" r="7" fill={colour} />
          <path d="M5.5 5.5l5 5M10.5 5.5l-5 5" stroke={tokens.colorNeutralBackground1} strokeWidth="1.8" />
        </>
      )}
      {severity === "warning" && (
        <>
          <path d="M8 1.5L15 14.5H1z" fill={colour} />
          <path d="M8 6v4.5M8 12v1" stroke={tokens.colorNeutralBackground1} strokeWidth="1.6" />
        </>
      )}
      {severity === "info" && (
        <>
          <circle cx="8" cy="8" r="7" fill={colour} />
          <path d="M8 7v5M8 4.2v1.3" stroke={tokens.colorNeutralBackground1} strokeWidth="1.8" />
        </>
      )}
    </svg>
  );
}
