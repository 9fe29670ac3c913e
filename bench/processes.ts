import { type ChildProcess, spawn } from "node:child_process";

/** Spawns a process and resolves once its standard output matches `ready`, with the first group (its URL). */
export function spawnReady(command: string, args: string[], env: NodeJS.ProcessEnv, ready: RegExp) {
  const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "inherit"] });
  return new Promise<{ child: ChildProcess; url: string }>((resolve, reject) => {
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const url = output.match(ready)?.[1];
      if (!url) return;
      child.stdout?.removeAllListeners("data");
      child.stdout?.resume();
      resolve({ child, url });
    });
    child.on("exit", (code) => reject(new Error(`${args.join(" ")} exited with ${code}:\n${output}`)));
  });
}

/** Sends SIGTERM and waits for the process to exit. */
export async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.on("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

/** The line the built server prints once it listens. */
export const SERVER_READY = /已启动：(http:\/\/127\.0\.0\.1:\d+)/;
