import { writeFileSync } from "node:fs";
import { type Lang, pickLang, UsageError } from "./args";
import { prestartReaders } from "./batch";

/**
 * `par-index <command>`: each command is its own module, loaded when called, so `--help` stays instant.
 * Exit codes: 0 no errors, 1 errors found in the input, 2 usage errors.
 */
const COMMANDS: Record<string, () => Promise<{ default: (argv: string[], lang: Lang) => Promise<number> }>> =
  {
    demo: () => import("./commands/demo"),
    validate: () => import("./commands/validate"),
    score: () => import("./commands/score"),
    rank: () => import("./commands/rank"),
    template: () => import("./commands/template"),
    rubric: () => import("./commands/rubric"),
    rubrics: () => import("./commands/rubrics"),
    sample: () => import("./commands/sample"),
  };

const HELP: Record<Lang, string> = {
  vi: `par-index — kiểm tra biểu chấm điểm Chỉ số CCHC, tính điểm, xếp hạng

Cách dùng: par-index <lệnh> [tuỳ chọn]

  demo                                  chạy thử trên dữ liệu mẫu (tạo, kiểm tra, tính điểm, xếp hạng)
  validate <tệp|thư mục…>               kiểm tra biểu chấm điểm
      [--rubric <mã|rubric.json|mẫu.xlsx>] [--json] [--report report.xlsx] [--year N]
  score <tệp…> [--rubric …] [--json]    chỉ in bảng điểm tổng hợp từng đơn vị
      validate, score, rank: [--columns self=E,evidence=F,note=none] chỉ cột khi nhận nhầm ("Sửa cột")
  rank <tệp|thư mục…> [--rubric …] [--by self|appraised|final] [--group-by rubric|none|<regex>]
      [--previous năm-trước.xlsx|json] [--survey khảo-sát.xlsx|csv|json] [--dense] [-o ranking.xlsx] [--json]
  template --rubric <mã|tệp> -o blank.xlsx    tạo biểu mẫu trống từ bộ chỉ số
  rubric import mẫu.xlsx -o rubric.json       nhập bộ chỉ số từ biểu mẫu trống của tỉnh
  rubrics                               liệt kê các bộ chỉ số có sẵn (ví dụ, không phải văn bản chính thức)
  sample -o thư-mục [--count N] [--seed N] [--rubric …] [--appraisal 0|1|2] [--defects]

Tuỳ chọn chung: --lang vi|en (mặc định theo LANG), --help, --version
Mã thoát: 0 không có lỗi, 1 có lỗi trong dữ liệu, 2 sai cách gọi lệnh.`,
  en: `par-index — validate PAR Index (Chỉ số CCHC) scoring workbooks, compute totals, build rankings

Usage: par-index <command> [options]

  demo                                  run on bundled sample data (generate, validate, score, rank)
  validate <files|folders…>             validate scoring workbooks
      [--rubric <id|rubric.json|template.xlsx>] [--json] [--report report.xlsx] [--year N]
  score <files…> [--rubric …] [--json]  print just the summary table per unit
      validate, score, rank: [--columns self=E,evidence=F,note=none] correct misread columns
  rank <files|folders…> [--rubric …] [--by self|appraised|final] [--group-by rubric|none|<regex>]
      [--previous last-year.xlsx|json] [--survey survey.xlsx|csv|json] [--dense] [-o ranking.xlsx] [--json]
  template --rubric <id|file> -o blank.xlsx   generate the blank template from a rubric
  rubric import template.xlsx -o rubric.json  import a rubric from a province's blank template
  rubrics                               list built-in rubrics (examples, not official texts)
  sample -o folder [--count N] [--seed N] [--rubric …] [--appraisal 0|1|2] [--defects]

Common options: --lang vi|en (default from LANG), --help, --version
Exit codes: 0 no errors, 1 errors in the input, 2 usage errors.`,
};

export const VERSION = "0.1.0";

const BATCH_COMMANDS = new Set(["validate", "score", "rank"]);

export async function run(argv: string[]): Promise<number> {
  let lang: Lang = "vi";
  try {
    const langAt = argv.indexOf("--lang");
    lang = pickLang(langAt >= 0 ? argv[langAt + 1] : undefined);
    const rest = langAt >= 0 ? [...argv.slice(0, langAt), ...argv.slice(langAt + 2)] : argv;
    const [command, ...args] = rest;
    if (!command || command === "--help" || command === "-h" || command === "help") {
      console.log(HELP[lang]);
      return command ? 0 : 2;
    }
    if (command === "--version" || command === "-v") {
      console.log(VERSION);
      return 0;
    }
    const load = COMMANDS[command];
    if (!load) {
      throw new UsageError({
        vi: `Không có lệnh "${command}". Xem: par-index --help`,
        en: `Unknown command "${command}". See: par-index --help`,
      });
    }
    if (args.includes("--help") || args.includes("-h")) {
      console.log(HELP[lang]);
      return 0;
    }
    // Commands that read a batch of files start their reader threads first (they load meanwhile).
    if (BATCH_COMMANDS.has(command)) prestartReaders();
    const mod = await load();
    const code = await mod.default(args, lang);
    writeStats();
    return code;
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(e.text[lang]);
      return 2;
    }
    const text = (e as { message?: { vi: string; en: string } }).message;
    if (text && typeof text === "object") {
      console.error(text[lang]);
      return 2;
    }
    console.error(lang === "vi" ? "Lỗi không mong đợi:" : "Unexpected error:", e);
    return 2;
  }
}

/** `npm run bench` asks for the run's peak memory (workers included: they are threads of this process). */
function writeStats(): void {
  const path = process.env.PAR_INDEX_STATS;
  if (!path) return;
  const usage = process.resourceUsage();
  writeFileSync(
    path,
    JSON.stringify({
      peakRssMB: Math.round(usage.maxRSS / 1024),
      userMs: usage.userCPUTime / 1000,
      systemMs: usage.systemCPUTime / 1000,
    }),
  );
}
