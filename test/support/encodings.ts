/** Text → bytes in a Windows code page, composing letters the page has and combining the tone marks it has not. */
export function encodeWindows(text: string, page: "windows-1258" | "windows-1252"): Uint8Array {
  const table = new Map<string, number>();
  const decoder = new TextDecoder(page);
  for (let b = 0; b < 256; b++) {
    const ch = decoder.decode(Uint8Array.of(b));
    if (ch !== "\ufffd" && !table.has(ch)) table.set(ch, b);
  }
  const out: number[] = [];
  for (const ch of text.normalize("NFC")) {
    const direct = table.get(ch);
    if (direct !== undefined) {
      out.push(direct);
      continue;
    }
    const parts = [...ch.normalize("NFD")];
    let done = false;
    for (let k = parts.length; k >= 1 && !done; k--) {
      const base = table.get(parts.slice(0, k).join("").normalize("NFC"));
      const rest = parts.slice(k).map((p) => table.get(p));
      if (base !== undefined && rest.every((b) => b !== undefined)) {
        out.push(base, ...(rest as number[]));
        done = true;
      }
    }
    // ậ is a + dot below + circumflex in canonical order, but 1258 writes â + dot below: leave one mark out.
    for (let j = 1; j < parts.length && !done; j++) {
      const base = table.get([...parts.slice(0, j), ...parts.slice(j + 1)].join("").normalize("NFC"));
      const mark = table.get(parts[j]);
      if (base !== undefined && mark !== undefined) {
        out.push(base, mark);
        done = true;
      }
    }
    if (!done) throw new Error(`${page} cannot hold ${ch}`);
  }
  return Uint8Array.from(out);
}
