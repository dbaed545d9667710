/**
 * A one-line progress bar on stderr for batches, drawn only on a terminal so logs and pipes stay clean.
 */
export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr) {
  const enabled = stream.isTTY === true;
  let last = 0;
  return {
    update(done: number, total: number) {
      if (!enabled || total < 2) return;
      const now = Date.now();
      if (done < total && now - last < 80) return;
      last = now;
      const width = 28;
      const filled = Math.round((done / total) * width);
      stream.write(`\r${label} [${"#".repeat(filled)}${" ".repeat(width - filled)}] ${done}/${total}`);
      if (done === total) stream.write("\n");
    },
  };
}
