// The Content-Security-Policy (a nonce per page) and HSTS (over HTTPS only) come from proxy.ts.
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // scripts/serve.ts compresses (Brotli at a low quality costs less CPU than Next's gzip).
  compress: false,
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // `npm run typecheck` checks types (CI runs it before the tests); the build need not do it twice.
  typescript: { ignoreBuildErrors: true },
  serverExternalPackages: ["better-sqlite3", "pdfkit", "sharp"],
  async headers() {
    return [
      // The public status page and badge are meant to be embedded on the brand's own site.
      { source: "/((?!status/|api/public/).*)", headers: [...securityHeaders, { key: "X-Frame-Options", value: "DENY" }] },
      { source: "/(status|api/public)/:path*", headers: securityHeaders },
      // The service worker is checked for updates on every visit and may control the whole site.
      {
        source: "/sw.js",
        headers: [
          { key: "Cache-Control", value: "no-cache, no-store, must-revalidate" },
          { key: "Content-Type", value: "application/javascript; charset=utf-8" },
          { key: "Service-Worker-Allowed", value: "/" },
          { key: "Content-Security-Policy", value: "default-src 'self'; script-src 'self'" },
        ],
      },
    ];
  },
};

export default nextConfig;
