import fc from "fast-check";
import { chooseFuzzSeed } from "./fuzz-seed";

// Every fc.assert in every test file uses this seed unless it names its own (see fuzz-seed.ts).
const seed = chooseFuzzSeed();
process.env.PAR_FUZZ_SEED = String(seed);
fc.configureGlobal({ seed });
