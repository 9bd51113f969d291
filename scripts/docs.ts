/**
 * `npm run docs` (after TypeDoc): writes docs-site/spec.html, the spec as a page for API users (the call, its
 * fields and rules, every documented answer), static HTML with no script and nothing fetched, then checks
 * every page under docs-site/: no remote script or stylesheet, every link to a page or an anchor resolves,
 * and the API reference's landing page links `createImGroupsClient`.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { marked } from "marked";
import { type JsonSchema, loadSpec, operationsOf, repoRoot, type SpecDocument } from "./lib/spec.ts";

const html = (text: unknown) =>
  String(text).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c] ?? c);
const markdown = (text: unknown) => (typeof text === "string" ? marked(text.trim()) : "");
const json = (value: unknown) => `<pre><code>${html(JSON.stringify(value, null, 2))}</code></pre>`;

const characters = (n: unknown) => `${n} character${n === 1 ? "" : "s"} (Unicode code points)`;

/** The rules of a field in words: required, limits, allowed values (with their help), default, pattern. */
function rules(field: JsonSchema, required: boolean): string {
  const help = (field["x-enumDescriptions"] ?? {}) as Record<string, string>;
  return [
    required ? "required" : "optional",
    field.minLength !== undefined && `at least ${characters(field.minLength)}`,
    field.maxLength !== undefined && `at most ${characters(field.maxLength)}`,
    field.enum &&
      `one of:<ul>${field.enum.map((v) => `<li><code>${html(v)}</code>${help[String(v)] ? `: ${html(help[String(v)])}` : ""}</li>`).join("")}</ul>`,
    field.default !== undefined && `default <code>${html(JSON.stringify(field.default))}</code>`,
    field.pattern !== undefined &&
      (field["x-pattern-message"] ? html(field["x-pattern-message"]) : `matches <code>${html(field.pattern)}</code>`),
  ]
    .filter(Boolean)
    .join("<br>");
}

function fields(schema: JsonSchema | undefined): string {
  if (!schema?.properties) return schema?.type ? `<p>${html(schema.type)}</p>` : "";
  const rows = Object.entries(schema.properties).map(([name, field]) => {
    const type = field.type === "array" ? `array of ${field.items?.type ?? "any"}` : (field.type ?? "any");
    const inner = field.items?.properties ? fields(field.items) : "";
    return `<tr><td><code>${html(name)}</code></td><td>${html(type)}</td><td>${rules(field, !!schema.required?.includes(name))}</td><td>${markdown(field.description)}${inner}</td></tr>`;
  });
  return `<table><tr><th>field</th><th>type</th><th>rules</th><th>description</th></tr>${rows.join("")}</table>`;
}

export function specPage(spec: SpecDocument): string {
  const schemes = Object.values(spec.components?.securitySchemes ?? {});
  const found = operationsOf(spec.paths);
  const sections = found.map(({ path, method, operation, item }) => {
    const id = operation.operationId;
    const url = `${spec.servers?.[0]?.url ?? ""}${path}`;
    const parameters = [...((item.parameters ?? []) as Parameter[]), ...((operation.parameters ?? []) as Parameter[])];
    const params = parameters.length
      ? `<table><tr><th>parameter</th><th>in</th><th>type</th><th>rules</th><th>description</th></tr>${parameters
          .map(
            (p) =>
              `<tr><td><code>${html(p.name)}</code></td><td>${html(p.in)}</td><td>${html(p.schema?.type ?? "")}</td><td>${rules(p.schema ?? {}, p.required === true)}</td><td>${markdown(p.description)}${p.deprecated ? " (deprecated)" : ""}</td></tr>`,
          )
          .join("")}</table>`
      : "";
    const content = operation.requestBody?.content ?? {};
    const body = Object.values(content)[0]?.schema;
    const example = Object.fromEntries(Object.entries(body?.properties ?? {}).map(([name, f]) => [name, f.example]));
    const request = operation.requestBody
      ? `${markdown(operation.requestBody.description)}<p>Content types: ${Object.keys(content)
          .map((type) => `<code>${html(type)}</code>`)
          .join(", ")}.</p>${fields(body)}${markdown(body?.description)}${
          Object.values(example).some((value) => value !== undefined) ? `<h4>Example</h4>${json(example)}` : ""
        }`
      : "<p>No body.</p>";
    const responses = Object.entries(operation.responses).map(([status, response]) => {
      const headers = Object.entries(response.headers ?? {}).map(
        ([name, header]) =>
          `<tr><td><code>${html(name)}</code></td><td>${html(header.schema?.type ?? "")}</td><td>${markdown(header.description)}</td></tr>`,
      );
      const media = Object.entries(response.content ?? {}).map(([type, m]) => {
        const examples = m.example !== undefined ? [m.example] : Object.values(m.examples ?? {}).map((e) => e.value);
        return `<h5><code>${html(type)}</code></h5>${fields(m.schema)}${examples
          .filter((e) => e !== "")
          .map(json)
          .join("")}`;
      });
      const given = response["x-zoom-error-code"];
      const code = given === undefined ? undefined : [given].flat().join(" or ");
      return `<section id="${id}-response-${status}"><h4>HTTP ${status}${code !== undefined ? ` · Zoom code ${code}` : ""}</h4>${markdown(response.description)}
${headers.length ? `<table><tr><th>header</th><th>type</th><th>description</th></tr>${headers.join("")}</table>` : ""}${media.join("")}</section>`;
    });
    const label = operation["x-zoom-rate-limit-label"] ?? "";
    return `<section id="${id}"><h2>${html(operation.summary ?? id)}</h2>
<pre><code>${html(method)} ${html(url)}</code></pre><p>operationId <code>${html(id)}</code> · rate-limit label <code>${html(label)}</code></p>${markdown(operation.description as string | undefined)}
<h3>Parameters</h3>${params || "<p>None.</p>"}<h3>Request</h3>${request}<h3>Responses</h3>
${responses.join("\n")}</section>`;
  });
  const title = html(spec.info?.title ?? "");
  const nav = found
    .map(
      ({ operation }) => `<a href="#${operation.operationId}">${html(operation.summary ?? operation.operationId)}</a>`,
    )
    .join("");
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>
body{font:16px/1.5 system-ui,sans-serif;margin:0;display:flex;color:#222}nav{position:sticky;top:0;height:100vh;overflow:auto;padding:1em 1.5em;background:#f4f5f7;min-width:11em}
nav a{display:block;color:#0b5cad;text-decoration:none}main{padding:1em 2em;max-width:60em}code,pre{background:#f4f5f7;border-radius:3px;padding:0 .2em}pre{padding:.6em;overflow:auto}
table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ddd;padding:.3em .6em;text-align:left;vertical-align:top}td p{margin:0}section{margin-top:2em}
</style></head>
<body><nav><strong>${title}</strong><a href="#overview">Overview</a><a href="#authentication">Authentication</a>${nav}</nav>
<main><h1>${title}</h1><p>Version ${html(spec.info?.version ?? "")}</p>
<section id="overview"><h2>Overview</h2>${markdown(spec.info?.description)}</section>
<section id="authentication"><h2>Authentication</h2>${schemes.map((scheme) => markdown(scheme.description)).join("")}</section>
${sections.join("\n")}
</main></body></html>
`;
}

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  deprecated?: boolean;
  description?: string;
  schema?: JsonSchema;
}

/** What is wrong with a page offline: a remote script or stylesheet, a link to a missing page or anchor. */
export function pageProblems(page: string, file: string): string[] {
  const problems: string[] = [];
  const own = new Set([...page.matchAll(/\s(?:id|name)="([^"]+)"/g)].map((m) => m[1]));
  for (const [tag] of page.matchAll(/<(?:script|link|img|iframe)\b[^>]*>/g))
    if (/\s(?:src|href)="(?:https?:)?\/\//.test(tag))
      problems.push(`${file}: loads from the network: ${tag.slice(0, 120)}`);
  if (/@import\s+url\(\s*["']?(?:https?:)?\/\//.test(page))
    problems.push(`${file}: a stylesheet imports from the network`);
  for (const [, href = ""] of page.matchAll(/<a\s[^>]*href="([^"]*)"/g)) {
    if (/^(?:[a-z]+:|\/\/)/i.test(href)) continue; // a link out (Zoom's pages, a licence) is the reader's to follow
    const [target = "", anchor] = href.split("#");
    // Another page's anchors may be made by its script (TypeDoc's hierarchy): only the page must exist.
    if (target && !existsSync(resolve(dirname(file), decodeURIComponent(target.split("?")[0] ?? ""))))
      problems.push(`${file}: links ${href}, which does not exist`);
    else if (!target && anchor && !own.has(decodeURIComponent(anchor)))
      problems.push(`${file}: links ${href}, an anchor the page does not have`);
  }
  return problems;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const site = resolve(repoRoot, "docs-site");
  await mkdir(site, { recursive: true });
  await writeFile(join(site, "spec.html"), specPage(await loadSpec()));
  const pages = readdirSync(site, { recursive: true, encoding: "utf8" }).filter((name) => name.endsWith(".html"));
  const problems = pages.flatMap((name) => pageProblems(readFileSync(join(site, name), "utf8"), join(site, name)));
  const landing = join(site, "api/index.html");
  if (!existsSync(landing) || !/<a\s[^>]*href="[^"]*createImGroupsClient[^"]*"/.test(readFileSync(landing, "utf8")))
    problems.push(`${landing}: the API reference's landing page does not link createImGroupsClient`);
  if (problems.length > 0) {
    console.error(`docs: ${problems.length} problems:\n- ${problems.join("\n- ")}`);
    process.exitCode = 1;
  } else console.log(`docs: ${pages.length} pages in docs-site/, none loads from the network, every link resolves`);
}
