import { useCallback, useState } from "react";
import { errorText } from "../core/errors";
import type { Text as BiText } from "../core/finding";

/**
 * What the page tells the user besides results: one error (the last thing that failed, until dismissed
 * or until the next pick or rubric clears it) and notices (files skipped, a choice not remembered…).
 * Every function returned keeps its identity across renders, so effects can depend on them.
 */
export function useMessages() {
  const [error, setError] = useState<BiText | null>(null);
  const [notices, setNotices] = useState<BiText[]>([]);
  const fail = useCallback((e: unknown) => setError(errorText(e)), []);
  const clearError = useCallback(() => setError(null), []);
  const addNotice = useCallback((notice: BiText) => setNotices((n) => [...n, notice]), []);
  return { error, notices, fail, clearError, addNotice, setNotices };
}

export type Messages = ReturnType<typeof useMessages>;
