import { App, type FormInstance } from "antd";
import { useState } from "react";
import { ApiError } from "./client";

/** One problem of a 422 FORM_INVALID answer: the field, and what is wrong with it. */
export type FieldProblem = { field: string; message: string };

/** The problems a 422 FORM_INVALID names, field by field; none for any other failure. */
export function fieldProblems(error: unknown): FieldProblem[] {
  if (!(error instanceof ApiError) || error.code !== "FORM_INVALID") return [];
  return (error.details?.errors ?? []) as FieldProblem[];
}

/** Shows each problem under its field, for the fields this form has (`fields`, when it has only some). */
export function showFieldProblems(form: FormInstance, problems: FieldProblem[], fields?: ReadonlySet<string>): void {
  form.setFields(
    problems.filter((p) => !fields || fields.has(p.field)).map((p) => ({ name: p.field, errors: [p.message] })),
  );
}

/**
 * One way to run what a user asked for: `busy` while it runs; when it fails, the server's Chinese message (or
 * `failure` when there is none) and, for a 422 FORM_INVALID, each problem under its field of `form`. Resolves to the
 * result, or undefined when it failed.
 */
export function useAction() {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);

  async function run<T>(action: () => Promise<T>, options: { failure: string; form?: FormInstance }) {
    setBusy(true);
    try {
      return await action();
    } catch (error) {
      if (options.form) showFieldProblems(options.form, fieldProblems(error));
      void message.error(error instanceof Error ? error.message : options.failure);
      return undefined;
    } finally {
      setBusy(false);
    }
  }

  return { busy, run };
}
