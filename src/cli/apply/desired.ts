/**
 * What apply's file says the account holds: the rows as `create --file` reads them (formats, checks, exit 2
 * naming row, field and rule) plus a `members` column, each member checked by the spec's rules for a member add.
 */
import { resolve } from "node:path";
import type { CreateImGroupBody, MemberToAdd } from "../../index.js";
import { validateRequest } from "../../spec.js";
import { readBounded, readFileBounded } from "../bulk/input.js";
import {
  checkRows,
  chooseFormat,
  decodeInput,
  InputError,
  type InputRow,
  type InvalidRow,
  type NearDuplicate,
  parseRows,
} from "../bulk/rows.js";
import { UsageError } from "../errors.js";
import type { Terminal } from "../io.js";

/** The column apply reads besides the spec's fields. */
export const MEMBERS = "members";

/** One group as the file wants it. */
export interface DesiredGroup {
  row: number;
  line: number;
  name: string;
  /** The create's body: the name and the settings the file gives (a setting left empty is not managed). */
  body: CreateImGroupBody;
  /** By email or by user id, each once. */
  members: MemberToAdd[];
}

export interface DesiredFile {
  rows: number;
  groups: DesiredGroup[];
  invalid: InvalidRow[];
  nearDuplicates: NearDuplicate[];
}

/** A member as the ledger and the plan name it: its email, else its user id. */
export const memberName = (member: { id?: string | undefined; email?: string | undefined }) =>
  member.email ?? member.id ?? "?";

/** Reads and checks the whole file before anything is sent; an input that cannot be read is a usage error. */
export async function readDesired(
  path: string,
  options: { format: string | undefined; delimiter: string | undefined; strict: boolean },
  terminal: Terminal,
): Promise<DesiredFile> {
  const { io } = terminal;
  const source = path === "-" ? "stdin" : path;
  const bytes =
    path === "-"
      ? await readBounded(io.stdin, "stdin", io.signal)
      : await readFileBounded(resolve(io.cwd, path), path, io.signal);
  let rows: InputRow[];
  try {
    const input = decodeInput(bytes);
    const parsed = parseRows(input, chooseFormat(options.format, path, input), options.delimiter, [MEMBERS]);
    rows = parsed.rows;
    for (const note of parsed.notes) terminal.err(`${source}: ${note}`);
  } catch (error) {
    if (error instanceof InputError) throw new UsageError(`${source}: ${error.message}`, false);
    throw error;
  }
  const members = new Map<InputRow, MemberToAdd[]>();
  for (const row of rows) {
    const { members: given, ...body } = row.body;
    row.body = body;
    const read = readMembers(given);
    if (read.problems.length > 0) row.problems = [...(row.problems ?? []), ...read.problems];
    members.set(row, read.members);
  }
  const { valid, invalid, nearDuplicates } = checkRows(rows, options.strict);
  const groups = valid.map((row) => ({
    row: row.row,
    line: row.line,
    name: row.body.name,
    body: row.body,
    members: members.get(row) ?? [],
  }));
  return { rows: rows.length, groups, invalid, nearDuplicates };
}

/**
 * A CSV cell (`a@example.com; b@example.com; KdYKjnimT4KPd8KKdQt9FQ`) or, in JSON, a list of such strings or of
 * `{ "email" }` / `{ "id" }` objects. A word with `@` is an email, any other a user id. Each member is checked as
 * the member add's body would be, so its problems name the rule before anything is sent.
 */
export function readMembers(given: unknown): { members: MemberToAdd[]; problems: string[] } {
  if (given === undefined || given === null) return { members: [], problems: [] };
  if (typeof given !== "string" && !Array.isArray(given))
    return { members: [], problems: [`${MEMBERS} must be a list of emails or user ids (got ${typeof given})`] };
  const items: unknown[] = typeof given === "string" ? given.split(";") : given;
  const members: MemberToAdd[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    const member = memberOf(item);
    if (member === "") continue;
    const at = members.length;
    if (member === undefined) {
      problems.push(`${MEMBERS}[${at}] must be an email, a user id, or an object with "email" or "id"`);
      continue;
    }
    const issues = validateRequest("imGroupMembersCreate", { params: { groupId: "-" }, body: { members: [member] } });
    if (issues.length > 0) {
      problems.push(...issues.map((issue) => issue.message.replace(/^members\[0\]/, `${MEMBERS}[${at}]`)));
      continue;
    }
    const key = member.id !== undefined ? `id ${member.id}` : `email ${member.email?.toLowerCase()}`;
    if (seen.has(key)) continue; // the same person twice changes nothing
    seen.add(key);
    members.push(member);
  }
  return { members, problems };
}

function memberOf(item: unknown): MemberToAdd | "" | undefined {
  if (typeof item === "string") {
    const word = item.trim();
    if (word === "") return "";
    return word.includes("@") ? { email: word } : { id: word };
  }
  if (item && typeof item === "object" && !Array.isArray(item)) {
    const { id, email, ...rest } = item as Record<string, unknown>;
    if (Object.keys(rest).length > 0) return undefined;
    const member: Record<string, unknown> = {};
    if (id !== undefined) member.id = typeof id === "string" ? id.trim() : id;
    if (email !== undefined) member.email = typeof email === "string" ? email.trim() : email;
    return Object.keys(member).length > 0 ? (member as MemberToAdd) : undefined;
  }
  return undefined;
}
