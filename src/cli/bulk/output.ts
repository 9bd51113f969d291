/**
 * The run's ledger: where a bulk run's JSON lines go (stdout, or `--output FILE`). A line is written through
 * before the worker that decided it takes another row, so a stalled reader pauses sending and at most the
 * in-flight window of lines is ever held in memory. The first write that fails ends the ledger: the run
 * stops (no create starts that could not be recorded), and every outcome of a row that was sent goes to
 * stderr instead, one JSON line each, so no created group goes unrecorded.
 */
import { closeSync, openSync, writeSync } from "node:fs";
import { UsageError } from "../errors.js";
import type { Terminal } from "../io.js";

/** Writes bytes to a file descriptor, returning how many were written (possibly fewer); throws on failure. */
export type WriteBytes = (fd: number, bytes: Uint8Array) => number;

/** Why the ledger ended: its reader went away (`| head`), or a write failed (ENOSPC, EIO, EFBIG…). */
export interface LedgerEnd {
  closed: boolean;
  error?: NodeJS.ErrnoException;
}

export class Ledger {
  #end: LedgerEnd | undefined;
  readonly #listeners: ((end: LedgerEnd) => void)[] = [];
  /** Lines that could not be written and went nowhere (not-sent, invalid, resumed rows: no group behind them). */
  unwritten = 0;
  /** Lines that could not be written and went to stderr instead. */
  onStderr = 0;

  constructor(
    /** How the output is named to people: `stdout` or `--output run.jsonl`. */
    readonly name: string,
    private readonly terminal: Terminal,
    /** Writes text (a line or many), resolving with the error when it could not. */
    private readonly write: (text: string) => Promise<NodeJS.ErrnoException | undefined>,
    private readonly release: () => void = () => undefined,
  ) {}

  /** Set once the ledger has ended; nothing more is written to it. */
  get end(): LedgerEnd | undefined {
    return this.#end;
  }

  /** Calls `listener` once when the ledger ends (at once if it has). */
  onEnd(listener: (end: LedgerEnd) => void): void {
    if (this.#end) listener(this.#end);
    else this.#listeners.push(listener);
  }

  /** Ends the ledger from outside: stdout's reader went away or its stream failed outside a write. */
  fail(error: NodeJS.ErrnoException | undefined): void {
    if (this.#end) return;
    this.#end = error ? { closed: false, error } : { closed: true };
    for (const listener of this.#listeners.splice(0)) listener(this.#end);
  }

  /**
   * One JSON line, resolved once written. `sent`: the row reached (or may have reached) Zoom; if the line
   * cannot be written, it goes to stderr so the group it may name is still on record.
   */
  async line(json: string, sent: boolean): Promise<void> {
    if (!this.#end) {
      const error = await this.write(`${json}\n`);
      if (!error) return;
      this.fail(isClosed(error) ? undefined : error);
    }
    if (sent) {
      this.onStderr++;
      this.terminal.err(json);
    } else this.unwritten++;
  }

  /** Many lines of rows never sent, written 10,000 at a time: few writes, none of them huge. */
  async lines(jsons: readonly string[]): Promise<void> {
    for (let i = 0; i < jsons.length; i += 10_000) {
      const chunk = jsons.slice(i, i + 10_000);
      const error = this.#end ? true : await this.write(`${chunk.join("\n")}\n`);
      if (!error) continue;
      if (error !== true) this.fail(isClosed(error) ? undefined : error);
      this.unwritten += chunk.length;
    }
  }

  /** Releases the output (closes the file). Only once every line has been written or given up on. */
  close(): void {
    this.release();
  }
}

const isClosed = (error: NodeJS.ErrnoException) => error.code === "EPIPE" || error.code === "ERR_STREAM_DESTROYED";

export function stdoutLedger(terminal: Terminal): Ledger {
  const ledger = new Ledger("stdout", terminal, (text) => terminal.out(text.replace(/\n$/, "")));
  // The stream can end outside a write of ours (an EPIPE event): the ledger ends with it.
  terminal.stdout.onClose((error) => ledger.fail(error));
  return ledger;
}

/**
 * `--output FILE`: a new file, each line written through to the system as soon as it is decided. Short writes
 * are completed; the file stays open until the ledger is closed, after every create in flight has settled (a
 * descriptor closed early would be reused by a socket, and the lines would go into it).
 */
export function fileLedger(
  path: string,
  shown: string,
  terminal: Terminal,
  writeBytes: WriteBytes = writeSync,
): Ledger {
  let fd: number;
  try {
    fd = openSync(path, "wx");
  } catch (error) {
    throw new UsageError(`cannot create --output ${shown}: ${(error as Error).message.replace(path, shown)}`);
  }
  let open = true;
  const write = async (text: string): Promise<NodeJS.ErrnoException | undefined> => {
    const bytes = Buffer.from(text);
    try {
      for (let offset = 0; offset < bytes.length; ) {
        const written = writeBytes(fd, bytes.subarray(offset));
        if (!(written > 0)) throw Object.assign(new Error("write made no progress"), { code: "EIO" });
        offset += written;
      }
      return undefined;
    } catch (error) {
      return error as NodeJS.ErrnoException;
    }
  };
  return new Ledger(`--output ${shown}`, terminal, write, () => {
    if (!open) return;
    open = false;
    closeSync(fd);
  });
}
