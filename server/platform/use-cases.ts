/**
 * A module's use cases are module-level functions that take the module's dependencies first, so each can be read,
 * imported and tested on its own; its service binds them once, and callers pass only their own arguments.
 */

// biome-ignore lint/suspicious/noExplicitAny: a use case may take any arguments after its dependencies.
type UseCase<D> = (deps: D, ...args: any[]) => unknown;

export type Bound<D, T extends Record<string, UseCase<D>>> = {
  [K in keyof T]: T[K] extends (deps: D, ...args: infer A) => infer R ? (...args: A) => R : never;
};

export function bindUseCases<D, T extends Record<string, UseCase<D>>>(deps: D, useCases: T): Bound<D, T> {
  return Object.fromEntries(
    Object.entries(useCases).map(([name, useCase]) => [name, (...args: unknown[]) => useCase(deps, ...args)]),
  ) as Bound<D, T>;
}
