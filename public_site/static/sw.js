/* The site's service worker: a second visit opens without a connection. It keeps the
   pages, scripts and the newest release's data (BERKAS, written in by the build) in a
   cache named after the build (VERSI, a digest of every file of the site), and anything
   else the reader opened (older releases, their geometry) once fetched; downloads always
   come from the network. Everything is answered from the cache first: the site changes
   only with a new build, and a new build changes this file, so the browser installs the
   new worker, which fetches the new files (past the HTTP cache), deletes the old cache
   and tells the open pages (luring.js says so and offers a reload). */
const VERSI = "__VERSI__";
const BERKAS = __BERKAS__;
const AWALAN = "pdar-publik-";
const NAMA = AWALAN + VERSI;

/* At a first visit the page has just fetched these files, so they come from the HTTP cache
   (no second download on a village connection); for a new build past it, so that a file
   the server lets browsers keep for an hour is not kept from the old release. */
self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const first = !(await caches.keys()).some((name) => name.startsWith(AWALAN));
    const cache = await caches.open(NAMA);
    await cache.addAll(BERKAS.map((path) => new Request(path, { cache: first ? "default" : "no-cache" })));
    await self.skipWaiting();
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    const old = (await caches.keys()).filter((name) => name.startsWith(AWALAN) && name !== NAMA);
    await Promise.all(old.map((name) => caches.delete(name)));
    await self.clients.claim();
    if (!old.length) return;  // a first visit: nothing was replaced
    const pages = await self.clients.matchAll({ type: "window" });
    pages.forEach((page) => page.postMessage({ jenis: "rilis-baru", versi: VERSI }));
  })());
});

/* The file of the site a request asks for (its query ignored: embed.html?indikator=...
   is embed.html), "" for what the worker leaves to the network. */
function fileOf(request) {
  const url = new URL(request.url);
  const scope = new URL(self.registration.scope);
  if (request.method !== "GET" || url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return "";
  const path = url.pathname.slice(scope.pathname.length);
  if (path.startsWith("unduh/")) return "";
  return path === "" || path.endsWith("/") ? `${path}index.html` : path;
}

async function answer(request, path) {
  const cache = await caches.open(NAMA);
  const key = new URL(path, self.registration.scope).href;
  const kept = await cache.match(key);
  if (kept) return kept;
  const fresh = await fetch(request);
  if (fresh.ok && fresh.type === "basic") await cache.put(key, fresh.clone());
  return fresh;
}

self.addEventListener("fetch", (event) => {
  const path = fileOf(event.request);
  if (path) event.respondWith(answer(event.request, path));
});
