/**
 * Bulk input (`create --file`) as admins have it, in process against the mock Zoom: formats, bytes that
 * are or are not text, delimiters, header names and values as spreadsheets write them, duplicates and
 * near-duplicates, and messages that stay readable whatever the input's size.
 */
import { describe, expect, test } from "vitest";
import { createImGroupRequestSchema } from "../src/spec.ts";
import { cli, rowsOf, summaryOf, useCliWorkspace } from "./support/cli.ts";
import { NAME_MAX } from "./support/spec.ts";

const workspace = useCliWorkspace("zoom-bulk-input-");
const { file, mockZoom, listen } = workspace;
const groupNames = () => (workspace.running?.mock.groups() ?? []).map((g) => g.name).sort();
const groups = () =>
  (workspace.running?.mock.groups() ?? [])
    .map(({ name, type, search_by_domain }) => ({ name, type, search_by_domain }))
    .sort((a, b) => a.name.localeCompare(b.name));

/** A loopback Zoom that creates every group and keeps each JSON body exactly as it was sent (`--encoding json`). */
async function recordingZoom() {
  const bodies: Record<string, unknown>[] = [];
  const origin = await listen((req, res) => {
    let text = "";
    req.on("data", (chunk: Buffer) => {
      text += chunk;
    });
    req.on("end", () => {
      const body = JSON.parse(text) as Record<string, unknown>;
      bodies.push(body);
      res
        .writeHead(201, { "content-type": "application/json" })
        .end(JSON.stringify({ id: `g${bodies.length}`, name: body.name }));
    });
  });
  return { bodies, env: { ZOOM_API_URL: `${origin}/v2`, ZOOM_ACCESS_TOKEN: "t" } };
}

describe("input", () => {
  test("an invalid row is reported with its line and nothing is sent", async () => {
    const { env } = await mockZoom();
    const path = await file("bad.csv", 'name,type\nGood one,shared\n"Bad, one",public\nAlso good,\n');
    const run = await cli(["create", "--file", path], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("row 2 (line 3): type must be one of normal, shared, restricted");
    expect(run.stderr).toContain("1 row of 3 is invalid; nothing was sent");
    expect(groupNames()).toEqual([]);
  });

  test("--skip-invalid sends the valid rows and reports the invalid one", async () => {
    const { env } = await mockZoom();
    const path = await file("mixed.jsonl", '{"name":"A"}\n{"name":""}\n{"name":"C","search_by_domain":true}\n');
    const run = await cli(["create", "--file", path, "--skip-invalid"], env);
    expect(run.code).toBe(0);
    expect(groupNames()).toEqual(["A", "C"]);
    expect(run.lines).toContainEqual(expect.objectContaining({ row: 2, line: 2, outcome: "invalid" }));
    expect(summaryOf(run)).toMatchObject({ type: "summary", rows: 3, created: 2, invalid: 1, failed: 0 });
  });

  test("many invalid rows: the first ten are shown, the rest counted; all are in the --dry-run output", async () => {
    const path = await file("flood.jsonl", `${'{"name":""}\n'.repeat(1_234)}{"name":"Fine"}\n`);
    const refused = await cli(["create", "--file", path]);
    expect(refused.code).toBe(2);
    expect(refused.stderr.split("\n").filter((line) => line.startsWith("row "))).toHaveLength(10);
    expect(refused.stderr).toContain(
      "… and 1,224 more invalid rows; all are in the output with --skip-invalid --dry-run.",
    );
    expect(refused.stderr).toContain("1,234 rows of 1,235 are invalid");
    const dry = await cli(["create", "--file", path, "--skip-invalid", "--dry-run"]);
    expect(dry.code).toBe(0);
    expect(rowsOf(dry).filter((row) => row.outcome === "invalid")).toHaveLength(1_234);
    expect(dry.stderr).toContain("1 row would be sent; --dry-run sent nothing.");
    expect(summaryOf(dry)).toMatchObject({ dryRun: true, wouldSend: 1, created: 0, invalid: 1_234 });
    expect(dry.stderr).not.toContain("using the embedded mock");
  });

  test("JSON from stdin, with or without a byte-order mark", async () => {
    const { env } = await mockZoom();
    const run = await cli(["create", "--file", "-"], env, {
      input: `\uFEFF${JSON.stringify([{ name: "In" }, { name: "Out", type: "shared" }])}`,
    });
    expect(run.code).toBe(0);
    expect(groupNames()).toEqual(["In", "Out"]);
  });

  test.each([
    ["bom.json", `\uFEFF${JSON.stringify([{ name: "Bom JSON" }])}`],
    ["bom.jsonl", `\uFEFF${JSON.stringify({ name: "Bom JSONL" })}\n`],
    ["bom.csv", "\uFEFFname\nBom CSV\n"],
  ])("a UTF-8 byte-order mark is dropped in %s", async (name, content) => {
    const { env } = await mockZoom();
    const run = await cli(["create", "--file", await file(name, content)], env);
    expect(run.code).toBe(0);
    expect(groupNames()).toHaveLength(1);
  });

  test("--format wins over the extension; a file read as the wrong format is refused", async () => {
    const { env } = await mockZoom();
    const asCsv = await cli(["create", "--file", await file("ok.json", '[{"name":"A"}]'), "--format", "csv"], env);
    expect(asCsv.code).toBe(2);
    expect(asCsv.stderr).toContain("looks like JSON, not CSV");
    const asLines = await cli(
      ["create", "--file", await file("lines.csv", '{"name":"Lines"}\n'), "--format", "jsonl"],
      env,
    );
    expect(asLines.code).toBe(0);
    expect(groupNames()).toEqual(["Lines"]);
  });

  test.each([
    ["an empty file", "empty.csv", ""],
    ["a header-only CSV", "header.csv", "name,type\n"],
    ["a blank JSON Lines file", "blank.jsonl", "\n\n  \n"],
    ["an empty JSON array", "empty.json", "[]"],
  ])("%s exits 2 saying the input has no rows, and starts nothing", async (_label, name, content) => {
    const run = await cli(["create", "--file", await file(name, content)]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("the input has no rows");
    expect(run.stderr).not.toContain("using the embedded mock");
    const stdin = await cli(["create", "--file", "-"], {}, { input: content });
    expect(stdin.stderr).toContain("stdin: the input has no rows");
  });

  test("a column named twice, or unknown, exits 2 naming it", async () => {
    const twice = await cli(["create", "--file", await file("twice.csv", "name,name\nA,B\n")]);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('the column "name" is named twice');
    const unknown = await cli(["create", "--file", await file("wrong.csv", "title,kind\nA,b\n")]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown columns "title", "kind"');
  });

  test("a name repeated in the file is an invalid row naming both rows; --skip-invalid sends the first", async () => {
    const { env } = await mockZoom();
    const path = await file("dups.csv", "name\nOps\nSales\nOps\n");
    const refused = await cli(["create", "--file", path], env);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('row 3 (line 4): the name "Ops" is also on row 1 (line 2)');
    expect(groupNames()).toEqual([]);
    const skipped = await cli(["create", "--file", path, "--skip-invalid"], env);
    expect(skipped.code).toBe(0);
    expect(groupNames()).toEqual(["Ops", "Sales"]);
    expect(summaryOf(skipped)).toMatchObject({ created: 2, invalid: 1, failed: 0 });
  });

  test("rows of a pretty-printed JSON array are reported at their real line", async () => {
    const content = '[\n  { "name": "A" },\n  {\n    "name": ""\n  },\n  {"name": "C", "type": "x"}\n]\n';
    const run = await cli(["create", "--file", await file("pretty.json", content)]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("row 2 (line 3): name must be at least 1 character");
    expect(run.stderr).toContain("row 3 (line 6): type must be one of");
  });

  test("a row with an extra cell is an invalid row, not a broken file; CSV booleans in any case", async () => {
    const { env, running } = await mockZoom();
    const path = await file("extra.csv", "name,search_by_domain\nA,TRUE\nB,true,surplus\nC,fALSE\n");
    const run = await cli(["create", "--file", path, "--skip-invalid"], env);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("row 2 (line 3): 3 cells but the header names 2 columns");
    expect(running.mock.groups().map((g) => [g.name, g.search_by_domain])).toEqual([
      ["A", true],
      ["C", false],
    ]);
  });

  test.each([
    [["--rate", "1000000000"], "--rate must be a whole number from 1 to 1000"],
    [["--rate", "4294967296", "--dry-run"], "--rate must be a whole number from 1 to 1000"],
    [["--concurrency", "0"], "--concurrency must be a whole number from 1 to 1000"],
    [["--concurrency", "1e3"], "--concurrency must be a whole number from 1 to 1000"],
  ])("absurd numbers are refused before anything is read: %j", async (flags, message) => {
    const run = await cli(["create", "--file", "does-not-exist.csv", ...flags]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
  });
});

describe("bytes that are not UTF-8", () => {
  test("a Latin-1 export is refused naming its first bad line, and nothing is sent (file and stdin)", async () => {
    const { env } = await mockZoom();
    const latin1 = Buffer.concat([
      Buffer.from("name\nCafe\n"),
      Buffer.from([0x63, 0x61, 0x66, 0xe9]),
      Buffer.from("\nOk\n"),
    ]);
    for (const run of [
      await cli(["create", "--file", await file("latin1.csv", latin1)], env),
      await cli(["create", "--file", "-"], env, { input: latin1 }),
    ]) {
      expect(run.code).toBe(2);
      expect(run.stderr).toContain("line 3 is not UTF-8 text");
      expect(run.stderr).toContain("save the file as UTF-8");
    }
    expect(groupNames()).toEqual([]);
  });

  test("a JSON-escaped lone surrogate (\\ud800) is an invalid row, as a control character is; never sent as U+FFFD", async () => {
    const { env, log } = await mockZoom();
    const json = '[{"name":"Team \\ud800 A"},{"name":"Team \\udfff"},{"name":"Pair \\ud83d\\ude00"}]';
    const refused = await cli(["create", "--file", await file("lone.json", json)], env);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("row 1 (line 1): name must not contain control characters");
    expect(refused.stderr).toContain("lone surrogates");
    expect(log).toEqual([]);
    const rest = await cli(["create", "--file", await file("lone2.json", json), "--skip-invalid"], env);
    expect(rowsOf(rest).map((row) => row.outcome)).toEqual(["invalid", "invalid", "created"]);
    expect(groupNames()).toEqual(["Pair \u{1F600}"]);
  });

  test("an encoded lone surrogate is refused, not turned into replacement characters", async () => {
    const { env } = await mockZoom();
    const surrogate = Buffer.concat([
      Buffer.from('[{"name":"A"},\n{"name":"'),
      Buffer.from([0xed, 0xa0, 0x80]),
      Buffer.from('"}]'),
    ]);
    const run = await cli(["create", "--file", await file("surrogate.json", surrogate)], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("line 2 is not UTF-8 text");
    expect(groupNames()).toEqual([]);
  });

  test.each([
    ["little-endian (Excel's Unicode text)", "utf16le.txt", (text: string) => Buffer.from(`\uFEFF${text}`, "utf16le")],
    ["big-endian", "utf16be.csv", (text: string) => Buffer.from(`\uFEFF${text}`, "utf16le").swap16()],
  ])("UTF-16 %s with a byte-order mark is decoded", async (_label, name, encode) => {
    const { env } = await mockZoom();
    const run = await cli(["create", "--file", await file(name, encode("name\ttype\nÉquipe 😀\tshared\n"))], env);
    expect(run.code).toBe(0);
    expect(groups()).toEqual([{ name: "Équipe 😀", type: "shared", search_by_domain: false }]);
  });
});

describe("delimiters", () => {
  test.each([
    ["semicolon", "name;type;search_by_domain\nSales, EMEA;shared;true\n"],
    ["tab", "name\ttype\tsearch_by_domain\nSales, EMEA\tshared\ttrue\n"],
  ])("a %s-separated file is read with no flag, and stderr says how it was read", async (label, content) => {
    const { env } = await mockZoom();
    const run = await cli(["create", "--file", await file(`${label}.csv`, content)], env);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`read as ${label}-separated`);
    expect(groups()).toEqual([{ name: "Sales, EMEA", type: "shared", search_by_domain: true }]);
  });

  test("a comma-separated file is read without a note; quoted delimiters do not count toward the guess", async () => {
    const { env } = await mockZoom();
    const run = await cli(["create", "--file", await file("comma.csv", '"a;b;c",name\nx,A\n')], env, {});
    expect(run.stderr).not.toContain("-separated");
    expect(run.stderr).toContain('unknown column "a;b;c"');
    const plain = await cli(["create", "--file", await file("plain.csv", "name,type\nA;B,shared\n")], env);
    expect(plain.code).toBe(0);
    expect(plain.stderr).not.toContain("-separated");
    expect(groupNames()).toEqual(["A;B"]);
  });

  test.each([[";"], ["tab"], ["\\t"]])("--delimiter %s overrides the guess", async (flag) => {
    const { env } = await mockZoom();
    const run = await cli(["create", "--file", await file("single.csv", "name\nOne, two\n"), "--delimiter", flag], env);
    expect(run.code).toBe(0);
    expect(run.stderr).not.toContain("-separated");
    expect(groupNames()).toEqual(["One, two"]);
  });

  test("--delimiter takes only , ; or tab, and only for CSV", async () => {
    const bad = await cli(["create", "--file", await file("pipe.csv", "name|type\nA|normal\n"), "--delimiter", "|"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--delimiter must be , ; or tab (got "|")');
    const json = await cli(["create", "--file", await file("d.json", '[{"name":"A"}]'), "--delimiter", ";"]);
    expect(json.code).toBe(2);
    expect(json.stderr).toContain("--delimiter goes with CSV input");
  });
});

describe("header names and values as spreadsheets write them", () => {
  test("header names in any case and with spaces; enum values in any case are sent as the spec spells them", async () => {
    const { env } = await mockZoom();
    const content = " Name ,TYPE,Search_By_Domain\nA,Shared,TRUE\nB,RESTRICTED,false\nC,  normal  ,\n";
    const run = await cli(["create", "--file", await file("cases.csv", content)], env);
    expect(run.code).toBe(0);
    expect(groups()).toEqual([
      { name: "A", type: "shared", search_by_domain: true },
      { name: "B", type: "restricted", search_by_domain: false },
      { name: "C", type: "normal", search_by_domain: false },
    ]);
  });

  test("booleans as true/false, yes/no or 1/0 in any case; an empty or blank cell leaves the field unset", async () => {
    const { bodies, env } = await recordingZoom();
    const content = "name,search_by_domain,search_by_account\nA,Yes,0\nB,no,1\nC,  ,\nD,TRUE,False\nE,maybe,\n";
    const run = await cli(
      ["create", "--file", await file("bools.csv", content), "--encoding", "json", "--skip-invalid"],
      env,
    );
    expect(run.code).toBe(0);
    expect(bodies.sort((a, b) => String(a.name).localeCompare(String(b.name)))).toEqual([
      { name: "A", search_by_domain: true, search_by_account: false },
      { name: "B", search_by_domain: false, search_by_account: true },
      { name: "C" },
      { name: "D", search_by_domain: true, search_by_account: false },
    ]);
    expect(run.stderr).toContain(
      'row 5 (line 6): search_by_domain must be a boolean (true or false) (got string "maybe")',
    );
  });

  test("an unknown column suggests the nearest field", async () => {
    const run = await cli(["create", "--file", await file("typo.csv", "nme,tpye,search_by_domian\nA,normal,true\n")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'unknown columns "nme" (did you mean name?), "tpye" (did you mean type?), "search_by_domian" (did you mean search_by_domain?)',
    );
  });

  test('values are trimmed: a name blank after trimming is an invalid row; " D1 " and D1 are the same name', async () => {
    const { env } = await mockZoom();
    const path = await file("spaces.csv", 'name,type\n" D1 ",  shared  \nD1,normal\n"   ",normal\nD2,normal\n');
    const refused = await cli(["create", "--file", path], env);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('row 2 (line 3): the name "D1" is also on row 1 (line 2)');
    expect(refused.stderr).toContain("row 3 (line 4): name is required");
    const sent = await cli(["create", "--file", path, "--skip-invalid"], env);
    expect(sent.code).toBe(0);
    expect(groups()).toEqual([
      { name: "D1", type: "shared", search_by_domain: false },
      { name: "D2", type: "normal", search_by_domain: false },
    ]);
  });

  test("a trailing delimiter on the header, trailing empty cells and blank rows (also ,,,) are ignored", async () => {
    const { env } = await mockZoom();
    const content = "name,type,\r\nA,shared,\r\n,,\r\nB,normal,,,\r\n\r\nC,public,\r\n";
    const run = await cli(["create", "--file", await file("trailing.csv", content), "--skip-invalid"], env);
    expect(run.code).toBe(0);
    expect(summaryOf(run)).toMatchObject({ rows: 3, created: 2, invalid: 1 });
    expect(rowsOf(run)).toContainEqual(expect.objectContaining({ row: 3, line: 6, outcome: "invalid" }));
    expect(groupNames()).toEqual(["A", "B"]);
  });

  test("a column with no name before the last is refused naming it", async () => {
    const run = await cli(["create", "--file", await file("gap.csv", "name,,type\nA,,normal\n")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("line 1: column 2 of the header has no name");
  });

  test("JSON strings are trimmed and enums matched in any case; JSON types are the writer's", async () => {
    const { env } = await mockZoom();
    const content = '{"name":"  Ops  ","type":"Shared"}\n{"name":"Yes","search_by_domain":"yes"}\n';
    const run = await cli(["create", "--file", await file("typed.jsonl", content), "--skip-invalid"], env);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(
      'row 2 (line 2): search_by_domain must be a boolean (true or false) (got string "yes")',
    );
    expect(groups()).toEqual([{ name: "Ops", type: "shared", search_by_domain: false }]);
  });

  test("--type and --name read as a cell does: Shared is sent as shared, the name trimmed", async () => {
    const { env } = await mockZoom();
    const run = await cli(["create", "--name", "  Flag group ", "--type", "Shared"], env);
    expect(run.code).toBe(0);
    expect(groups()).toEqual([{ name: "Flag group", type: "shared", search_by_domain: false }]);
  });
});

describe("near-duplicate names", () => {
  const nfc = "\u00e9quipe";
  const nfd = "e\u0301quipe";
  const content = `name\nDesign\ndesign\n${nfc}\nDESIGN\n${nfd}\nStraße\nSTRASSE\n`;

  test("names that differ only in case or Unicode form are pointed out, both rows named, and sent as written", async () => {
    const { env } = await mockZoom();
    const run = await cli(["create", "--file", await file("near.csv", content)], env);
    expect(run.code).toBe(0);
    const warnings = run.stderr.split("\n").filter((line) => line.startsWith("warning: "));
    expect(warnings).toEqual([
      expect.stringContaining(
        'row 2 (line 3): the name "design" differs from row 1\'s "Design" (line 2) only in case;',
      ),
      expect.stringContaining(
        'row 4 (line 5): the name "DESIGN" differs from row 1\'s "Design" (line 2) only in case;',
      ),
      expect.stringContaining(
        `row 5 (line 6): the name "${nfd}" differs from row 3's "${nfc}" (line 4) only in Unicode form:`,
      ),
      expect.stringContaining(
        'row 7 (line 8): the name "STRASSE" differs from row 6\'s "Straße" (line 7) only in case;',
      ),
    ]);
    expect(warnings[0]).toContain("both are sent as written (--strict makes such rows invalid)");
    expect(run.lines.at(-1)).toMatchObject({ type: "summary", nearDuplicates: 4 });
    expect(run.stderr).toContain(", 4 near-duplicate names;");
    expect(groupNames()).toEqual(["DESIGN", "Design", "STRASSE", "Straße", "design", nfd, nfc].sort());
  });

  test("--strict makes them invalid rows: nothing is sent; with --skip-invalid the first of each is", async () => {
    const { env } = await mockZoom();
    const path = await file("near-strict.csv", content);
    const refused = await cli(["create", "--file", path, "--strict"], env);
    expect(refused.code).toBe(2);
    expect(refused.stderr).not.toContain("warning: ");
    expect(refused.stderr).toContain(
      'row 2 (line 3): the name "design" differs from row 1\'s "Design" (line 2) only in case (--strict)',
    );
    expect(refused.stderr).toContain("4 rows of 7 are invalid; nothing was sent");
    expect(groupNames()).toEqual([]);
    const sent = await cli(["create", "--file", path, "--strict", "--skip-invalid"], env);
    expect(sent.code).toBe(0);
    expect(groupNames()).toEqual(["Design", "Straße", nfc].sort());
  });

  test("many near-duplicates: the first ten are shown, the rest counted", async () => {
    const rows = Array.from({ length: 25 }, (_, i) => `Team ${i}\nTEAM ${i}`).join("\n");
    const run = await cli(["create", "--file", await file("near-many.csv", `name\n${rows}\n`), "--dry-run"]);
    expect(run.code).toBe(0);
    expect(run.stderr.split("\n").filter((line) => line.startsWith("warning: "))).toHaveLength(10);
    expect(run.stderr).toContain("… and 15 more names like these.");
  });
});

describe("messages without bounds", () => {
  test("a header of 10,000 unknown columns gives a short message: the first few, then a count", async () => {
    const header = Array.from({ length: 10_000 }, (_, i) => `column ${i}`).join(",");
    const run = await cli(["create", "--file", await file("wide.csv", `${header}\n${"x,".repeat(9_999)}x\n`)]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('"column 4" and 9,995 more');
    for (const line of run.stderr.split("\n")) expect(line.length).toBeLessThan(400);
  });

  test("a row of 10,000 cells or 10,000 unknown keys, or a megabyte name, is one short line", async () => {
    const wide = await cli(["create", "--file", await file("cells.csv", `name\nA${",x".repeat(10_000)}\n`)]);
    expect(wide.stderr).toContain("row 1 (line 2): 10,001 cells but the header names 1 column");
    const keys = Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`key${i}`, i]));
    const huge = "n".repeat(1_000_000);
    const content = `${JSON.stringify({ name: "A", ...keys })}\n${JSON.stringify({ name: huge })}\n${JSON.stringify({ name: huge })}\n`;
    const json = await cli(["create", "--file", await file("keys.jsonl", content)]);
    expect(json.code).toBe(2);
    expect(json.stderr).toMatch(/row 1 \(line 1\): .*and 9,99\d more problems/);
    expect(json.stderr).toContain("row 3 (line 3):");
    for (const run of [wide, json]) for (const line of run.stderr.split("\n")) expect(line.length).toBeLessThan(1_500);
  });
});

describe("wording", () => {
  test("counts agree with their nouns: 1 column, 2 cells", async () => {
    const run = await cli(["create", "--file", await file("one-col.csv", "name\nA,B\n")]);
    expect(run.stderr).toContain("row 1 (line 2): 2 cells but the header names 1 column\n");
    expect(run.stderr).toContain("1 row of 1 is invalid");
  });

  test("--type's help gives each value its own line, in the spec's short help where it has one", async () => {
    const help = (await cli(["create", "--help"])).stdout;
    const typeHelp = help.slice(help.indexOf("  --type "), help.indexOf("  --search-by-domain "));
    const type = createImGroupRequestSchema.properties.type as {
      enum: readonly string[];
      enumDescriptions?: Record<string, string>;
    };
    expect(typeHelp).not.toMatch(/\.;|; \w+ -/);
    for (const value of type.enum) expect(typeHelp).toMatch(new RegExp(`\\n {30,}${value}\\b`));
    const flat = typeHelp.replace(/\s+/g, " ");
    for (const [value, text] of Object.entries(type.enumDescriptions ?? {}))
      expect(flat).toContain(`${value}: ${text}`);
    expect(help.replace(/\s+/g, " ")).toContain(
      `The group's name, unique within the account (required, at most ${NAME_MAX} characters)`,
    );
  });
});

// What is read at scale, not how fast: a speed figure (the parser is linear in rows and in a cell's length)
// belongs to bench/, where a busy machine cannot turn it into a failed test.
test("a 100,000-row CSV with quoted cells and a 1 MB quoted cell is read and checked", async () => {
  const rows = Array.from({ length: 100_000 }, (_, i) =>
    i % 3 ? `Group ${i},shared,yes` : `"Group, ""${i}""",normal,0`,
  );
  const long = `"${'""'.repeat(500_000)}",normal,0`;
  const path = await file("big.csv", `name,type,search_by_domain\n${rows.join("\n")}\n${long}\n`);
  const run = await cli(["create", "--file", path, "--dry-run", "--skip-invalid"]);
  expect(run.code).toBe(0);
  expect(run.stderr).toContain(`row 100001 (line 100002): name must be at most ${NAME_MAX} characters`);
  expect(run.stderr).toContain("100,000 rows would be sent");
}, 60_000);
