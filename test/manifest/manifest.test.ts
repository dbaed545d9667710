/**
 * Offline manifest check (office-addin-manifest validate posts to an online service): well-formed XML,
 * the element order the schema enforces, resource ids, commands wired to Office.actions.associate,
 * URLs served by the dev server and by the production build.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { SaxesParser } from "saxes";
import { describe, expect, it } from "vitest";
import { REQUIRED_EXCEL_API } from "../../src/excel/errors";

interface Node {
  name: string;
  attrs: Record<string, string>;
  children: Node[];
  text: string;
}

const root = join(import.meta.dirname, "..", "..");
const xml = readFileSync(join(root, "manifest.xml"), "utf8");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));

function parse(text: string): Node {
  const parser = new SaxesParser({ xmlns: false });
  const stack: Node[] = [{ name: "#doc", attrs: {}, children: [], text: "" }];
  parser.on("opentag", (t) => {
    const node: Node = {
      name: t.name,
      attrs: t.attributes as Record<string, string>,
      children: [],
      text: "",
    };
    stack[stack.length - 1].children.push(node);
    stack.push(node);
  });
  parser.on("text", (t) => {
    stack[stack.length - 1].text += t;
  });
  parser.on("closetag", () => {
    stack.pop();
  });
  parser.write(text).close();
  return stack[0].children[0];
}

function all(node: Node, pred: (n: Node) => boolean, out: Node[] = []): Node[] {
  if (pred(node)) out.push(node);
  for (const c of node.children) all(c, pred, out);
  return out;
}

function child(node: Node, name: string): Node | undefined {
  return node.children.find((c) => c.name === name);
}

/** Children must appear in this order (each name may be absent or repeat). */
function expectOrder(node: Node, order: string[]): void {
  const positions = node.children.map((c) => {
    const i = order.indexOf(c.name);
    expect(i, `${c.name} is not a valid child of ${node.name}`).toBeGreaterThanOrEqual(0);
    return i;
  });
  for (let k = 1; k < positions.length; k++) {
    expect(
      positions[k],
      `${node.children[k].name} after ${node.children[k - 1].name} in ${node.name}`,
    ).toBeGreaterThanOrEqual(positions[k - 1]);
  }
}

function pngSize(file: string): { w: number; h: number } {
  const b = readFileSync(file);
  expect(b.subarray(1, 4).toString("latin1")).toBe("PNG");
  return { w: b.readUInt32BE(16), h: b.readUInt32BE(20) };
}

const manifest = parse(xml);
const resources = all(manifest, (n) => n.name === "Resources")[0];
const defined = new Map<string, Node>();
for (const n of all(resources, (x) => "id" in x.attrs)) defined.set(n.attrs.id, n);
const urlOf = (resid: string) => defined.get(resid)?.attrs.DefaultValue ?? "";

describe("manifest.xml", () => {
  it("is a well-formed TaskPaneApp for Excel", () => {
    expect(manifest.name).toBe("OfficeApp");
    expect(manifest.attrs["xsi:type"]).toBe("TaskPaneApp");
    expect(all(manifest, (n) => n.name === "Host" && n.attrs.Name === "Workbook")).toHaveLength(1);
    expect(() => parse(xml.replace("</OfficeApp>", ""))).toThrow();
  });

  it("keeps the element order the schema requires", () => {
    expectOrder(manifest, [
      "Id",
      "AlternateId",
      "Version",
      "ProviderName",
      "DefaultLocale",
      "DisplayName",
      "Description",
      "IconUrl",
      "HighResolutionIconUrl",
      "SupportUrl",
      "AppDomains",
      "Hosts",
      "Requirements",
      "DefaultSettings",
      "Permissions",
      "Dictionary",
      "VersionOverrides",
    ]);
    const vo = child(manifest, "VersionOverrides") as Node;
    expectOrder(vo, ["Description", "Requirements", "Hosts", "Resources"]);
    const dff = all(vo, (n) => n.name === "DesktopFormFactor")[0];
    expectOrder(dff, ["GetStarted", "FunctionFile", "ExtensionPoint"]);
    for (const tab of all(vo, (n) => n.name === "CustomTab")) expectOrder(tab, ["Group", "Label"]);
    for (const group of all(vo, (n) => n.name === "Group")) expectOrder(group, ["Label", "Icon", "Control"]);
    for (const control of all(vo, (n) => n.name === "Control"))
      expectOrder(control, ["Label", "Supertip", "Icon", "Action"]);
    expectOrder(resources, ["bt:Images", "bt:Urls", "bt:ShortStrings", "bt:LongStrings"]);
  });

  it("has short unique resource ids and defines every one it references", () => {
    const ids = all(resources, (n) => "id" in n.attrs).map((n) => n.attrs.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id.length, id).toBeLessThanOrEqual(32);
    const controlIds = all(
      manifest,
      (n) => n.name === "Control" || n.name === "Group" || n.name === "CustomTab",
    ).map((n) => n.attrs.id);
    for (const id of controlIds) expect(id.length, id).toBeLessThanOrEqual(125);
    const refs = all(manifest, (n) => "resid" in n.attrs).map((n) => n.attrs.resid);
    expect(refs.length).toBeGreaterThan(10);
    for (const r of refs) expect(defined.has(r), `resid ${r} is not defined`).toBe(true);
    for (const id of ids) expect(refs, `resource ${id} is never used`).toContain(id);
  });

  it("has the three ribbon buttons: open pane, Kiểm tra, Xếp hạng", () => {
    const controls = all(manifest, (n) => n.name === "Control");
    const actions = controls.map((c) => child(c, "Action")?.attrs["xsi:type"]);
    expect(actions).toEqual(["ShowTaskpane", "ExecuteFunction", "ExecuteFunction"]);
    const labels = controls.map((c) => defined.get(child(c, "Label")?.attrs.resid ?? ""));
    const vi = labels.map((l) => l?.children.find((o) => o.attrs.Locale === "vi-VN")?.attrs.Value);
    expect(vi).toEqual(["Mở ngăn", "Kiểm tra", "Xếp hạng"]);
    const tab = all(manifest, (n) => n.name === "CustomTab")[0];
    expect(urlOf(child(tab, "Label")?.attrs.resid ?? "")).toBe("PAR Index");
  });

  it("registers every ExecuteFunction with Office.actions.associate in src/commands", () => {
    const names = all(manifest, (n) => n.name === "FunctionName").map((n) => n.text.trim());
    const source = readdirSync(join(root, "src/commands"))
      .filter((f) => f.endsWith(".ts"))
      .map((f) => readFileSync(join(root, "src/commands", f), "utf8"))
      .join("\n");
    const associated = [...source.matchAll(/actions\.associate\(\s*"([^"]+)"/g)].map((m) => m[1]);
    expect(names.length).toBe(2);
    for (const n of names) expect(associated, `FunctionName ${n}`).toContain(n);
  });

  it("points FunctionFile at an HTML page and ShowTaskpane at the pane", () => {
    const ff = all(manifest, (n) => n.name === "FunctionFile")[0];
    expect(urlOf(ff.attrs.resid)).toMatch(/\/commands\.html$/);
    const show = all(manifest, (n) => n.name === "Action" && n.attrs["xsi:type"] === "ShowTaskpane")[0];
    expect(child(show, "TaskpaneId")?.text.trim()).toBeTruthy();
    expect(urlOf(child(show, "SourceLocation")?.attrs.resid ?? "")).toBe(
      child(child(manifest, "DefaultSettings") as Node, "SourceLocation")?.attrs.DefaultValue,
    );
  });

  it("declares the same minimum ExcelApi the code checks at run time, low enough for Excel 2019", () => {
    const set = all(
      child(manifest, "Requirements") as Node,
      (n) => n.name === "Set" && n.attrs.Name === "ExcelApi",
    )[0];
    expect(set.attrs.MinVersion).toBe(REQUIRED_EXCEL_API);
    expect(Number(set.attrs.MinVersion.split(".")[1])).toBeLessThanOrEqual(8);
  });

  it("is localised to vi-VN everywhere a user reads it", () => {
    const texts = [
      child(manifest, "DisplayName"),
      child(manifest, "Description"),
      ...all(resources, (n) => n.name === "bt:String"),
    ];
    for (const t of texts) {
      const over = t?.children.find(
        (c) => (c.name === "Override" || c.name === "bt:Override") && c.attrs.Locale === "vi-VN",
      );
      expect(over?.attrs.Value, t?.attrs.id ?? t?.name).toBeTruthy();
    }
  });

  it("uses only dev-server URLs that the build serves, with icons of the declared sizes", async () => {
    const port = pkg.config.dev_server_port;
    const urls = [...xml.matchAll(/https?:\/\/[^"<\s]+/g)]
      .map((m) => m[0])
      .filter((u) => !u.startsWith("http://schemas.microsoft.com") && !u.startsWith("http://www.w3.org"));
    expect(urls.length).toBeGreaterThan(10);
    const { default: config } = await import("../../webpack.config.js");
    const built = await config({}, { mode: "production" });
    const pages = built.plugins
      .map((p: { userOptions?: { filename?: string } }) => p.userOptions?.filename)
      .filter(Boolean);
    for (const u of urls) {
      expect(u.startsWith(`https://localhost:${port}`), u).toBe(true);
      const path = u.slice(`https://localhost:${port}/`.length);
      if (path === "" || u === `https://localhost:${port}`) continue;
      if (path.startsWith("assets/")) readFileSync(join(root, path));
      else expect(pages, path).toContain(path);
    }
    for (const img of all(manifest, (n) => n.name === "bt:Image" && "size" in n.attrs)) {
      const size = Number(img.attrs.size);
      const file = urlOf(img.attrs.resid).replace(`https://localhost:${port}/`, "");
      expect(pngSize(join(root, file))).toEqual({ w: size, h: size });
    }
    const icon = (name: string) =>
      (child(manifest, name)?.attrs.DefaultValue ?? "").replace(`https://localhost:${port}/`, "");
    expect(pngSize(join(root, icon("IconUrl"))).w).toBe(32);
    expect(pngSize(join(root, icon("HighResolutionIconUrl"))).w).toBe(64);
  });

  it("is rewritten for production with no localhost left, still well-formed", async () => {
    const { rewriteManifest } = await import("../../webpack.config.js");
    const out: string = rewriteManifest(xml, "https://cchc.example.gov.vn/par");
    expect(out).not.toMatch(/localhost/);
    const m = parse(out);
    expect(all(m, (n) => n.name === "AppDomain")[0].text).toBe("https://cchc.example.gov.vn");
    expect(all(m, (n) => n.attrs.id === "Commands.Url")[0].attrs.DefaultValue).toBe(
      "https://cchc.example.gov.vn/par/commands.html",
    );
  });

  it("serves pages with a CSP that allows only the page itself and Office's CDN; the standalone pages only the site", async () => {
    const { CSP, STANDALONE_CSP, OFFICE_JS, default: config } = await import("../../webpack.config.js");
    const hosts = (csp: string) => [...csp.matchAll(/https?:\/\/[^\s;']+/g)].map((m) => m[0]);
    expect(hosts(CSP)).toEqual(["https://appsforoffice.microsoft.com"]);
    expect(CSP).toMatch(/connect-src 'self'/);
    // Outside Office nothing but the site itself: no CDN, no eval, the worker and manifest from the site.
    expect(hosts(STANDALONE_CSP)).toEqual([]);
    expect(STANDALONE_CSP).not.toMatch(/unsafe-eval/);
    for (const directive of ["default-src", "script-src", "connect-src", "worker-src", "manifest-src"])
      expect(STANDALONE_CSP).toContain(`${directive} 'self';`);
    expect(OFFICE_JS.startsWith("https://appsforoffice.microsoft.com/")).toBe(true);
    const built = await config({}, { mode: "production" });
    expect(Object.keys(built.entry).sort()).toEqual(["commands", "standalone", "taskpane"]);
    const pages = built.plugins.filter((p) => p.userOptions?.filename?.endsWith(".html"));
    expect(pages.map((p) => p.userOptions?.filename).sort()).toEqual([
      "check/index.html",
      "commands.html",
      "help.html",
      "index.html",
      "taskpane.html",
    ]);
    for (const p of pages) {
      const name = String(p.userOptions?.filename);
      const standalone = name === "index.html" || name.startsWith("check/");
      const expected = standalone ? STANDALONE_CSP : CSP;
      const own = p.userOptions?.templateContent;
      if (typeof own === "string") {
        const csp = own.indexOf(`<meta http-equiv="Content-Security-Policy" content="${expected}">`);
        expect(csp, name).toBeGreaterThan(0);
        if (standalone) expect(own).not.toContain(OFFICE_JS);
        else expect(csp).toBeLessThan(own.indexOf(`<script src="${OFFICE_JS}">`));
      } else {
        // The page's own template writes the CSP once, first in <head>, from the value given to it.
        expect(p.userOptions?.templateParameters?.csp, name).toBe(expected);
        const template = readFileSync(String(p.userOptions?.template), "utf8");
        const metas = template.match(/http-equiv="Content-Security-Policy"/g) ?? [];
        expect(metas).toHaveLength(1);
        const firstTag = Math.min(
          ...["<script", "<link"].map((tag) => template.indexOf(tag)).filter((i) => i >= 0),
        );
        expect(template.indexOf('content="<%= csp %>"')).toBeLessThan(firstTag);
        if (standalone) expect(template).not.toContain("appsforoffice");
        expect(p.userOptions?.meta).toBeUndefined();
      }
    }
  });
});
