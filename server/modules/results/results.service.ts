import { rm } from "node:fs/promises";
import { and, desc, eq, isNotNull, lte, ne, or, sql } from "drizzle-orm";
import { uuidv7 } from "uuidv7";
import { EXAM_LABELS, type Exam, RESULT_KIND_LABELS, type ResultKind } from "../../../common/vocabulary.js";
import { type AuditActor, appendAudit } from "../../platform/audit.js";
import { assertMay, type Caller } from "../../platform/auth.js";
import type { PersonalDataCipher } from "../../platform/crypto.js";
import { type Db, resultRows } from "../../platform/db.js";
import { AppError, errors } from "../../platform/errors.js";
import type { Jobs } from "../../platform/jobs.js";
import type { Counter } from "../../platform/limiter.js";
import { users } from "../accounts/index.js";
import { checkLine, type Layout, layoutOf, openRowSource } from "./results.file.js";
import { createIndexBuilder, type LineValues, type ResultIndex, VERIFIER_BYTES } from "./results.index.js";
import { type ImportProblem, type ResultBatchRow, resultBatches, resultEntries } from "./results.tables.js";

const KEPT_PROBLEMS = 1000;
const INSERT_CHUNK = 10_000;
const LOAD_PAGE = 20_000;
const PROGRESS_EVERY_LINES = 20_000;
/** An import reported "running" but untouched this long was cut off, and may be started again. */
const STALE_IMPORT_MS = 10 * 60_000;

const IMPORT_QUEUE = "results.import";
type ImportJob = { batchId: string; filePath: string; fileName: string; actor: AuditActor };

export type NewBatch = { exam: Exam; kind: ResultKind; year: number; title: string };
export type LookupQuery = { examNumber: string; idNumber: string; name: string };

type BatchMeta = Pick<
  ResultBatchRow,
  "id" | "exam" | "kind" | "year" | "title" | "subjects" | "publishAt" | "version" | "rowCount"
>;

const batchMetaColumns = {
  id: resultBatches.id,
  exam: resultBatches.exam,
  kind: resultBatches.kind,
  year: resultBatches.year,
  title: resultBatches.title,
  subjects: resultBatches.subjects,
  publishAt: resultBatches.publishAt,
  version: resultBatches.version,
  rowCount: resultBatches.rowCount,
};

const noMatch = () => new AppError("RESULT_NO_MATCH");
const batchNotOpen = () => new AppError("RESULT_BATCH_NOT_OPEN");

const isPublished = (batch: { publishAt: Date | null }, now = Date.now()) =>
  batch.publishAt !== null && batch.publishAt.getTime() <= now;

/**
 * Exam results: batches imported whole or not at all, published at a set time, and looked up by exam number + ID
 * number + name. Lookups never touch the database: each process holds every imported batch in a `ResultIndex`,
 * refreshed when a batch's version changes (see `refresh`), and counts lookups in memory until the next refresh.
 */
const numberKey = (batchId: string, examNumber: string) => `${batchId}-${examNumber.toUpperCase()}`;

export function createResultsService(deps: {
  db: Db;
  /** Where an import from the web runs; the command line and benchmarks import in their own process. */
  jobs?: Jobs;
  cipher: PersonalDataCipher;
  log: { info(obj: object, msg: string): void; error(obj: object, msg: string): void };
  /**
   * Wrong lookups of one exam number of a batch, whoever asks (portal or partner app), and how many put the number
   * "under guessing". Only failures count, and a right answer is never refused for them, so a stranger's guesses
   * cannot keep a candidate from their result; a number under guessing is answered only where each try costs a
   * captcha (the portal), not to partner apps. Only the server answers lookups; the CLI and benchmarks leave it out.
   */
  failuresPerNumber?: { counter: Counter; escalateAfter: number };
}) {
  const { db, cipher } = deps;
  let batches = new Map<string, BatchMeta>();
  const indexes = new Map<string, { version: number; index: ResultIndex }>();
  const counters = new Map<string, { lookups: number; matches: number }>();
  const importProgress = new Map<string, number>();
  let refreshing: Promise<void> | null = null;

  const verifierOf = (line: { examNumber: string; idNumber: string; name: string }) =>
    cipher.blindIndex(`${line.examNumber}|${line.idNumber}|${line.name}`).slice(0, VERIFIER_BYTES * 2);

  function count(batchId: string, matched: boolean) {
    const counter = counters.get(batchId) ?? { lookups: 0, matches: 0 };
    counter.lookups++;
    if (matched) counter.matches++;
    counters.set(batchId, counter);
  }

  async function flushCounters() {
    const pending = [...counters];
    counters.clear();
    for (const [id, { lookups, matches }] of pending) {
      await db
        .update(resultBatches)
        .set({
          lookupCount: sql`${resultBatches.lookupCount} + ${lookups}`,
          matchCount: sql`${resultBatches.matchCount} + ${matches}`,
        })
        .where(eq(resultBatches.id, id));
    }
  }

  /** Reads a batch's lines page by page; a version that changed meanwhile means a mixed read, so it is discarded. */
  async function loadIndex(batch: BatchMeta): Promise<void> {
    const builder = createIndexBuilder(batch.subjects.length);
    let after = "";
    for (;;) {
      // Scores as text: parsing a smallint[] per row costs more than the rest of the load together.
      const result = await db.execute(sql`
        select exam_number as "examNumber", verifier, array_to_string(scores, ',') as scores, total,
          university, major, admission_batch as "admissionBatch"
        from result_entries where batch_id = ${batch.id} and exam_number > ${after}
        order by batch_id, exam_number limit ${LOAD_PAGE}`);
      const page = resultRows<{ examNumber: string; verifier: string; scores: string } & LineTexts>(result);
      for (const line of page) builder.add({ ...line, scores: line.scores ? line.scores.split(",").map(Number) : [] });
      const last = page.at(-1);
      if (!last || page.length < LOAD_PAGE) break;
      after = last.examNumber;
    }
    const [now] = await db
      .select({ version: resultBatches.version })
      .from(resultBatches)
      .where(eq(resultBatches.id, batch.id));
    if (now?.version === batch.version) indexes.set(batch.id, { version: batch.version, index: builder.build() });
  }

  async function refreshOnce(): Promise<void> {
    await flushCounters();
    const rows = await db.select(batchMetaColumns).from(resultBatches);
    batches = new Map(rows.map((row) => [row.id, row]));
    for (const id of indexes.keys()) if (!batches.has(id)) indexes.delete(id);
    for (const batch of rows) {
      if (batch.version > 0 && indexes.get(batch.id)?.version !== batch.version) {
        const started = Date.now();
        await loadIndex(batch);
        deps.log.info({ batch: batch.id, rows: batch.rowCount, ms: Date.now() - started }, "已载入成绩批次");
      }
    }
  }

  /** Brings this process up to date with the database: batch settings, and an index for each new version. */
  function refresh(): Promise<void> {
    refreshing ??= refreshOnce().finally(() => {
      refreshing = null;
    });
    return refreshing;
  }

  /** This process sees its own changes at once; the others on their next refresh. */
  function remember(row: ResultBatchRow) {
    const { id, exam, kind, year, title, subjects, publishAt, version, rowCount } = row;
    batches.set(id, { id, exam, kind, year, title, subjects, publishAt, version, rowCount });
  }

  async function batchRow(id: string): Promise<ResultBatchRow> {
    const [row] = await db.select().from(resultBatches).where(eq(resultBatches.id, id));
    if (!row) throw errors.notFound("成绩批次");
    return row;
  }

  function view(row: ResultBatchRow) {
    const unflushed = counters.get(row.id);
    return {
      id: row.id,
      exam: row.exam,
      kind: row.kind,
      year: row.year,
      title: row.title,
      subjects: row.subjects,
      rowCount: row.rowCount,
      publishAt: row.publishAt?.toISOString() ?? null,
      published: isPublished(row),
      importState: row.importState,
      importProgress: row.importState === "running" ? (importProgress.get(row.id) ?? null) : null,
      importFileName: row.importFileName,
      importMessage: row.importMessage,
      importProblemCount: row.importProblemCount,
      importProblems: row.importProblems,
      importedAt: row.importedAt?.toISOString() ?? null,
      lookupCount: row.lookupCount + (unflushed?.lookups ?? 0),
      matchCount: row.matchCount + (unflushed?.matches ?? 0),
      createdAt: row.createdAt.toISOString(),
    };
  }

  /** The batch's import, claimed: refused while another runs, unless that one stopped reporting progress. */
  async function claimImport(tx: Db, id: string, fileName: string): Promise<ResultBatchRow> {
    const [batch] = await tx
      .update(resultBatches)
      .set({ importState: "running", importFileName: fileName, importUpdatedAt: new Date() })
      .where(
        and(
          eq(resultBatches.id, id),
          or(
            ne(resultBatches.importState, "running"),
            lte(resultBatches.importUpdatedAt, new Date(Date.now() - STALE_IMPORT_MS)),
          ),
        ),
      )
      .returning();
    if (!batch) {
      await batchRow(id);
      throw new AppError("RESULT_IMPORT_RUNNING");
    }
    importProgress.set(id, 0);
    return batch;
  }

  /** Runs a claimed import to its end: succeeded, or failed with a message the administrator can act on. */
  async function importNow(actor: AuditActor, batch: ResultBatchRow, filePath: string, fileName: string) {
    try {
      await runImport(actor, batch, filePath, fileName);
    } catch (error) {
      const message = error instanceof AppError ? error.message : "导入时发生意外错误，未导入任何数据";
      if (!(error instanceof AppError)) deps.log.error({ err: error, batch: batch.id }, "成绩导入失败");
      await finishImport(batch.id, {
        importState: "failed",
        importProblemCount: 0,
        importProblems: [],
        importMessage: message,
      });
    }
    return view(await batchRow(batch.id));
  }

  /** The import job: run again after a restart, it finds its batch still running and imports from the start. */
  deps.jobs?.define<ImportJob>(
    IMPORT_QUEUE,
    async ({ batchId, filePath, fileName, actor }) => {
      const batch = await batchRow(batchId);
      if (batch.importState === "running") await importNow(actor, batch, filePath, fileName);
      await rm(filePath, { force: true });
    },
    { retryLimit: 1, expireInSeconds: STALE_IMPORT_MS / 1000 },
  );

  async function finishImport(id: string, values: Partial<ResultBatchRow>) {
    importProgress.delete(id);
    await db
      .update(resultBatches)
      .set({ ...values, importUpdatedAt: new Date() })
      .where(eq(resultBatches.id, id));
  }

  /**
   * Checks every line first, keeping what a lookup needs in a fresh index; any bad line fails the whole import and
   * nothing changes. Otherwise the lines replace the batch's old ones in one transaction, and the new index replaces
   * the old one here at once (other processes rebuild theirs on their next refresh).
   */
  async function runImport(actor: AuditActor, batch: ResultBatchRow, filePath: string, fileName: string) {
    const started = Date.now();
    const checked = await checkFile(batch, filePath);
    if (checked.problemCount) {
      await finishImport(batch.id, {
        importState: "failed",
        importProblemCount: checked.problemCount,
        importProblems: checked.problems,
        importMessage: `共 ${checked.problemCount} 行有误，未导入任何数据。请修正后重新导入。`,
      });
      return;
    }
    const checkedMs = Date.now() - started;
    const index = checked.builder.build();
    const version = await writeLines(actor, batch, checked.layout, index, checked.personIndexes, fileName);
    indexes.set(batch.id, { version, index });
    importProgress.delete(batch.id);
    deps.log.info({ batch: batch.id, rows: index.size, checkedMs, totalMs: Date.now() - started }, "成绩导入完成");
  }

  /** Reads the whole file: the good lines into an index builder, the bad ones (the first KEPT_PROBLEMS) with why. */
  async function checkFile(batch: ResultBatchRow, filePath: string) {
    const source = await openRowSource(filePath);
    const lines = source.rows[Symbol.asyncIterator]();
    const header = await lines.next();
    if (header.done) throw new AppError("RESULT_FILE_EMPTY");
    const layout = layoutOf(header.value, batch.exam, batch.kind);
    const builder = createIndexBuilder(layout.subjects.length);
    const personIndexes: string[] = [];
    const lineOfNumber = new Map<string, number>();
    const lineOfPerson = new Map<string, number>();
    const problems: ImportProblem[] = [];
    let problemCount = 0;
    let lineNumber = 1;
    const report = (messages: string[]) => {
      problemCount++;
      if (problems.length < KEPT_PROBLEMS) problems.push({ row: lineNumber, messages });
    };
    for await (const cells of { [Symbol.asyncIterator]: () => lines }) {
      lineNumber++;
      if (lineNumber % PROGRESS_EVERY_LINES === 0) {
        await reportProgress(batch.id, (60 * source.bytesRead()) / source.size);
      }
      const line = checkLine(cells, layout);
      if (Array.isArray(line)) {
        report(line);
        continue;
      }
      const personIndex = cipher.blindIndex(line.idNumber);
      const sameNumber = lineOfNumber.get(line.examNumber);
      const samePerson = lineOfPerson.get(personIndex);
      if (sameNumber !== undefined || samePerson !== undefined) {
        report(
          [
            sameNumber === undefined ? "" : `准考证号与第 ${sameNumber} 行重复`,
            samePerson === undefined ? "" : `身份证号与第 ${samePerson} 行重复`,
          ].filter(Boolean),
        );
        continue;
      }
      lineOfNumber.set(line.examNumber, lineNumber);
      lineOfPerson.set(personIndex, lineNumber);
      builder.add({ ...line, verifier: verifierOf(line) });
      personIndexes.push(personIndex);
    }
    if (lineNumber === 1) throw new AppError("RESULT_FILE_EMPTY", "文件只有表头，没有考生数据");
    return { layout, builder, personIndexes, problems, problemCount };
  }

  async function reportProgress(id: string, percent: number) {
    importProgress.set(id, Math.min(99, Math.round(percent)));
    await db.update(resultBatches).set({ importUpdatedAt: new Date() }).where(eq(resultBatches.id, id));
  }

  async function writeLines(
    actor: AuditActor,
    batch: ResultBatchRow,
    layout: Layout,
    index: ResultIndex,
    personIndexes: string[],
    fileName: string,
  ): Promise<number> {
    return db.transaction(async (tx) => {
      await tx.delete(resultEntries).where(eq(resultEntries.batchId, batch.id));
      for (let start = 0; start < index.size; start += INSERT_CHUNK) {
        importProgress.set(batch.id, Math.round(60 + (39 * start) / index.size));
        const chunk: LineValues[] = [];
        for (let row = start; row < Math.min(start + INSERT_CHUNK, index.size); row++) chunk.push(index.line(row));
        await insertChunk(tx, batch.id, chunk, personIndexes.slice(start, start + chunk.length));
      }
      // Fresh statistics, or the planner takes a million new rows for a few and sorts instead of reading the index.
      await tx.execute(sql`analyze result_entries`);
      const [updated] = await tx
        .update(resultBatches)
        .set({
          subjects: layout.subjects.map((subject) => subject.name),
          rowCount: index.size,
          version: sql`${resultBatches.version} + 1`,
          importState: "succeeded",
          importFileName: fileName,
          importProblemCount: 0,
          importProblems: [],
          importMessage: null,
          importUpdatedAt: new Date(),
          importedAt: new Date(),
        })
        .where(eq(resultBatches.id, batch.id))
        .returning();
      await appendAudit(tx, actor, {
        action: "results.import",
        targetType: "result_batch",
        targetId: batch.id,
        summary: `导入“${batch.title}”${index.size} 名考生（文件 ${fileName}）`,
        after: { rowCount: index.size, fileName },
      });
      if (updated) remember(updated);
      return updated?.version ?? 0;
    });
  }

  return {
    refresh,

    /** Keeps this process current: a refresh every `everyMs`; returns the function that stops it. */
    start(everyMs: number): () => void {
      const tick = () =>
        refresh().catch((error: unknown) => deps.log.error({ err: error }, "成绩批次刷新失败，稍后重试"));
      void tick();
      const timer = setInterval(tick, everyMs);
      timer.unref();
      return () => {
        clearInterval(timer);
        return refresh();
      };
    },

    async create(caller: Caller, input: NewBatch) {
      const actor = assertMay(caller, "results.manage");
      const id = uuidv7();
      return db.transaction(async (tx) => {
        const [row] = await tx
          .insert(resultBatches)
          .values({ id, ...input, createdBy: actor.id })
          .returning();
        await appendAudit(tx, actor, {
          action: "results.create_batch",
          targetType: "result_batch",
          targetId: id,
          summary: `新建${EXAM_LABELS[input.exam]}${RESULT_KIND_LABELS[input.kind]}批次“${input.title}”`,
          after: input,
        });
        remember(row as ResultBatchRow);
        return view(row as ResultBatchRow);
      });
    },

    async list(caller: Caller) {
      assertMay(caller, "results.manage");
      const rows = await db.select().from(resultBatches).orderBy(desc(resultBatches.createdAt));
      return rows.map(view);
    },

    async get(caller: Caller, id: string) {
      assertMay(caller, "results.manage");
      return view(await batchRow(id));
    },

    /**
     * Marks the import as running (refused while another runs) and returns; `run` does the work, which the command
     * line and the demo seeding simply await.
     */
    async beginImport(caller: Caller, id: string, filePath: string, fileName: string) {
      const actor = assertMay(caller, "results.manage");
      const batch = await claimImport(db, id, fileName);
      return { batch: view(batch), run: () => importNow(actor, batch, filePath, fileName) };
    },

    /**
     * Marks the import as running and leaves the work to a job, so that the page can follow its progress and a
     * restart resumes it (the job runs again from the file, which stays until the import has ended).
     */
    async queueImport(caller: Caller, id: string, filePath: string, fileName: string) {
      const actor = assertMay(caller, "results.manage");
      if (!deps.jobs) throw new Error("results imports need the job queue");
      const { jobs } = deps;
      const batch = await db.transaction(async (tx) => {
        const claimed = await claimImport(tx, id, fileName);
        await jobs.send(tx, IMPORT_QUEUE, { batchId: id, filePath, fileName, actor } satisfies ImportJob);
        return claimed;
      });
      jobs.wake(IMPORT_QUEUE);
      return view(batch);
    },

    async setPublishAt(caller: Caller, id: string, publishAt: Date | null) {
      const actor = assertMay(caller, "results.manage");
      const batch = await batchRow(id);
      if (publishAt && batch.rowCount === 0) {
        throw new AppError("RESULT_BATCH_EMPTY");
      }
      return db.transaction(async (tx) => {
        const [row] = await tx.update(resultBatches).set({ publishAt }).where(eq(resultBatches.id, id)).returning();
        await appendAudit(tx, actor, {
          action: publishAt ? "results.schedule" : "results.withdraw",
          targetType: "result_batch",
          targetId: id,
          summary: publishAt
            ? `设定“${batch.title}”发布时间为 ${publishAt.toISOString()}`
            : `撤回“${batch.title}”，停止查询`,
          before: { publishAt: batch.publishAt },
          after: { publishAt },
        });
        remember(row as ResultBatchRow);
        return view(row as ResultBatchRow);
      });
    },

    /** The batches open for lookup now, newest first; answered from memory. */
    published() {
      const now = Date.now();
      return [...batches.values()]
        .filter((batch) => isPublished(batch, now) && batch.version > 0)
        .sort((a, b) => (b.publishAt?.getTime() ?? 0) - (a.publishAt?.getTime() ?? 0))
        .map(({ id, exam, kind, year, title, publishAt }) => ({
          id,
          exam,
          kind,
          year,
          title,
          publishAt: publishAt?.toISOString() ?? "",
        }));
    },

    /**
     * One candidate's line. Any mismatch, including an exam number that does not exist, gives the same answer in the
     * same time, so the endpoint cannot be used to learn which numbers exist.
     */
    /** Whether this exam number has had so many wrong lookups lately that only captcha-guarded lookups may try it. */
    async underGuessing(batchId: string, examNumber: string): Promise<boolean> {
      const failures = deps.failuresPerNumber;
      if (!failures) return false;
      return (await failures.counter.count(numberKey(batchId, examNumber))) >= failures.escalateAfter;
    },

    async lookup(batchId: string, query: LookupQuery) {
      const batch = batches.get(batchId);
      if (!batch || !isPublished(batch)) throw batchNotOpen();
      const loaded = indexes.get(batchId);
      if (!loaded) throw new AppError("RESULTS_LOADING");
      const row = loaded.index.find(query.examNumber, verifierOf(query));
      count(batchId, row >= 0);
      if (row < 0) {
        await deps.failuresPerNumber?.counter.add(numberKey(batchId, query.examNumber));
        throw noMatch();
      }
      return resultView(batch, loaded.index.line(row), query.name);
    },

    /** Every published line of a signed-in person, found by their real-name ID number. */
    async mine(userId: string) {
      const [user] = await db
        .select({ name: users.name, idNumber: users.idNumberEncrypted, idIndex: users.idNumberIndex })
        .from(users)
        .where(eq(users.id, userId));
      if (!user?.idNumber || !user.idIndex) return [];
      const idNumber = cipher.decrypt(user.idNumber);
      const lines = await db
        .select({ batchId: resultEntries.batchId, line: resultEntries })
        .from(resultEntries)
        .innerJoin(resultBatches, eq(resultBatches.id, resultEntries.batchId))
        .where(
          and(
            eq(resultEntries.personIndex, user.idIndex),
            isNotNull(resultBatches.publishAt),
            lte(resultBatches.publishAt, new Date()),
          ),
        )
        .orderBy(desc(resultBatches.publishAt));
      return lines.flatMap(({ batchId, line }) => {
        const batch = batches.get(batchId);
        const own = line.verifier === verifierOf({ examNumber: line.examNumber, idNumber, name: user.name });
        return batch && own ? [resultView(batch, line, user.name)] : [];
      });
    },
  };
}

type LineTexts = {
  total: number | null;
  university: string | null;
  major: string | null;
  admissionBatch: string | null;
};

function resultView(batch: BatchMeta, line: LineValues, name: string) {
  const points = (tenths: number) => tenths / 10;
  return {
    batch: { id: batch.id, exam: batch.exam, kind: batch.kind, year: batch.year, title: batch.title },
    examNumber: line.examNumber,
    name,
    scores: batch.subjects.flatMap((subject, i) => {
      const score = line.scores[i] ?? -1;
      return score < 0 ? [] : [{ subject, score: points(score) }];
    }),
    total: line.total === null ? null : points(line.total),
    admission:
      line.university === null
        ? null
        : { university: line.university, major: line.major ?? "", batch: line.admissionBatch ?? "" },
  };
}

async function insertChunk(tx: Db, batchId: string, chunk: LineValues[], personIndexes: string[]) {
  const column = <T>(pick: (line: LineValues) => T) => sql.param(chunk.map(pick));
  await tx.execute(sql`
    insert into result_entries
      (batch_id, exam_number, person_index, verifier, scores, total, university, major, admission_batch)
    select ${batchId}::uuid, e, p, v, s::smallint[], t, u, m, b
    from unnest(
      ${column((l) => l.examNumber)}::text[], ${sql.param(personIndexes)}::text[], ${column((l) => l.verifier)}::text[],
      ${column((l) => `{${l.scores.join(",")}}`)}::text[], ${column((l) => l.total)}::int[],
      ${column((l) => l.university)}::text[], ${column((l) => l.major)}::text[], ${column((l) => l.admissionBatch)}::text[]
    ) as x(e, p, v, s, t, u, m, b)`);
}

export type ResultsService = ReturnType<typeof createResultsService>;
export type ResultView = Awaited<ReturnType<ResultsService["lookup"]>>;
