/**
 * Edits of the spec for tests that need a changed copy: by path in the parsed YAML, never by text, and each
 * edit fails loudly when what it changes is not there (a spec that moved on must not turn a test of the
 * tooling into a test of nothing). Values are read from the spec, not restated.
 */
import { readFileSync } from "node:fs";
import { isMap, isNode, parseDocument } from "yaml";
import { defaultSpecPath } from "../../scripts/lib/spec.ts";

type Path = readonly (string | number)[];

/** Where the request body's fields and the operation's responses live in spec/zoom-im-groups.openapi.yaml. */
export const FIELDS: Path = ["components", "schemas", "CreateImGroupRequest", "properties"];
export const REQUIRED: Path = ["components", "schemas", "CreateImGroupRequest", "required"];
export const RESPONSES: Path = ["paths", "/im/groups", "post", "responses"];

const shown = (path: Path) => path.join(".");

export class SpecEdit {
  readonly doc;
  constructor(yaml = readFileSync(defaultSpecPath, "utf8")) {
    this.doc = parseDocument(yaml);
  }

  /** The value at `path` (plain JS); throws when the spec has none there. */
  get<T = unknown>(path: Path): T {
    if (!this.doc.hasIn(path)) throw new Error(`spec edit: the spec has nothing at ${shown(path)}; update this test`);
    const node = this.doc.getIn(path, true);
    return (isNode(node) ? node.toJSON() : node) as T;
  }

  /** Replaces the value at `path`, which must exist. */
  set(path: Path, value: unknown): this {
    this.get(path);
    this.doc.setIn(path, value);
    return this;
  }

  /** Adds a key that must not exist yet, under a map that must. */
  add(path: Path, value: unknown): this {
    const parent = path.slice(0, -1);
    if (!isMap(this.doc.getIn(parent, true)))
      throw new Error(`spec edit: no map at ${shown(parent)} to add ${String(path.at(-1))} to; update this test`);
    if (this.doc.hasIn(path)) throw new Error(`spec edit: ${shown(path)} already exists; pick a new name`);
    this.doc.setIn(path, value);
    return this;
  }

  /** Renames the key at `path` (keeping its value and its place) to `to`. */
  rename(path: Path, to: string): this {
    const parent = this.doc.getIn(path.slice(0, -1), true);
    this.get(path);
    if (!isMap(parent)) throw new Error(`spec edit: ${shown(path.slice(0, -1))} is not a map`);
    const pair = parent.items.find(
      (item) => String((item.key as { value?: unknown })?.value ?? item.key) === path.at(-1),
    );
    if (!pair) throw new Error(`spec edit: ${shown(path)} not found`);
    pair.key = this.doc.createNode(to);
    return this;
  }

  toString(): string {
    return this.doc.toString({ lineWidth: 0 });
  }
}

/** `text` with `from` replaced by `to`; throws when `from` does not occur exactly once. */
export function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0)
    throw new Error(
      `edit did not apply: ${JSON.stringify(from)} occurs ${at < 0 ? "nowhere" : "more than once"}; update this test`,
    );
  return text.slice(0, at) + to + text.slice(at + from.length);
}
