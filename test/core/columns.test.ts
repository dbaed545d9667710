/**
 * The column-role registry (core/columns.ts): every role has every field, in one place, so a role
 * cannot be half-added; and the CLI, the pane and the messages read their role names from it.
 */
import { describe, expect, it } from "vitest";
import { columnsOption } from "../../src/cli/args";
import {
  COLUMN_KEYS,
  COLUMN_ROLE_SPECS,
  COLUMN_ROLES,
  cliKey,
  FIX_COLUMN_ROLES,
  roleName,
} from "../../src/core/columns";
import { msg } from "../../src/core/messages";
import { fold, foldWords } from "../../src/core/fold";

describe("column-role registry", () => {
  it.each(COLUMN_ROLES)(
    "role %s has a name in both languages, a --columns key, header words and examples",
    (role) => {
      const spec = COLUMN_ROLE_SPECS[role];
      expect(spec.name.vi.trim()).not.toBe("");
      expect(spec.name.en.trim()).not.toBe("");
      expect(spec.name.vi).not.toBe(spec.name.en);
      expect(spec.cliKeys.length).toBeGreaterThan(0);
      for (const key of spec.cliKeys) expect(key).toMatch(/^[a-z0-9]+$/);
      expect(spec.examples.length).toBeGreaterThan(0);
      expect(Number.isInteger(spec.fixOrder)).toBe(true);
    },
  );

  it("every role is named by at least one of its own examples' words (the words are not dead)", () => {
    // appraised2's words are round words on an appraisal header; the others match their examples.
    for (const role of COLUMN_ROLES) {
      const { words, examples } = COLUMN_ROLE_SPECS[role];
      const hits = examples.filter((e) => words.test(foldWords(e)) || words.test(fold(e)));
      expect(hits, role).not.toHaveLength(0);
    }
  });

  it("keys, names and form places are unique across roles", () => {
    const keys = COLUMN_ROLES.flatMap((r) => COLUMN_ROLE_SPECS[r].cliKeys);
    expect(new Set(keys).size).toBe(keys.length);
    expect(COLUMN_KEYS.size).toBe(keys.length);
    const names = COLUMN_ROLES.map((r) => roleName(r).vi);
    expect(new Set(names).size).toBe(names.length);
    expect([...FIX_COLUMN_ROLES].sort()).toEqual([...COLUMN_ROLES].sort());
    const places = COLUMN_ROLES.map((r) => COLUMN_ROLE_SPECS[r].fixOrder);
    expect(new Set(places).size).toBe(places.length);
  });

  it("--columns takes every registry key and no other", () => {
    for (const [key, role] of COLUMN_KEYS) expect(columnsOption(`${key}=E`)?.roles).toEqual({ [role]: 4 });
    expect(() => columnsOption("nosuchrole=E")).toThrow(/appraised2/);
  });

  it("the missing-column message suggests the registry's --columns key and examples", () => {
    const text = msg.missingKeyColumn("appraised1", 3, []);
    expect(text.en).toContain(`--columns ${cliKey("appraised1")}=`);
    expect(text.vi).toContain(`"${COLUMN_ROLE_SPECS.appraised1.examples[0]}"`);
  });
});
