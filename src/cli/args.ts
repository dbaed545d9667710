import { type ParseArgsConfig, parseArgs } from "node:util";

type ParseArgsOptionsConfig = NonNullable<ParseArgsConfig["options"]>;
import { COLUMN_KEYS, type ColumnRole } from "../core/columns";
import { UserError } from "../core/errors";
import type { Text } from "../core/finding";
import { formatCount } from "../core/numbers";

/** A mistake in how the command was called: exit code 2, message in both languages. */
export class UsageError extends UserError {
  constructor(text: Text) {
    super("usage", text);
    this.name = "UsageError";
  }
}

export type Lang = "vi" | "en";

export function parseCommandArgs<T extends ParseArgsOptionsConfig>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true as const, strict: true as const });
  } catch (e) {
    throw argsError(e, options);
  }
}

/**
 * Node's parseArgs says what went wrong in English only ("Unknown option '--x'. To specify a positional
 * argument …"): each case is said again in both languages, naming the option and what is allowed, so a
 * Vietnamese user reads no English.
 */
function argsError(e: unknown, options: ParseArgsOptionsConfig): UsageError {
  const code = (e as { code?: string }).code;
  const message = e instanceof Error ? e.message : String(e);
  const option = /'(-[^' ,]+)/.exec(message)?.[1] ?? "";
  const allowed = Object.entries(options)
    .map(([name, o]) => `--${name}${o.short ? ` (-${o.short})` : ""}${o.type === "string" ? " …" : ""}`)
    .join(", ");
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION")
    return new UsageError({
      vi: `Không có tuỳ chọn ${option} cho lệnh này. Các tuỳ chọn được dùng: ${allowed}, --lang, --help.`,
      en: `Unknown option ${option} for this command. Allowed options: ${allowed}, --lang, --help.`,
    });
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE" && /argument missing/.test(message))
    return new UsageError({
      vi: `Tuỳ chọn ${option} cần một giá trị (ví dụ ${option} <giá-trị>).`,
      en: `Option ${option} needs a value (e.g. ${option} <value>).`,
    });
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE")
    return new UsageError({
      vi: `Tuỳ chọn ${option} không nhận giá trị (bỏ phần "=…" sau nó).`,
      en: `Option ${option} takes no value (remove the "=…" after it).`,
    });
  return new UsageError({
    vi: `Tham số không hợp lệ. Các tuỳ chọn được dùng: ${allowed}, --lang, --help.`,
    en: `Invalid arguments: ${message}`,
  });
}

/**
 * Arguments past those a command takes (`par-index template extra …`, a second template for `rubric
 * import`): a usage error naming them — they were ignored in silence, so a typo or a misplaced file
 * went unnoticed. `usage` is the command's own line.
 */
export function refuseExtraArguments(positionals: readonly string[], allowed: number, usage: Text): void {
  const extra = positionals.slice(allowed);
  if (extra.length === 0) return;
  const cut = (a: string) => (a.length > 60 ? `${a.slice(0, 60)}…` : a);
  const shown = `${extra
    .slice(0, 3)
    .map((a) => `"${cut(a)}"`)
    .join(", ")}${extra.length > 3 ? ", …" : ""}`;
  throw new UsageError({
    vi: `Thừa tham số ${shown}: lệnh này ${allowed ? `chỉ nhận ${allowed} tệp` : "không nhận tệp hay thư mục nào"}. Cách dùng: ${usage.vi}`,
    en: `Unexpected argument${extra.length > 1 ? "s" : ""} ${shown}: this command takes ${allowed ? `only ${allowed} file${allowed > 1 ? "s" : ""}` : "no files or folders"}. Usage: ${usage.en}`,
  });
}

/** CLI language: --lang, then PAR_INDEX_LANG, then the locale; Vietnamese unless the locale says English. */
export function pickLang(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): Lang {
  const wanted = flag ?? env.PAR_INDEX_LANG ?? env.LC_ALL ?? env.LC_MESSAGES ?? env.LANG ?? "vi";
  if (flag && flag !== "vi" && flag !== "en") {
    throw new UsageError({
      vi: `--lang chỉ nhận vi hoặc en (nhận "${flag}").`,
      en: `--lang takes vi or en (got "${flag}").`,
    });
  }
  return wanted.toLowerCase().startsWith("en") ? "en" : "vi";
}

/**
 * `--lang vi|en` (or `--lang=en`), anywhere on the line, taken out before the command parses its own
 * options. Missing its value, or given twice with two values, it is a usage error said in the language of
 * the environment (the one the user did not manage to choose); the command never sees `--lang` again, so
 * it cannot call it an unknown option while listing it as allowed.
 */
export function takeLang(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): { lang: Lang; rest: string[] } {
  const rest: string[] = [];
  let flag: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a !== "--lang" && !a.startsWith("--lang=")) {
      rest.push(a);
      continue;
    }
    const value = a === "--lang" ? argv[++i] : a.slice("--lang=".length);
    if (value === undefined) {
      throw new UsageError({
        vi: "Tuỳ chọn --lang cần một giá trị: vi hoặc en (ví dụ --lang en).",
        en: "Option --lang needs a value: vi or en (e.g. --lang en).",
      });
    }
    if (flag !== undefined && flag !== value) {
      throw new UsageError({
        vi: `--lang được chỉ hai lần ("${flag}" và "${value}"); chỉ chọn một ngôn ngữ: vi hoặc en.`,
        en: `--lang is given twice ("${flag}" and "${value}"); choose one language: vi or en.`,
      });
    }
    flag = value;
  }
  return { lang: pickLang(flag, env), rest };
}

export function oneOf<T extends string>(
  name: string,
  value: string | undefined,
  allowed: readonly T[],
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError({
    vi: `--${name} chỉ nhận ${allowed.join(" | ")} (nhận "${value}").`,
    en: `--${name} takes ${allowed.join(" | ")} (got "${value}").`,
  });
}

/** A whole-number option within bounds; anything else is a usage error naming the option. */
export function intOption(
  name: string,
  raw: string | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new UsageError({
      vi: `--${name} phải là số nguyên từ ${bound(min, "vi")} đến ${bound(max, "vi")} (nhận "${raw}").`,
      en: `--${name} must be a whole number from ${bound(min, "en")} to ${bound(max, "en")} (got "${raw}").`,
    });
  }
  return n;
}

/** A bound as each language writes it (100.000 / 100,000); a year (2000–2100) stays as years are written. */
function bound(n: number, lang: Lang): string {
  return Math.abs(n) >= 10_000 ? formatCount(n, lang) : String(n);
}

/** Column corrections as recognition takes them: role → 0-based column, null for "no such column". */
export interface ColumnCorrections {
  roles: Partial<Record<ColumnRole, number | null>>;
  /** Each pair as the user typed it ("self=ZZ"), for messages that name the option in their words. */
  given?: Partial<Record<ColumnRole, string>>;
}

/**
 * `--columns self=E,evidence=F,note=none`: the user's correction where a column was recognised wrongly
 * (the CLI's "Sửa cột"). Shared by validate, score, rank, intake and appraisal (not diff: its two
 * versions may lay columns out differently). Letters as Excel shows them; `none` says the table has no
 * such column.
 */
export function columnsOption(raw: string | undefined): ColumnCorrections | undefined {
  if (raw === undefined) return undefined;
  const roles: Partial<Record<ColumnRole, number | null>> = {};
  const given: Partial<Record<ColumnRole, string>> = {};
  const used = new Map<number, string>();
  for (const part of raw.split(",")) {
    const m = /^\s*([a-z0-9]+)\s*=\s*([A-Za-z]{1,3}|none|-)\s*$/i.exec(part);
    const role = m ? COLUMN_KEYS.get(m[1].toLowerCase()) : undefined;
    if (!m || !role) {
      throw new UsageError({
        vi: `--columns nhận dạng vai_trò=CỘT, cách nhau bằng dấu phẩy (ví dụ --columns self=E,evidence=F); vai trò: ${[...COLUMN_KEYS.keys()].join(", ")}; "none" nếu không có cột đó (nhận "${part}").`,
        en: `--columns takes role=COLUMN pairs separated by commas (e.g. --columns self=E,evidence=F); roles: ${[...COLUMN_KEYS.keys()].join(", ")}; "none" for no such column (got "${part}").`,
      });
    }
    if (role in roles) {
      const name = m[1].toLowerCase();
      throw new UsageError({
        vi: `--columns: vai trò ${name} được chỉ hai lần; mỗi vai trò một cột (ví dụ --columns self=E,evidence=F).`,
        en: `--columns: the role ${name} is given twice; one column per role (e.g. --columns self=E,evidence=F).`,
      });
    }
    given[role] = `${m[1]}=${m[2]}`;
    const letters = m[2].toUpperCase();
    if (letters === "NONE" || letters === "-") {
      roles[role] = null;
      continue;
    }
    let col = 0;
    for (const ch of letters) col = col * 26 + (ch.charCodeAt(0) - 64);
    col -= 1;
    if (col > 16_383) {
      throw new UsageError({
        vi: `--columns: cột "${letters}" vượt quá cột cuối của Excel (XFD).`,
        en: `--columns: column "${letters}" is past Excel's last column (XFD).`,
      });
    }
    const other = used.get(col);
    if (other && other !== role) {
      throw new UsageError({
        vi: `--columns: cột ${letters} được gán cho cả ${other} và ${role}.`,
        en: `--columns: column ${letters} is given to both ${other} and ${role}.`,
      });
    }
    used.set(col, role);
    roles[role] = col;
  }
  return { roles, given };
}
