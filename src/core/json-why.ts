import { UserError } from "./errors";
import type { Text } from "./finding";

/**
 * Why a JSON text did not parse, in each language, from the parser's complaint (`message`) and the text.
 * The parser speaks English only: the Vietnamese says where it is (line and column, from the position the
 * parser names) or that the text ends too early; the English keeps the parser's own words. Shared by the
 * command line's side files and the pane's file pickers, so both say it alike.
 */
export function jsonWhy(message: string, text: string): Text {
  const at = /at position (\d+)/.exec(message);
  if (at && Number(at[1]) < text.trimEnd().length) {
    const before = text.slice(0, Number(at[1]));
    const line = before.split("\n").length;
    const column = before.length - before.lastIndexOf("\n");
    return { vi: `lỗi cú pháp ở dòng ${line}, cột ${column}`, en: message };
  }
  if (at || /end of JSON input/.test(message)) return { vi: "tệp kết thúc giữa chừng", en: message };
  return { vi: "lỗi cú pháp", en: message };
}

/**
 * A JSON file the user picked (the pane's rubric, last year's ranking, the round's expected units), parsed;
 * one that does not parse is the file's fault, refused naming it (`not-json`), never a bug of ours.
 */
export function parseJsonFile(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const why = jsonWhy(e instanceof Error ? e.message : String(e), text);
    throw new UserError("not-json", {
      vi: `${file}: không phải tệp JSON hợp lệ (${why.vi}).`,
      en: `${file}: not a valid JSON file (${why.en}).`,
    });
  }
}
