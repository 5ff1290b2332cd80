// The bad-input suite with SOAK set (see vitest.soak.config.ts): 20x the generated payloads per endpoint.
import "../security/bad-input.test";
