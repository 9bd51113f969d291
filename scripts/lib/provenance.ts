/**
 * Provenance of the spec: every constraint, default, enum, response, header, media type and Zoom error
 * code says where it comes from (`x-source`). Sources are the ids the spec lists in its root `x-sources`,
 * or `decision:<slug>`, the slug of a `##` heading in docs/decisions.md.
 *
 * `x-source` is a list of sources (it covers everything the object states), or a map from keyword to a
 * list (it must cover each constraint keyword the object has, and name no keyword the object lacks).
 * Inline schemas directly under a header or a media type take that object's sources.
 */

/** The schema keywords that state a rule of the API (descriptions and examples are documentation). */
const CONSTRAINT_KEYWORDS = [
  "type",
  "enum",
  "default",
  "required",
  "additionalProperties",
  "minLength",
  "maxLength",
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "pattern",
  "format",
  "minItems",
  "maxItems",
  "uniqueItems",
  "nullable",
];
const OPERATION_KEYWORDS = ["operationId", "x-zoom-scopes", "x-zoom-granular-scopes", "x-zoom-rate-limit-label"];
const METHODS = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

type Node = Record<string, unknown>;
const isNode = (value: unknown): value is Node => !!value && typeof value === "object" && !Array.isArray(value);

/** GitHub-style heading slug: lower case, runs of anything but letters and digits become one hyphen. */
export function slug(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
}

export function decisionSlugs(decisionsMarkdown: string): Set<string> {
  return new Set([...decisionsMarkdown.matchAll(/^## (.+)$/gm)].map((match) => slug(match[1] ?? "")));
}

/** The problems found; empty means every rule of the spec says where it comes from. */
export function findProvenanceProblems(document: Node, decisions: Set<string>): string[] {
  const problems: string[] = [];
  const known = isNode(document["x-sources"]) ? document["x-sources"] : {};
  if (Object.keys(known).length === 0) problems.push("x-sources: the spec lists no sources");

  const checkIds = (where: string, value: unknown) => {
    const ids = typeof value === "string" ? [value] : Array.isArray(value) ? value : undefined;
    if (!ids || ids.length === 0) {
      problems.push(`${where}: x-source must name at least one source`);
      return;
    }
    for (const id of ids) {
      if (typeof id !== "string") problems.push(`${where}: x-source ${JSON.stringify(id)} is not a source id`);
      else if (id.startsWith("decision:")) {
        if (!decisions.has(id.slice("decision:".length)))
          problems.push(`${where}: ${id} names no heading of docs/decisions.md`);
      } else if (!(id in known))
        problems.push(`${where}: unknown source "${id}" (x-sources lists ${Object.keys(known).join(", ")})`);
    }
  };

  /** `keywords`: what the object states that needs a source. Returns whether it carries one of its own. */
  const needSource = (where: string, node: Node, keywords: string[], inherited: boolean): boolean => {
    const source = node["x-source"];
    if (source === undefined) {
      if (keywords.length > 0 && !inherited) problems.push(`${where}: no x-source for ${keywords.join(", ")}`);
      return false;
    }
    if (isNode(source)) {
      for (const keyword of keywords)
        if (!(keyword in source)) problems.push(`${where}: x-source names no source for ${keyword}`);
      for (const [keyword, ids] of Object.entries(source)) {
        if (!keywords.includes(keyword)) problems.push(`${where}: x-source names ${keyword}, which it does not state`);
        checkIds(`${where} ${keyword}`, ids);
      }
    } else checkIds(where, source);
    return true;
  };

  const walkSchema = (where: string, schema: unknown, inherited: boolean) => {
    if (!isNode(schema) || "$ref" in schema) return;
    needSource(
      where,
      schema,
      CONSTRAINT_KEYWORDS.filter((keyword) => keyword in schema),
      inherited,
    );
    if (isNode(schema.properties))
      for (const [name, property] of Object.entries(schema.properties)) walkSchema(`${where}.${name}`, property, false);
    if (schema.items !== undefined) walkSchema(`${where}[]`, schema.items, false);
    if (isNode(schema.additionalProperties)) walkSchema(`${where}{}`, schema.additionalProperties, false);
    for (const combinator of ["allOf", "anyOf", "oneOf"]) {
      const list = schema[combinator];
      if (Array.isArray(list))
        for (const [index, part] of list.entries()) walkSchema(`${where}.${combinator}[${index}]`, part, false);
    }
  };

  const walkMedia = (where: string, content: unknown) => {
    if (!isNode(content)) return;
    for (const [type, media] of Object.entries(content)) {
      if (!isNode(media)) continue;
      const own = needSource(`${where} ${type}`, media, ["media type"], false);
      walkSchema(`${where} ${type} schema`, media.schema, own);
    }
  };

  const walkHeaders = (where: string, headers: unknown) => {
    if (!isNode(headers)) return;
    for (const [name, header] of Object.entries(headers)) {
      if (!isNode(header) || "$ref" in header) continue;
      const own = needSource(`${where} header ${name}`, header, ["header"], false);
      walkSchema(`${where} header ${name} schema`, header.schema, own);
    }
  };

  const servers = Array.isArray(document.servers) ? document.servers : [];
  servers.forEach((server, index) => {
    if (isNode(server)) needSource(`servers[${index}]`, server, ["url"], false);
  });

  for (const [path, item] of Object.entries(isNode(document.paths) ? document.paths : {})) {
    if (!isNode(item)) continue;
    for (const method of METHODS) {
      const operation = item[method];
      if (!isNode(operation)) continue;
      const at = `${method.toUpperCase()} ${path}`;
      needSource(
        at,
        operation,
        OPERATION_KEYWORDS.filter((keyword) => keyword in operation),
        false,
      );
      const body = operation.requestBody;
      if (isNode(body)) {
        needSource(`${at} requestBody`, body, "required" in body ? ["required"] : [], false);
        walkMedia(`${at} requestBody`, body.content);
      }
      for (const [status, response] of Object.entries(isNode(operation.responses) ? operation.responses : {})) {
        if (!isNode(response) || "$ref" in response) continue;
        const where = `${at} response ${status}`;
        needSource(where, response, ["response"], false);
        walkHeaders(where, response.headers);
        walkMedia(where, response.content);
      }
    }
  }

  const components = isNode(document.components) ? document.components : {};
  for (const [name, schema] of Object.entries(isNode(components.schemas) ? components.schemas : {}))
    walkSchema(`components.schemas.${name}`, schema, false);
  walkHeaders("components.headers", components.headers);
  for (const [name, scheme] of Object.entries(isNode(components.securitySchemes) ? components.securitySchemes : {}))
    if (isNode(scheme)) needSource(`components.securitySchemes.${name}`, scheme, ["security scheme"], false);
  for (const [name, response] of Object.entries(isNode(components.responses) ? components.responses : {}))
    if (isNode(response)) needSource(`components.responses.${name}`, response, ["response"], false);
  return problems;
}
