/**
 * The words for a ranking's basis — which part every unit is ranked on, and why — said the same on every
 * face, except the "how to choose otherwise" hint, which names what that face offers: the CLI's options
 * (`--survey`, `--basis evidence`), the choice and the survey import ("Nhập điểm điều tra") on the pane's
 * and the page's ranking card, or the survey rows of each unit's workbook. The CLI's words are those `rank`
 * has always printed, word for word (its "or the pane's survey import" is the pane's control).
 */
import type { Text } from "./finding";
import { t } from "./i18n";

/** Who shows the words: the command line, the Excel task pane, the standalone page. */
export type RankFace = "cli" | "pane" | "page";

/** What the basis words are made of: which part, why, and which units have no survey score. */
export interface BasisFacts {
  by: "self" | "appraised" | "final";
  basis: "index" | "evidence";
  /** Asked for (`--basis`, the card's choice), a self ranking, no survey score at all, or the default. */
  source: "option" | "self" | "no-survey" | "default";
  /** The units that have their evidence part but no survey score, in input order (after duplicates). */
  withoutSurvey: readonly string[];
  /** How many units have their evidence part (the "of" in "2 of 8 units have no survey score"). */
  withEvidence: number;
}

/** The face-specific part: how the user says "the evidence part" and how they bring in survey scores. */
interface FaceHints {
  /** Where the evidence part was chosen, in the "as chosen (…)" of the reason. */
  chosen: Text;
  /** How to get survey scores into the ranking. */
  importSurvey: Text;
  /** How to rank everyone on the evidence part instead. */
  rankEvidence: Text;
}

/** The card's choice, in the very labels the pane and the page show (so a renamed label is renamed here too). */
const CARD_CHOICE: Text = {
  vi: `ô "${t("vi", "rankPart")}" → "${t("vi", "rankPartEvidence")}"`,
  en: `the "${t("en", "rankPart")}" choice → "${t("en", "rankPartEvidence")}"`,
};

/** The survey import's label on the pane's and the page's ranking card, as they show it. */
const SURVEY_IMPORT: Text = { vi: `"${t("vi", "surveyImport")}"`, en: `"${t("en", "surveyImport")}"` };

const HINTS: Record<RankFace, FaceHints> = {
  cli: {
    chosen: { vi: "--basis evidence", en: "--basis evidence" },
    importSurvey: {
      vi: 'Nhập bảng điểm điều tra xã hội học của tỉnh (cột "Đơn vị", "Điểm"): --survey diem-dieu-tra.xlsx (hoặc .csv), hay "Nhập điểm điều tra" trong ngăn tác vụ.',
      en: 'Import the province\'s social-survey table (columns "Đơn vị"/unit, "Điểm"/score): --survey survey.xlsx (or .csv), or the pane\'s survey import.',
    },
    rankEvidence: {
      vi: "Muốn xếp tất cả theo phần tài liệu kiểm chứng: --basis evidence.",
      en: "To rank everyone on the evidence part: --basis evidence.",
    },
  },
  pane: {
    chosen: CARD_CHOICE,
    importSurvey: {
      vi: `Điểm điều tra xã hội học do tỉnh chấm: chọn ${SURVEY_IMPORT.vi} trên thẻ này với bảng điểm của tỉnh (cột "Đơn vị", "Điểm"; .xlsx hoặc .csv) rồi lập lại bảng xếp hạng, hoặc nhập vào các dòng điều tra xã hội học trong biểu chấm điểm của từng đơn vị.`,
      en: `The social survey is the province's score: choose ${SURVEY_IMPORT.en} on this card with the province's table (columns "Đơn vị"/unit, "Điểm"/score; .xlsx or .csv) and build the ranking again, or enter it on the survey rows of each unit's scoring table.`,
    },
    rankEvidence: {
      vi: `Muốn xếp tất cả theo phần tài liệu kiểm chứng: chọn ${CARD_CHOICE.vi}.`,
      en: `To rank everyone on the evidence part: choose ${CARD_CHOICE.en}.`,
    },
  },
  page: {
    chosen: CARD_CHOICE,
    importSurvey: {
      vi: `Điểm điều tra xã hội học do tỉnh chấm: chọn ${SURVEY_IMPORT.vi} trên thẻ xếp hạng này với bảng điểm của tỉnh (cột "Đơn vị", "Điểm"; .xlsx hoặc .csv), hoặc nhập điểm vào các dòng điều tra xã hội học trong biểu chấm điểm của từng đơn vị rồi chọn lại các tệp.`,
      en: `The social survey is the province's score: choose ${SURVEY_IMPORT.en} on this ranking card with the province's table (columns "Đơn vị"/unit, "Điểm"/score; .xlsx or .csv), or enter the scores on the survey rows of each unit's scoring table and pick the files again.`,
    },
    rankEvidence: {
      vi: `Muốn xếp tất cả theo phần tài liệu kiểm chứng: chọn ${CARD_CHOICE.vi}.`,
      en: `To rank everyone on the evidence part: choose ${CARD_CHOICE.en}.`,
    },
  },
};

const EVIDENCE_PART: Text = {
  vi: "phần điểm tài liệu kiểm chứng (cộng điểm thưởng, trừ điểm trừ)",
  en: "the evidence part (+ bonus − penalty)",
};

/** How many units without a survey score are named before "…". */
const NAMED = 5;

/**
 * The basis and why, for one face: the sheet's subtitle, the CLI's first line, the cards' basis line.
 * Only the hint depends on `face`; what happened and which units are the same everywhere.
 */
export function basisReasonFor(facts: BasisFacts, face: RankFace): Text {
  const hint = HINTS[face];
  if (facts.source === "self") {
    return {
      vi: "Xếp theo điểm tự đánh giá phần tài liệu kiểm chứng (cộng điểm thưởng, trừ điểm trừ); điều tra xã hội học do tỉnh chấm nên không tính, chưa xếp loại.",
      en: "Ranked on the evidence part's self scores (+ bonus − penalty); the social survey is the province's score and is left out; not rated.",
    };
  }
  if (facts.basis === "evidence" && facts.source === "option") {
    return {
      vi: `Xếp tất cả đơn vị theo ${EVIDENCE_PART.vi} như người dùng chọn (${hint.chosen.vi}); không tính điều tra xã hội học, chưa xếp loại.`,
      en: `All units ranked on ${EVIDENCE_PART.en} as chosen (${hint.chosen.en}); the social survey is left out; not rated.`,
    };
  }
  if (facts.withoutSurvey.length === 0) {
    return {
      vi: "Xếp theo Chỉ số CCHC (phần tài liệu kiểm chứng + điều tra xã hội học + điểm thưởng − điểm trừ): mọi đơn vị đều có đủ các phần.",
      en: "Ranked on the PAR index (evidence part + social survey + bonus − penalty): every unit has every part.",
    };
  }
  if (facts.basis === "evidence") {
    return {
      vi: `Chưa có điểm điều tra xã hội học của đơn vị nào: bảng xếp theo ${EVIDENCE_PART.vi}, chưa xếp loại. ${hint.importSurvey.vi}`,
      en: `No unit has a social-survey score yet: ranked on ${EVIDENCE_PART.en}, not rated. ${hint.importSurvey.en}`,
    };
  }
  const n = facts.withoutSurvey.length;
  const m = facts.withEvidence;
  const names = facts.withoutSurvey.slice(0, NAMED).join(", ");
  const more = n > NAMED ? ", …" : "";
  return {
    vi: `Xếp theo Chỉ số CCHC. ${n}/${m} đơn vị chưa có điểm điều tra xã hội học (${names}${more}): liệt kê riêng với phần điểm tài liệu kiểm chứng, chưa có hạng. ${hint.importSurvey.vi} ${hint.rankEvidence.vi}`,
    en: `Ranked on the PAR index. ${n} of ${m} units have no social-survey score (${names}${more}): listed apart with their evidence part, no place. ${hint.importSurvey.en} ${hint.rankEvidence.en}`,
  };
}
