import { appendFile, mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import { type AuditCheckpoint, checkpointOf, newestValidCheckpoint } from "./audit.js";
import type { Db } from "./db.js";
import { type S3Settings, s3Objects } from "./files.js";

/**
 * Where the audit chain's signed checkpoints are kept, outside the audit table: a file in DATA_DIR, the log, and the
 * S3 bucket when one is configured. Whoever would cut the chain's tail must also reach every one of them.
 */
export type CheckpointSink = {
  write(checkpoint: AuditCheckpoint): Promise<void>;
  /** Every checkpoint this place holds (a sink that cannot be read back, like the log, holds none). */
  read(): Promise<unknown[]>;
};

const FILE_NAME = "audit-checkpoints.jsonl";

export function fileCheckpointSink(dataDir: string): CheckpointSink {
  const file = path.join(dataDir, FILE_NAME);
  return {
    async write(checkpoint) {
      await mkdir(dataDir, { recursive: true });
      await appendFile(file, `${JSON.stringify(checkpoint)}\n`, { mode: 0o600 });
    },
    async read() {
      const text = await readFile(file, "utf8").catch(() => "");
      return text.split("\n").flatMap((line) => {
        try {
          return line ? [JSON.parse(line)] : [];
        } catch {
          return [];
        }
      });
    },
  };
}

export function logCheckpointSink(log: { info(obj: object, msg: string): void }): CheckpointSink {
  return {
    async write(checkpoint) {
      log.info({ auditCheckpoint: checkpoint }, "审计检查点");
    },
    async read() {
      return [];
    },
  };
}

const S3_KEY = "audit-checkpoints/latest.json";

export function s3CheckpointSink(settings: S3Settings): CheckpointSink {
  const objects = s3Objects(settings);
  return {
    async write(checkpoint) {
      await objects.put(S3_KEY, JSON.stringify(checkpoint));
    },
    async read() {
      const response = await objects.get(S3_KEY);
      return response ? [await response.json()] : [];
    },
  };
}

export function checkpointSinks(
  config: { dataDir: string; s3?: S3Settings | undefined },
  log?: { info(obj: object, msg: string): void },
): CheckpointSink[] {
  return [
    fileCheckpointSink(config.dataDir),
    ...(log ? [logCheckpointSink(log)] : []),
    ...(config.s3 ? [s3CheckpointSink(config.s3)] : []),
  ];
}

/**
 * Signs the chain as it stands and writes the checkpoint to every sink; a sink that fails does not stop the others,
 * and is counted in the result (the scheduled job logs it).
 */
export async function writeCheckpoint(db: Db, sinks: readonly CheckpointSink[]) {
  const checkpoint = await checkpointOf(db);
  if (!checkpoint) return { count: 0, failedSinks: 0 };
  const settled = await Promise.allSettled(sinks.map((s) => s.write(checkpoint)));
  const failedSinks = settled.filter((r) => r.status === "rejected").length;
  if (failedSinks === sinks.length) throw new Error("no audit checkpoint sink could be written");
  return { count: checkpoint.count, failedSinks };
}

/** The newest checkpoint with a valid signature among every sink that can be read. */
export async function latestCheckpoint(sinks: readonly CheckpointSink[], key: Buffer): Promise<AuditCheckpoint | null> {
  const held = await Promise.all(sinks.map((s) => s.read().catch(() => [])));
  return newestValidCheckpoint(held.flat(), key);
}
