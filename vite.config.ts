import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

export default defineConfig({
  root: "web",
  plugins: [react()],
  build: {
    outDir: "../dist/web",
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    port: 5173,
    // The API only: "/api" alone would also send the app's own web/api/*.ts modules to the server.
    proxy: { "^/api/(?!client\\.ts|schema\\.d\\.ts)": "http://127.0.0.1:3000" },
  },
});
