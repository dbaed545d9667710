import { createHash } from "node:crypto";

/**
 * File names the CLI makes from untrusted text (an input file's name, a unit's name): what reaches the
 * file system must be one plain name in the folder chosen, valid on Windows as on Linux, within the file
 * system's 255-byte limit, and never the same as another unit's in that folder.
 */

/** Bytes a name may take: 255 on ext4, NTFS (in UTF-16 units, more than enough here), APFS. */
export const NAME_BYTES = 255;

// Path separators, Windows' forbidden characters, and every control character (a newline would forge
// an output line and end up in the name).
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
const UNSAFE = /[/\\:*?"<>|\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Windows refuses these as a file name, whatever the extension ("CON.xlsx", "nul - x.xlsx" is fine). */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

/** One part of a file name made safe: unsafe characters become "_", spaces and dots trimmed at the ends. */
export function safeNamePart(text: string): string {
  const cleaned = text
    .normalize("NFC")
    .replace(UNSAFE, "_")
    .replace(/^[\s.]+|[\s.]+$/g, "");
  if (cleaned === "" || /^_+$/.test(cleaned)) return "_";
  const stem = cleaned.split(".")[0].trim();
  return RESERVED.test(stem) ? `_${cleaned}` : cleaned;
}

/**
 * `base` + `suffix` (the suffix kept whole, e.g. " - Ket qua tham dinh.xlsx"), the base cut so the name
 * fits NAME_BYTES in UTF-8; a cut base carries a short hash of the whole, so two long names that share
 * their start stay two names.
 */
export function fitName(base: string, suffix: string): string {
  const safe = safeNamePart(base);
  const whole = `${safe}${suffix}`;
  if (utf8Length(whole) <= NAME_BYTES) return whole;
  const hash = `~${createHash("sha256").update(safe).digest("hex").slice(0, 8)}`;
  const room = NAME_BYTES - utf8Length(suffix) - utf8Length(hash);
  let cut = "";
  for (const ch of safe) {
    if (utf8Length(cut + ch) > room) break;
    cut += ch;
  }
  return `${cut.replace(/[\s.]+$/, "")}${hash}${suffix}`;
}

/**
 * Names for a folder of outputs, one per unit: `name(base, suffix)` returns a name no earlier call
 * returned — compared as the file systems that ignore case and Unicode form would — adding " (2)",
 * " (3)" to the base when needed.
 */
export function uniqueNames(): (base: string, suffix: string) => string {
  const used = new Set<string>();
  const key = (name: string) => name.normalize("NFC").toLowerCase();
  return (base, suffix) => {
    let name = fitName(base, suffix);
    for (let i = 2; used.has(key(name)); i++) name = fitName(`${base} (${i})`, suffix);
    used.add(key(name));
    return name;
  };
}

function utf8Length(text: string): number {
  return Buffer.byteLength(text, "utf8");
}
