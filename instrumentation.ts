export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Sign-in limits need the real peer address to decide whose X-Forwarded-For to believe.
  const { recordPeerAddresses } = await import("./lib/security/client-address");
  await recordPeerAddresses();
  if (process.env.NEXT_PHASE === "phase-production-build" || process.env.REPLYHOUR_WORKER === "0") return;
  const { startWorker } = await import("./lib/worker");
  startWorker();
}
