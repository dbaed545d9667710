/**
 * Ribbon commands (ExecuteFunction): "validate" (Kiểm tra) and "buildRanking" (Xếp hạng). They run with
 * the pane closed, so the result is shown without a dialog: the written sheet is activated with its
 * summary cell (the counts) selected. `event.completed()` comes last, after the work and its error
 * handling, because Office queues further clicks until it is called.
 */
import { createExcelService, type ExcelService } from "../excel/service";
import { errorNotice, type Notice, rankingNotice, storeNotice, validateNotice } from "./notices";

export type CommandEvent = { completed: (options?: { allowEvent?: boolean }) => void };

/**
 * The last results, newest last. Excel has no toast API for add-ins and a dialog is what we avoid, so
 * the visible result is the activated sheet; the notice is also stored for the pane, which shows it
 * when it next opens (notices.ts), goes to the console (F12 in Excel on the web) and stays here for tests.
 */
export const lastNotices: Notice[] = [];

function show(command: string, notice: Notice): void {
  lastNotices.push(notice);
  storeNotice({ ...notice, command, at: Date.now() });
  if (lastNotices.length > 20) lastNotices.shift();
  const line = `${notice.text.vi} / ${notice.text.en}`;
  if (notice.kind === "error") console.error(line);
  else console.info(line);
}

export function makeCommands(service: ExcelService) {
  async function runCommand(
    event: CommandEvent,
    command: string,
    work: () => Promise<Notice>,
  ): Promise<void> {
    try {
      show(command, await work());
    } catch (e) {
      show(command, errorNotice(e));
    } finally {
      event.completed();
    }
  }
  return {
    validate: (event: CommandEvent) =>
      runCommand(event, "validate", async () => {
        // The ribbon's Kiểm tra is the user asking for the report: it writes, then shows it.
        const result = await service.validate({ writeReport: true });
        if (result.written[0]) await service.selectCell(result.written[0], "A2");
        return validateNotice(result);
      }),
    buildRanking: (event: CommandEvent) =>
      runCommand(event, "buildRanking", async () => {
        const result = await service.buildRanking();
        if (result.written[0]) await service.selectCell(result.written[0], "A1");
        return rankingNotice(result);
      }),
  };
}

/** Registers the commands with Office; exported so tests can run it against the fake host. */
export function registerCommands(office: typeof Office = Office, service = createExcelService()): void {
  const commands = makeCommands(service);
  office.actions.associate("validate", commands.validate);
  office.actions.associate("buildRanking", commands.buildRanking);
}

if (typeof Office !== "undefined") {
  Office.onReady(() => registerCommands());
}
