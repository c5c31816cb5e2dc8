// A terminal progress bar for long CLI work (region import, seeding). Silent when stdout is
// not a terminal, so logs and CI output stay clean.
export interface Progress {
  update(done: number, total: number, label?: string): void;
  done(message?: string): void;
}

export function progressBar(title: string, stream: NodeJS.WriteStream = process.stdout): Progress {
  const tty = stream.isTTY;
  let last = -1;
  return {
    update(done, total, label) {
      if (!tty || total <= 0) return;
      const pct = Math.floor((done / total) * 100);
      if (pct === last) return;
      last = pct;
      const width = 30;
      const filled = Math.round((pct / 100) * width);
      stream.write(
        `\r${title} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(pct).padStart(3)}% ${label ?? ''}   `,
      );
    },
    done(message) {
      if (tty) stream.write('\r\x1b[K');
      stream.write(`${title}: ${message ?? 'done'}\n`);
    },
  };
}
