/**
 * The annex block of the saved settings, apart from ./settings.ts: the pane's first paint needs only
 * this, and importing settings.ts would pull its verifiers (the rubric schema, ranking, RE2) into the
 * pane's initial JS. settings.ts re-exports it, so every other importer is unchanged.
 */
import { type Annex, parseAnnex } from "../core/sheets/annex";

/** The annex block the pane's written sheets carry: the saved text parsed, or null when none (or unusable). */
export function annexOf(settings: { annex?: string; signature?: string }): Annex | null {
  const annex = settings.annex?.trim() ? settings.annex : undefined;
  const signature = settings.signature?.trim() ? settings.signature : undefined;
  return parseAnnex(annex, signature).annex;
}
