export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build" || process.env.REPLYHOUR_WORKER === "0") return;
  const { startWorker } = await import("./lib/worker");
  startWorker();
}
