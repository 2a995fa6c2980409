import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // Model loading and index builds are slow on 2 cores; behaviour, not speed, is asserted.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
