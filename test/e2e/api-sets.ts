// Prints the fake host's member → API-set table (from @types/office-js) as JSON for the browser run.
import { apiSetTable } from "../support/api-set-table";

process.stdout.write(JSON.stringify(apiSetTable()));
