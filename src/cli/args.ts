import { type ParseArgsConfig, parseArgs } from "node:util";

type ParseArgsOptionsConfig = NonNullable<ParseArgsConfig["options"]>;
import { UserError } from "../core/errors";
import type { Text } from "../core/finding";

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
    const why = e instanceof Error ? e.message : String(e);
    throw new UsageError({ vi: `Tham số không hợp lệ: ${why}`, en: `Invalid arguments: ${why}` });
  }
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
      vi: `--${name} phải là số nguyên từ ${min} đến ${max} (nhận "${raw}").`,
      en: `--${name} must be a whole number from ${min} to ${max} (got "${raw}").`,
    });
  }
  return n;
}
