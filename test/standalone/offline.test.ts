import { readFileSync } from "node:fs";
import { runInNewContext } from "node:vm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { registerOffline } from "../../src/standalone/offline";

/**
 * Offline once loaded (issue #17 point 4): the page registers its worker with the page's own folder as
 * scope, and the worker (src/standalone/service-worker.js, as webpack emits it) answers from its cache.
 */
const g = globalThis as { isSecureContext?: boolean };
afterEach(() => {
  delete g.isSecureContext;
});

describe("registerOffline", () => {
  it("registers ./sw.js with the page's folder as scope and resolves once the worker is ready", async () => {
    g.isSecureContext = true;
    const register = vi.fn(async () => ({}));
    const container = { register, ready: Promise.resolve({}) } as unknown as ServiceWorkerContainer;
    expect(await registerOffline(container)).toBe(true);
    expect(register).toHaveBeenCalledWith("./sw.js", { scope: "./" });
  });

  it("resolves false, without throwing, where there can be no worker", async () => {
    g.isSecureContext = true;
    const refusing = {
      register: async () => {
        throw new Error("SecurityError");
      },
      ready: new Promise(() => undefined),
    } as unknown as ServiceWorkerContainer;
    expect(await registerOffline(refusing)).toBe(false);
    expect(await registerOffline(undefined)).toBe(false);
    g.isSecureContext = false;
    const register = vi.fn();
    expect(await registerOffline({ register } as unknown as ServiceWorkerContainer)).toBe(false);
    expect(register).not.toHaveBeenCalled();
  });
});

/** The worker script run in a bare context with in-memory caches and a network that can be cut. */
function worker(precache: string[], version: string) {
  const SCOPE = "https://cchc.example.gov.vn/par/check/";
  const listeners: Record<string, (event: unknown) => void> = {};
  const stores = new Map<string, Map<string, string>>();
  let online = true;
  const fetched: string[] = [];
  class FakeRequest {
    url: string;
    method = "GET";
    mode = "no-cors";
    constructor(url: string | FakeRequest, init: { method?: string; mode?: string } = {}) {
      this.url = new URL(typeof url === "string" ? url : url.url, SCOPE).href;
      Object.assign(this, init);
    }
  }
  const network = async (r: FakeRequest | string) => {
    const url = typeof r === "string" ? r : r.url;
    fetched.push(url);
    if (!online) throw new TypeError("Failed to fetch");
    return `network:${url}`;
  };
  const caches = {
    open: async (name: string) => {
      const store = stores.get(name) ?? new Map<string, string>();
      stores.set(name, store);
      return {
        addAll: async (requests: FakeRequest[]) => {
          for (const r of requests) store.set(r.url, await network(r));
        },
        match: async (r: FakeRequest | string) => store.get(typeof r === "string" ? r : r.url),
      };
    },
    keys: async () => [...stores.keys()],
    delete: async (name: string) => stores.delete(name),
  };
  const self = {
    __PAR_PRECACHE__: precache,
    __PAR_VERSION__: version,
    registration: { scope: SCOPE },
    location: new URL(`${SCOPE}sw.js`),
    clients: { claim: async () => undefined },
    addEventListener: (type: string, fn: (event: unknown) => void) => {
      listeners[type] = fn;
    },
  };
  const code = readFileSync("src/standalone/service-worker.js", "utf8")
    .replace("self.__PAR_PRECACHE__", JSON.stringify(precache))
    .replace("self.__PAR_VERSION__", JSON.stringify(version));
  runInNewContext(code, { self, caches, fetch: network, Request: FakeRequest, URL, Promise });
  const lifecycle = async (type: string) => {
    let done: Promise<unknown> = Promise.resolve();
    listeners[type]({ waitUntil: (p: Promise<unknown>) => (done = p) });
    await done;
  };
  const request = async (url: string, init: { method?: string; mode?: string } = {}) => {
    let answer: Promise<unknown> | undefined;
    listeners.fetch({
      request: new FakeRequest(url, init),
      respondWith: (p: Promise<unknown>) => (answer = p),
    });
    return answer === undefined ? "not handled" : answer;
  };
  return { stores, fetched, lifecycle, request, goOffline: () => (online = false), SCOPE };
}

describe("the service worker", () => {
  it("keeps every listed file on install and serves the page and its chunks with the network gone", async () => {
    const w = worker(["./index.html", "../standalone.abc.js", "../974.def.js"], "v1");
    await w.lifecycle("install");
    expect([...(w.stores.get("par-index-check-v1")?.keys() ?? [])].sort()).toEqual([
      "https://cchc.example.gov.vn/par/974.def.js",
      "https://cchc.example.gov.vn/par/check/index.html",
      "https://cchc.example.gov.vn/par/standalone.abc.js",
    ]);
    w.goOffline();
    const before = w.fetched.length;
    expect(await w.request(w.SCOPE, { mode: "navigate" })).toBe(`network:${w.SCOPE}index.html`);
    expect(await w.request(`${w.SCOPE}?lang=en`, { mode: "navigate" })).toBe(`network:${w.SCOPE}index.html`);
    expect(await w.request("../974.def.js")).toBe("network:https://cchc.example.gov.vn/par/974.def.js");
    expect(w.fetched.length).toBe(before);
    await expect(w.request("../not-listed.js")).rejects.toThrow("Failed to fetch");
  });

  it("leaves other sites, non-GET requests and pages outside its scope to the browser", async () => {
    const w = worker(["./index.html"], "v1");
    await w.lifecycle("install");
    expect(await w.request("https://appsforoffice.microsoft.com/lib/1/hosted/office.js")).toBe("not handled");
    expect(await w.request("./upload", { method: "POST" })).toBe("not handled");
    // The add-in's page is outside the scope: no cached page instead of it (it is never controlled anyway).
    expect(await w.request("../taskpane.html", { mode: "navigate" })).toBe(
      "network:https://cchc.example.gov.vn/par/taskpane.html",
    );
  });

  it("on activation deletes its own older caches only", async () => {
    const old = worker(["./index.html"], "v1");
    await old.lifecycle("install");
    const next = worker(["./index.html"], "v2");
    for (const [name, store] of old.stores) next.stores.set(name, store);
    next.stores.set("someone-elses-cache", new Map());
    await next.lifecycle("install");
    await next.lifecycle("activate");
    expect([...next.stores.keys()].sort()).toEqual(["par-index-check-v2", "someone-elses-cache"]);
  });
});
