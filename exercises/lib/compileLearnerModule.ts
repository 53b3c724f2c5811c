import * as otelApi from '@opentelemetry/api';
import { transform } from 'sucrase';

/** A problem in learner code, worded for the learner, with the line where it is if known. */
export class LearnerCodeError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(message);
    this.name = 'LearnerCodeError';
  }
}

/** The only modules exercise code may import at run time. Type imports are erased. */
const MODULES: Record<string, unknown> = { '@opentelemetry/api': otelApi };

/**
 * Compiles TypeScript exercise code with sucrase and evaluates it as a CommonJS module. The same
 * path runs in Node (the exercises CLI) and in the browser's worker, so both judge the same code
 * the same way.
 */
export function compileLearnerModule(source: string, filename: string): Record<string, unknown> {
  let code: string;
  try {
    code = transform(source, { transforms: ['typescript', 'imports'], filePath: filename }).code;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const line = /\((\d+):\d+\)/.exec(message)?.[1];
    throw new LearnerCodeError(`${filename}: ${message}`, line ? Number(line) : undefined);
  }
  const require = (id: string): unknown => {
    if (id in MODULES) return MODULES[id];
    throw new LearnerCodeError(
      `${filename} imports "${id}": only @opentelemetry/api can be imported (and types, with "import type")`,
    );
  };
  const module = { exports: {} as Record<string, unknown> };
  try {
    new Function('require', 'module', 'exports', code)(require, module, module.exports);
  } catch (err) {
    if (err instanceof LearnerCodeError) throw err;
    const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    throw new LearnerCodeError(`${filename} failed while loading: ${message}`);
  }
  return module.exports;
}
