import { describe, expect, it } from "vitest";
import type { Text } from "../../src/core/finding";
import { FileReadError, type FileReadReason } from "../../src/files/errors";

/**
 * #24 item 6, the sweep: every reason a file is refused for, built with a detail of each kind the reader
 * gives (none, a code the same in both languages, words in each language), says each language's text in
 * that language only. The file's name and the user's own words quoted in the detail are theirs, in both.
 */
const VIETNAMESE = /[ăâđêôơưáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ]/i;
/** Words of English sentences (none of them a Vietnamese word written without marks; "byte" is both). */
const ENGLISH =
  /\b(the|is|are|was|of|and|or|not|it|this|that|with|without|for|from|by|its|into|open|save|send|ask|file|files|archive|limit|rows?|columns?|sheets?|bytes|cannot|refused|damaged|encrypted|empty|again|unit|skipped|protect|computer|password|workbook)\b/i;

const FILE = "Báo cáo đơn vị.xlsx";
/** A detail with the user's own words (a part name from their archive), quoted. */
const USER_WORDS = "xl/trang tính.xml";

/** One detail per reason; a Record, so a reason added to errors.ts without one here fails to typecheck. */
const DETAILS: Record<FileReadReason, (string | Text)[]> = {
  "empty-file": [""],
  "not-a-zip": [""],
  truncated: [""],
  "zip-bomb": [
    { vi: "200,0 MB, giới hạn 128 MB", en: "200.0 MB, limit 128 MB" },
    "xl/worksheets/sheet1.xml: ×4000",
  ],
  encrypted: ["", { vi: "kiểu mã hóa 9.9 không được hỗ trợ", en: "encryption version 9.9 is not supported" }],
  "legacy-xls": [""],
  xlsb: [""],
  "csv-or-text": [""],
  ods: [""],
  "not-a-workbook": ["", "[Content_Types].xml"],
  "no-sheets": [""],
  "too-large": [{ vi: "3 trang tính (giới hạn 2)", en: "3 sheets (limit 2)" }],
  "malformed-xml": ["xl/workbook.xml"],
  "io-error": ["EACCES"],
  damaged: [{ vi: "xl/styles.xml: sai mã CRC-32", en: "xl/styles.xml: CRC-32 mismatch" }],
  "duplicate-entry": [USER_WORDS],
  "windows-paths": ["xl\\\\workbook.xml"],
  "not-a-file": ["FIFO"],
};

describe("every file refusal, one language per text", () => {
  for (const [reason, details] of Object.entries(DETAILS) as [FileReadReason, (string | Text)[]][]) {
    for (const detail of details) {
      const shown = typeof detail === "string" ? detail || "no detail" : detail.en;
      it(`${reason} (${shown})`, () => {
        const { text } = new FileReadError(reason, FILE, detail);
        // The file's name, the user's quoted words and a code detail (a part's path) are the same in both.
        const code = typeof detail === "string" ? detail : USER_WORDS;
        const ours = (t: string) => t.replace(FILE, "").replace(USER_WORDS, "").replace(code, "");
        expect(ours(text.vi)).not.toMatch(ENGLISH);
        expect(ours(text.en)).not.toMatch(VIETNAMESE);
        expect(text.vi.startsWith(`${FILE}: `)).toBe(true);
        expect(text.en.startsWith(`${FILE}: `)).toBe(true);
      });
    }
  }
});

describe("the sweep's own check", () => {
  it("catches a detail in one language put in both texts (the sheet-count refusal before it had words)", () => {
    const { text } = new FileReadError("too-large", FILE, "3 sheets (limit 2)");
    expect(text.vi.replace(FILE, "")).toMatch(ENGLISH);
    const mixed = new FileReadError("damaged", FILE, "_rels/.rels: lỗi giải nén");
    expect(mixed.text.en.replace(FILE, "")).toMatch(VIETNAMESE);
  });
});
