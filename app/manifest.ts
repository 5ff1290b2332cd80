import type { MetadataRoute } from "next";

// Served at /manifest.webmanifest; installing opens the inbox in its own window.
export default function manifest(): MetadataRoute.Manifest {
  return {
    id: "/inbox",
    name: "Replyhour",
    short_name: "Replyhour",
    description: "Every comment answered within the hour.",
    start_url: "/inbox",
    scope: "/",
    display: "standalone",
    orientation: "any",
    background_color: "#ffffff",
    theme_color: "#1d4ed8",
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
