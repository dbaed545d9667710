/** The bilingual one-line results of the ribbon commands. */
import type { Text } from "../core/finding";
import type { RankingResult, ValidateResult } from "../excel/service";

export interface Notice {
  kind: "success" | "warning" | "error";
  text: Text;
}

export function validateNotice(r: ValidateResult): Notice {
  const { error, warning, info } = r.counts;
  const units = r.analysis.units.length;
  return {
    kind: error || warning ? "warning" : "success",
    text: {
      vi: `Đã kiểm tra ${units} đơn vị: ${error} lỗi, ${warning} cảnh báo, ${info} lưu ý.`,
      en: `Checked ${units} unit(s): ${error} error(s), ${warning} warning(s), ${info} note(s).`,
    },
  };
}

export function rankingNotice(r: RankingResult): Notice {
  return {
    kind: r.unranked ? "warning" : "success",
    text: {
      vi: `Đã xếp hạng ${r.rankedUnits} đơn vị${r.unranked ? `, ${r.unranked} đơn vị chưa xếp hạng được` : ""}.`,
      en: `Ranked ${r.rankedUnits} unit(s)${r.unranked ? `, ${r.unranked} could not be ranked` : ""}.`,
    },
  };
}
