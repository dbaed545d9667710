// The standalone page's service worker (emitted as check/sw.js by webpack.config.js, which replaces the
// two placeholders below with the build's file list and a version derived from it). Plain script, not
// bundled: a worker needs none of the page's code.
//
// - Scope: the standalone page's folder only (offline.ts registers it with scope "./"). The add-in's
//   pages live outside that folder, so a task pane inside Office is never controlled by this worker.
// - Install: every file the standalone page can load (its entry, every lazy chunk, ExcelJS included,
//   the web manifest and icons) is fetched into a cache named after the version.
// - Fetch: cache first, then the network; a navigation inside the scope gets the cached page, so the
//   checker opens with the network gone. Only GETs to this site are answered; nothing is ever sent out.
// - Update: a new build changes this file (its list holds content hashes); the browser installs the new
//   worker beside the old one, and it takes over once every tab of the old page is closed (an old page
//   still finds its own chunks in the old cache until then). Old caches are deleted on activation.
const PRECACHE = self.__PAR_PRECACHE__;
const VERSION = self.__PAR_VERSION__;
const PREFIX = "par-index-check-";
const CACHE = PREFIX + VERSION;
const PAGE = new URL("./index.html", self.registration.scope).href;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(PRECACHE.map((url) => new Request(url, { cache: "reload" })))),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  const inScope = request.url.startsWith(self.registration.scope);
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      // The page under any spelling ("./", "./index.html", "./?lang=en") is the cached page.
      const page = request.mode === "navigate" && inScope ? await cache.match(PAGE) : undefined;
      return page ?? (await cache.match(request)) ?? fetch(request);
    }),
  );
});
