/**
 * The CLI's two streams, as gh's IOStreams: stdout carries data only, stderr people's text. A reader that
 * goes away (`| head -1`: EPIPE) closes a stream quietly — no stack trace — and tells whoever listens
 * (a bulk run stops sending; the mock keeps serving and drops its log lines). A status line (the progress
 * bar) lives on stderr and is cleared before stdout writes to the same terminal, so it never joins a line
 * of data.
 */
export class Stream {
  #closed = false;
  readonly #listeners: (() => void)[] = [];

  constructor(readonly stream: NodeJS.WriteStream) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EPIPE" || error.code === "ERR_STREAM_DESTROYED") this.#close();
      else throw error;
    });
  }

  get isTTY(): boolean {
    return this.stream.isTTY === true;
  }

  get closed(): boolean {
    return this.#closed || this.stream.destroyed;
  }

  /** Calls `listener` once, when the reader has gone. */
  onClose(listener: () => void): void {
    if (this.closed) listener();
    else this.#listeners.push(listener);
  }

  /** Writes unless the reader has gone; `onLost` hears of text that did not reach it after all. */
  write(text: string, onLost?: () => void): boolean {
    if (this.closed) {
      onLost?.();
      return false;
    }
    this.stream.write(text, (error) => {
      if (error) onLost?.();
    });
    return true;
  }

  #close(): void {
    if (this.#closed) return;
    this.#closed = true;
    for (const listener of this.#listeners.splice(0)) listener();
  }
}

export class Terminal {
  readonly stdout = new Stream(process.stdout);
  readonly stderr = new Stream(process.stderr);
  #status = "";

  /** One line of data on stdout. `onLost` hears if it never reached the reader (stdout closed). */
  out(line: string, onLost?: () => void): void {
    const sharesScreen = this.#status !== "" && this.stdout.isTTY;
    if (sharesScreen) this.stderr.write("\r\x1b[K");
    this.stdout.write(`${line}\n`, onLost);
    if (sharesScreen) this.stderr.write(this.#status);
  }

  /** One line for people on stderr. */
  err(line: string): void {
    if (this.#status !== "") this.stderr.write("\r\x1b[K");
    this.stderr.write(`${line}\n`);
    if (this.#status !== "") this.stderr.write(this.#status);
  }

  /** Replaces the status line (stderr on a terminal only; never when stderr is a file or a pipe). */
  status(text: string): void {
    if (!this.stderr.isTTY) return;
    this.#status = text;
    this.stderr.write(`\r\x1b[K${text}`);
  }

  /** Ends the status line, leaving it on screen. */
  endStatus(): void {
    if (this.#status === "") return;
    this.#status = "";
    this.stderr.write("\n");
  }
}
