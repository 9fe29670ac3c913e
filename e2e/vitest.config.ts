import { defineConfig } from "vitest/config";

// Browser tests run against the built app (`npm run build` first), one server and one Chromium for the suite.
export default defineConfig({
  test: {
    include: ["e2e/**/*.e2e.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
