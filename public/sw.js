// Replyhour's service worker: keeps the app shell (static assets, icons, the offline page), shows
// push notifications and opens their conversation when tapped. Pages and data always come from the
// network; when it is away a navigation gets the offline page, never a stored copy of a page.
const VERSION = "replyhour-shell-v1";
const SHELL = ["/offline", "/manifest.webmanifest", "/icons/icon-192.png", "/icons/icon-512.png", "/icons/badge-96.png"];

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(VERSION)
      .then((cache) => cache.addAll(SHELL.map((url) => new Request(url, { cache: "reload", credentials: "same-origin" }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name !== VERSION).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

function isShellAsset(url) {
  // Next's build assets carry a content hash in their name, so a kept copy is never out of date.
  return url.pathname.startsWith("/_next/static/") || url.pathname.startsWith("/icons/") || url.pathname === "/manifest.webmanifest";
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    event.respondWith(fetch(request).catch(() => caches.match("/offline", { cacheName: VERSION }).then((page) => page || Response.error())));
    return;
  }
  if (isShellAsset(url)) {
    event.respondWith(
      caches.open(VERSION).then((cache) =>
        cache.match(request).then(
          (kept) =>
            kept ||
            fetch(request).then((response) => {
              if (response.ok) cache.put(request, response.clone());
              return response;
            }),
        ),
      ),
    );
  }
  // Everything else (API, live updates, page data) goes to the network untouched.
});

// Only paths of this site open from a notification.
function targetOf(data) {
  try {
    const url = new URL(data && typeof data.url === "string" ? data.url : "/inbox", self.location.origin);
    return url.origin === self.location.origin ? url.href : new URL("/inbox", self.location.origin).href;
  } catch {
    return new URL("/inbox", self.location.origin).href;
  }
}

self.addEventListener("push", (event) => {
  let data = {};
  try {
    data = event.data ? event.data.json() : {};
  } catch {
    data = { body: event.data ? event.data.text() : "" };
  }
  event.waitUntil(
    self.registration.showNotification(data.title || "Replyhour", {
      body: data.body || "",
      tag: data.tag || undefined,
      icon: "/icons/icon-192.png",
      badge: "/icons/badge-96.png",
      lang: data.lang || undefined,
      timestamp: data.at || Date.now(),
      data: { url: targetOf(data) },
    }),
  );
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const target = targetOf(event.notification.data);
  event.waitUntil(
    self.clients.matchAll({ type: "window", includeUncontrolled: true }).then(async (windows) => {
      const open = windows.find((client) => new URL(client.url).origin === self.location.origin);
      // navigate() works on windows this worker controls; any other case opens a new window.
      const moved = open ? await open.navigate(target).catch(() => null) : null;
      if (moved) {
        await moved.focus().catch(() => undefined);
        return;
      }
      await self.clients.openWindow(target);
    }),
  );
});
