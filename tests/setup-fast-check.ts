import fc from "fast-check";

// Property tests are reproducible in CI; FC_SEED=random (or a number) explores further locally.
const seed = process.env.FC_SEED;
if (seed !== "random") fc.configureGlobal({ seed: seed ? Number(seed) : 20261122 });
