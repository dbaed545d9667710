import fc from "fast-check";
import { chooseFuzzSeed } from "./fuzz-seed";
import { installApiSetTable } from "./api-set-table";

// Every fc.assert in every test file uses this seed unless it names its own (see fuzz-seed.ts).
const seed = chooseFuzzSeed();
process.env.PAR_FUZZ_SEED = String(seed);
fc.configureGlobal({ seed });

// The fake Excel host refuses members above the API set it claims; its table comes from @types/office-js.
installApiSetTable();
