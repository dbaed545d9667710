import { columnLetters } from "../../core/address";

/**
 * Excel stores a filled-down formula once ("shared"): the master's text plus, for each other cell, only
 * its offset. Relative references move by that offset; `$`-anchored parts and text in quotes do not.
 */
const REF = /(\$?)([A-Z]{1,3})(\$?)([0-9]{1,7})(?![0-9A-Za-z_(!])/g;

export function translateFormula(formula: string, dRow: number, dCol: number): string {
  if (dRow === 0 && dCol === 0) return formula;
  // Split on string literals so "A1" inside quotes stays as typed.
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => (i % 2 === 1 ? part : shiftRefs(part, dRow, dCol)))
    .join("");
}

function shiftRefs(text: string, dRow: number, dCol: number): string {
  return text.replace(
    REF,
    (match, colAbs: string, letters: string, rowAbs: string, digits: string, offset: number) => {
      const before = offset > 0 ? text[offset - 1] : "";
      if (/[A-Za-z0-9_.]/.test(before)) return match; // part of a name or function (LOG10, Sheet1)
      let col = 0;
      for (const ch of letters) col = col * 26 + ch.charCodeAt(0) - 64;
      const newCol = colAbs ? col - 1 : col - 1 + dCol;
      const newRow = rowAbs ? Number(digits) : Number(digits) + dRow;
      if (newCol < 0 || newRow < 1) return "#REF!";
      return `${colAbs}${columnLetters(newCol)}${rowAbs}${newRow}`;
    },
  );
}
