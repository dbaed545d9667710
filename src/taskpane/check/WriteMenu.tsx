import { Menu, MenuButton, MenuItem, MenuList, MenuPopover, MenuTrigger } from "@fluentui/react-components";
import type { UnitAnalysis } from "../../core/analyse";
import { type Lang, t } from "../../core/i18n";

/** The appraisal write has something to write only where the unit's table has appraisal columns. */
export function hasAppraisalColumns(unit: UnitAnalysis | null): boolean {
  const columns = unit?.table.columns;
  return columns?.appraised1 !== undefined || columns?.appraised2 !== undefined;
}

/**
 * "Ghi vào sổ ▾": the explicit writes in one menu after the result, so the check stays the one primary
 * action. The appraisal write is offered only for a unit with appraisal columns (a unit's own
 * self-check has none).
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
  return (
    <Menu positioning="below-end">
      <MenuTrigger disableButtonEnhancement>
        <MenuButton size="small" disabledFocusable={disabled}>
          {t(lang, "writeMenu")}
        </MenuButton>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          <MenuItem onClick={onReport}>{t(lang, "writeReport")}</MenuItem>
          {appraisal && <MenuItem onClick={onAppraisal}>{t(lang, "writeAppraisal")}</MenuItem>}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
