/**
 * Every difference between our spec's operation and an upstream one, classified for this package's users
 * (upstream read as "what Zoom now says"):
 * - breaking: code written against our spec may fail: a field, enum value, response, Zoom code, header or
 *   request media type that upstream no longer has; a limit tightened; a field made required; a type or a
 *   default changed; a new rule (pattern, format…).
 * - additive: upstream allows or documents more: a new optional field, enum value, response, header or
 *   media type; a limit loosened or dropped; a field no longer required.
 * - docs: descriptions, examples, summaries, response content types (the client reads every body as
 *   text), a default documented or not, a response body upstream does not describe at all.
 */
import { isDeepStrictEqual } from "node:util";
import type { FieldModel, OperationModel } from "./model.ts";

export type Classification = "breaking" | "additive" | "docs";

export interface Difference {
  /** Stable and dotted, for the allowlist: `request.field.type.enum.restricted.removed`. */
  id: string;
  classification: Classification;
  message: string;
}

/** Upper bounds: a smaller upstream value is tighter. Lower bounds: a larger one is. */
const UPPER = new Set(["maxLength", "maximum", "maxItems"]);
const LOWER = new Set(["minLength", "minimum", "minItems"]);

const show = (value: unknown) => (value === undefined ? "nothing" : JSON.stringify(value));
const normalizeText = (text: string | undefined) => (text ?? "").replace(/\s+/g, " ").trim();

export function diffOperations(ours: OperationModel, upstream: OperationModel): Difference[] {
  const found: Difference[] = [];
  const add = (id: string, classification: Classification, message: string) =>
    found.push({ id, classification, message });

  if (normalizeText(ours.summary) !== normalizeText(upstream.summary))
    add("operation.summary.changed", "docs", `summary: ${show(ours.summary)} → ${show(upstream.summary)}`);
  if (normalizeText(ours.description) !== normalizeText(upstream.description))
    add("operation.description.changed", "docs", "the operation's description differs");

  for (const type of ours.mediaTypes.filter((type) => !upstream.mediaTypes.includes(type)))
    add(`request.media-type.${type}.removed`, "breaking", `the request body is not defined as ${type} upstream`);
  for (const type of upstream.mediaTypes.filter((type) => !ours.mediaTypes.includes(type)))
    add(`request.media-type.${type}.added`, "additive", `upstream also takes ${type}`);

  if (ours.additionalProperties !== upstream.additionalProperties) {
    if (upstream.additionalProperties)
      add("request.additional-properties.loosened", "additive", "upstream does not refuse unknown fields");
    else add("request.additional-properties.tightened", "breaking", "upstream refuses unknown fields");
  }

  for (const [name, field] of Object.entries(ours.fields)) {
    const theirs = upstream.fields[name];
    if (!theirs) add(`request.field.${name}.removed`, "breaking", `field ${name} is gone upstream`);
    else diffField(`request.field.${name}`, name, field, theirs, add);
  }
  for (const [name, field] of Object.entries(upstream.fields)) {
    if (ours.fields[name]) continue;
    if (field.required) add(`request.field.${name}.added`, "breaking", `upstream adds the required field ${name}`);
    else add(`request.field.${name}.added`, "additive", `upstream adds the optional field ${name} (${field.type})`);
  }

  for (const [status, response] of Object.entries(ours.responses)) {
    const theirs = upstream.responses[status];
    const at = `response.${status}`;
    if (!theirs) {
      add(`${at}.removed`, "breaking", `response ${status} is not documented upstream`);
      continue;
    }
    if (response.zoomCode !== theirs.zoomCode) {
      if (theirs.zoomCode === undefined)
        add(
          `${at}.zoom-code.removed`,
          "breaking",
          `response ${status}: upstream names no Zoom code (ours ${response.zoomCode})`,
        );
      else if (response.zoomCode === undefined)
        add(`${at}.zoom-code.added`, "additive", `response ${status}: upstream names Zoom code ${theirs.zoomCode}`);
      else
        add(
          `${at}.zoom-code.changed`,
          "breaking",
          `response ${status}: Zoom code ${response.zoomCode} → ${theirs.zoomCode}`,
        );
    }
    for (const header of response.headers.filter((name) => !theirs.headers.includes(name)))
      add(
        `${at}.header.${header}.removed`,
        "breaking",
        `response ${status}: header ${header} is not documented upstream`,
      );
    for (const header of theirs.headers.filter((name) => !response.headers.includes(name)))
      add(`${at}.header.${header}.added`, "additive", `response ${status}: upstream documents header ${header}`);
    const described = Object.keys(theirs.bodyFields).length > 0;
    if (!described && Object.keys(response.bodyFields).length > 0)
      add(`${at}.body.undocumented`, "docs", `response ${status}: upstream describes no body fields`);
    for (const [name, type] of described ? Object.entries(response.bodyFields) : []) {
      if (!(name in theirs.bodyFields))
        add(`${at}.field.${name}.removed`, "breaking", `response ${status}: body field ${name} is gone upstream`);
      else if (theirs.bodyFields[name] !== type)
        add(
          `${at}.field.${name}.type.changed`,
          "breaking",
          `response ${status}: ${name} is ${theirs.bodyFields[name]} upstream, ${type} here`,
        );
    }
    for (const name of Object.keys(theirs.bodyFields).filter((name) => !(name in response.bodyFields)))
      add(`${at}.field.${name}.added`, "additive", `response ${status}: upstream adds body field ${name}`);
    for (const type of response.contentTypes.filter((type) => !theirs.contentTypes.includes(type)))
      add(`${at}.content-type.${type}.removed`, "docs", `response ${status}: ${type} is not documented upstream`);
    for (const type of theirs.contentTypes.filter((type) => !response.contentTypes.includes(type)))
      add(`${at}.content-type.${type}.added`, "docs", `response ${status}: upstream documents ${type}`);
    if (normalizeText(response.description) !== normalizeText(theirs.description))
      add(`${at}.description.changed`, "docs", `response ${status}: the description differs`);
  }
  for (const [status, response] of Object.entries(upstream.responses)) {
    if (ours.responses[status]) continue;
    const code = response.zoomCode === undefined ? "" : ` (Zoom code ${response.zoomCode})`;
    add(`response.${status}.added`, "additive", `upstream documents response ${status}${code}`);
  }
  return found;
}

function diffField(
  at: string,
  name: string,
  ours: FieldModel,
  theirs: FieldModel,
  add: (id: string, classification: Classification, message: string) => void,
): void {
  if (ours.type !== theirs.type)
    add(`${at}.type.changed`, "breaking", `${name}: type ${show(ours.type)} → ${show(theirs.type)}`);
  for (const value of (ours.enum ?? []).filter((value) => theirs.enum && !theirs.enum.includes(value)))
    add(`${at}.enum.${value}.removed`, "breaking", `${name}: upstream no longer lists "${value}"`);
  for (const value of (theirs.enum ?? []).filter((value) => !(ours.enum ?? []).includes(value)))
    add(`${at}.enum.${value}.added`, ours.enum ? "additive" : "breaking", `${name}: upstream lists "${value}"`);
  if (ours.enum && !theirs.enum) add(`${at}.enum.removed`, "additive", `${name}: upstream takes any value`);
  if (ours.required !== theirs.required) {
    if (theirs.required) add(`${at}.required.added`, "breaking", `${name}: upstream requires it`);
    else add(`${at}.required.removed`, "additive", `${name}: upstream does not require it`);
  }
  if (!isDeepStrictEqual(ours.default, theirs.default)) {
    if (ours.default !== undefined && theirs.default !== undefined)
      add(`${at}.default.changed`, "breaking", `${name}: default ${show(ours.default)} → ${show(theirs.default)}`);
    else
      add(
        `${at}.default.${theirs.default === undefined ? "removed" : "added"}`,
        "docs",
        `${name}: default ${show(ours.default)} here, ${show(theirs.default)} upstream`,
      );
  }
  for (const rule of new Set([...Object.keys(ours.rules), ...Object.keys(theirs.rules)])) {
    const mine = ours.rules[rule];
    const upstream = theirs.rules[rule];
    if (isDeepStrictEqual(mine, upstream)) continue;
    const what = `${name}: ${rule} ${show(mine)} → ${show(upstream)}`;
    if (UPPER.has(rule) || LOWER.has(rule)) {
      const tighter =
        upstream !== undefined &&
        (mine === undefined || (UPPER.has(rule) ? Number(upstream) < Number(mine) : Number(upstream) > Number(mine)));
      add(`${at}.${rule}.${tighter ? "tightened" : "loosened"}`, tighter ? "breaking" : "additive", what);
    } else if (upstream === undefined) add(`${at}.${rule}.removed`, "additive", what);
    else add(`${at}.${rule}.${mine === undefined ? "added" : "changed"}`, "breaking", what);
  }
  if (normalizeText(ours.description) !== normalizeText(theirs.description))
    add(`${at}.description.changed`, "docs", `${name}: the description differs`);
  if (!isDeepStrictEqual(ours.example, theirs.example) && theirs.example !== undefined)
    add(`${at}.example.changed`, "docs", `${name}: example ${show(ours.example)} → ${show(theirs.example)}`);
}
