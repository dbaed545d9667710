import { writeFileSync } from "node:fs";
import { isUserError, toText } from "../core/errors";
import { type Lang, pickLang, takeLang, UsageError } from "./args";
import { prestartReaders } from "./batch";
import { forgetInputs, noteCommandLineInputs } from "./safe-write";
import { guardTerminal } from "./terminal";

/**
 * `par-index <command>`: each command is its own module, loaded when called, so `--help` stays instant.
 * Exit codes: 0 no errors, 1 errors found in the input, 2 usage errors, 3 a failure of the program itself.
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
    intake: () => import("./commands/intake"),
    diff: () => import("./commands/diff"),
    appraisal: () => import("./commands/appraisal"),
  };

const HELP: Record<Lang, string> = {
  vi: `par-index — kiểm tra biểu chấm điểm Chỉ số CCHC, tính điểm, xếp hạng

Cách dùng: par-index <lệnh> [tuỳ chọn]

  demo                                  chạy thử trên dữ liệu mẫu (tạo, kiểm tra, tính điểm, xếp hạng)
  validate <tệp|thư mục…>               kiểm tra biểu chấm điểm
      [--rubric <mã|rubric.json|mẫu.xlsx>] [--json] [--report report.xlsx] [--year N]
  score <tệp…> [--rubric …] [--json]    chỉ in bảng điểm tổng hợp từng đơn vị
      validate, score, rank, intake, appraisal: [--columns self=E,evidence=F,note=none] chỉ cột khi nhận nhầm ("Sửa cột")
  rank <tệp|thư mục…> [--rubric …] [--by self|appraised|final] [--group-by rubric|none|<regex>]
      [--basis index|evidence] [--previous năm-trước.xlsx|json] [--previous-map cũ-mới.csv|xlsx]
      [--survey khảo-sát.xlsx|csv|json] [--rating "Xuất sắc=90,Tốt=80,Khá=70,Trung bình=50,Yếu=0"]
      [--dense] [-o ranking.xlsx] [--json]
  template --rubric <mã|tệp> -o blank.xlsx [--force]   tạo biểu mẫu trống từ bộ chỉ số
  rubric import mẫu.xlsx -o rubric.json [--force]      nhập bộ chỉ số từ biểu mẫu trống của tỉnh
  rubrics                               liệt kê các bộ chỉ số có sẵn (ví dụ, không phải văn bản chính thức)
  sample -o thư-mục [--count N] [--seed N] [--rubric …] [--appraisal 0|1|2] [--defects] [--force]
  intake <thư mục…> [--expected ds-don-vi.xlsx|csv|json|xep-hang-nam-truoc] [-o tiep-nhan.xlsx] [--json]
                                        tiếp nhận: ai đã nộp, chưa nộp, tệp hỏng, nộp trùng, ngoài danh sách
  diff bản-trước.xlsx bản-mới.xlsx [--json] [-o so-sanh.xlsx]   so sánh bản đơn vị nộp lại
  appraisal <thư mục…> -o thư-mục-kết-quả [--force]   "Kết quả thẩm định" gửi lại từng đơn vị (mỗi đơn vị một tệp)
      rank -o, intake -o, appraisal: [--annex "Phụ lục 01|Kèm theo Quyết định số …"]
      [--signature "NGƯỜI LẬP BIỂU|TM. …|…, ngày … tháng … năm …"]   in phụ lục trên tiêu đề, chữ ký dưới bảng

Mỗi trang tính có bảng chấm điểm là một đơn vị: mọi lệnh đọc mọi trang đơn vị của mọi tệp (tệp tổng hợp
nhiều xã là nhiều đơn vị); trang không phải đơn vị được liệt kê một lần kèm lý do. --all-sheets vẫn được
chấp nhận nhưng không còn tác dụng.
Tuỳ chọn chung: --lang vi|en (mặc định theo LANG), --help, --version
Không bao giờ ghi đè tệp đầu vào hay ghi vào thư mục đầu vào; template, rubric import, sample, appraisal chỉ thay tệp đã có khi có --force.
Mã thoát: 0 không có lỗi, 1 có lỗi trong dữ liệu, 2 sai cách gọi lệnh, 3 lỗi của chương trình.`,
  en: `par-index — validate PAR Index (Chỉ số CCHC) scoring workbooks, compute totals, build rankings

Usage: par-index <command> [options]

  demo                                  run on bundled sample data (generate, validate, score, rank)
  validate <files|folders…>             validate scoring workbooks
      [--rubric <id|rubric.json|template.xlsx>] [--json] [--report report.xlsx] [--year N]
  score <files…> [--rubric …] [--json]  print just the summary table per unit
      validate, score, rank, intake, appraisal: [--columns self=E,evidence=F,note=none] correct misread columns
  rank <files|folders…> [--rubric …] [--by self|appraised|final] [--group-by rubric|none|<regex>]
      [--basis index|evidence] [--previous last-year.xlsx|json] [--previous-map old-new.csv|xlsx]
      [--survey survey.xlsx|csv|json] [--rating "Xuất sắc=90,Tốt=80,Khá=70,Trung bình=50,Yếu=0"]
      [--dense] [-o ranking.xlsx] [--json]
  template --rubric <id|file> -o blank.xlsx [--force]  generate the blank template from a rubric
  rubric import template.xlsx -o rubric.json [--force] import a rubric from a province's blank template
  rubrics                               list built-in rubrics (examples, not official texts)
  sample -o folder [--count N] [--seed N] [--rubric …] [--appraisal 0|1|2] [--defects] [--force]
  intake <folders…> [--expected units.xlsx|csv|json|last-year-ranking] [-o intake.xlsx] [--json]
                                        who submitted, who did not, unreadable files, duplicates, strangers
  diff old.xlsx new.xlsx [--json] [-o diff.xlsx]   what a unit changed when it resubmitted
  appraisal <folders…> -o out-folder [--force]   the "Kết quả thẩm định" sheet for each unit, one file per unit
      rank -o, intake -o, appraisal: [--annex "Phụ lục 01|Kèm theo Quyết định số …"]
      [--signature "NGƯỜI LẬP BIỂU|TM. …|…, ngày … tháng … năm …"]   annex lines above the title, signature under the table

Each sheet holding a scoring table is a unit: every command reads every unit sheet of every file (a
consolidation workbook of several communes is several units); sheets that are not units are listed once
with why. --all-sheets is still accepted but does nothing.
Common options: --lang vi|en (default from LANG), --help, --version
Inputs are never overwritten nor written into; template, rubric import, sample and appraisal replace an existing file only with --force.
Exit codes: 0 no errors, 1 errors in the input, 2 usage errors, 3 a bug in the program.`,
};

export const VERSION = "0.1.0";

const BATCH_COMMANDS = new Set(["validate", "score", "rank", "intake"]);

/** Exit code of a failure we did not foresee: apart from 2, so scripts can tell a bug from a typo. */
export const EXIT_UNEXPECTED = 3;

export async function run(argv: string[]): Promise<number> {
  const restoreConsole = guardTerminal();
  try {
    return await runCommand(argv);
  } finally {
    restoreConsole();
  }
}

async function runCommand(argv: string[]): Promise<number> {
  let lang: Lang = "vi";
  forgetInputs();
  try {
    // A mistake in --lang itself is said in the environment's language, not always in Vietnamese.
    lang = pickLang(undefined);
    const taken = takeLang(argv);
    lang = taken.lang;
    const [command, ...args] = taken.rest;
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
    // Whatever the command line names (but its outputs) may be read: no output may replace it.
    noteCommandLineInputs(args);
    // Commands that read a batch of files start their reader threads first (they load meanwhile).
    if (BATCH_COMMANDS.has(command)) prestartReaders();
    const mod = await load();
    const code = await mod.default(args, lang);
    writeStats();
    return code;
  } catch (e) {
    // A UserError (usage, unreadable side file, invalid rubric) is the user's to fix: its own words, exit 2.
    // Anything else is ours: said in the user's language with a hint to report it, exit 3, and the stack
    // only when asked for (PAR_INDEX_DEBUG=1), so a user never gets a wall of JavaScript.
    console.error(toText(e, lang));
    if (isUserError(e)) return 2;
    if (process.env.PAR_INDEX_DEBUG) console.error(e);
    return EXIT_UNEXPECTED;
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
