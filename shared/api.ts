// The one door between the renderer and the engine. The preload exposes exactly `JigsawApi`; every
// host (Electron IPC, the web host) validates each call's arguments with `apiArgs` before the engine
// sees them.
import { z } from 'zod';
import { CANONICAL_FIELDS } from './types.js';
import { signalApiArgs, type SignalsApi } from './signals.js';
import { timelineApiArgs, viewFiltersSchema, type TimelineApi } from './timeline.js';
import { reviewApiArgs, type ReviewApi } from './review.js';
import { chairApiArgs, type ChairApi } from './export.js';
import { importApiArgs, type ImportApi } from './import.js';
import { peopleApiArgs, type PeopleApi } from './people.js';
import type { CaseSummary, EntryDetail, EntryPage, ImportReport, StagedFile } from './types.js';

export const columnMappingSchema = z.partialRecord(z.enum(CANONICAL_FIELDS), z.number().int().min(0).max(10_000));

/** Largest file the UI may hand over in one call; bigger extracts go through the command line. */
export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

export const apiArgs = {
  getCase: z.tuple([]),
  stageFile: z.tuple([
    z.object({
      fileName: z.string().min(1).max(255),
      bytes: z.instanceof(Uint8Array).refine((b) => b.byteLength <= MAX_UPLOAD_BYTES, 'file too large'),
    }),
  ]),
  importStaged: z.tuple([
    z.object({
      stagedId: z.string().regex(/^[a-f0-9]{32}$/),
      agency: z.string().trim().min(1).max(120),
      mapping: columnMappingSchema.optional(),
      /** XLSX: the worksheet to import (one of StagedFile.sheets). */
      sheet: z.string().min(1).max(255).optional(),
    }),
  ]),
  listEntries: z.tuple([viewFiltersSchema.extend({ limit: z.number().int().min(1).max(5000).optional() })]),
  getEntry: z.tuple([z.number().int().positive()]),
  ...signalApiArgs,
  ...timelineApiArgs,
  ...reviewApiArgs,
  ...chairApiArgs,
  ...importApiArgs,
  ...peopleApiArgs,
} as const;

export type ApiMethod = keyof typeof apiArgs;

export interface JigsawApi extends TimelineApi, ReviewApi, ChairApi, SignalsApi, ImportApi, PeopleApi {
  getCase(): Promise<CaseSummary>;
  /** Hold an uploaded file, sniff its format and propose a column mapping (nothing is written). */
  stageFile(file: { fileName: string; bytes: Uint8Array }): Promise<StagedFile>;
  importStaged(req: { stagedId: string; agency: string; mapping?: z.infer<typeof columnMappingSchema>; sheet?: string }): Promise<ImportReport>;
  listEntries(query: z.infer<(typeof apiArgs)['listEntries']>[0]): Promise<EntryPage>;
  getEntry(id: number): Promise<EntryDetail>;
}

// Compile-time proof that every API method has a schema and every schema a method.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
export const apiIsComplete: Exact<ApiMethod, keyof JigsawApi> = true;
export const API_METHODS = Object.keys(apiArgs) as ApiMethod[];

/** Errors the engine raises on purpose: shown to the user as they are. */
export interface ApiErrorShape {
  code: string;
  message: string;
}

export function parseArgs(method: string, args: unknown): { method: ApiMethod; args: unknown[] } {
  if (!Object.hasOwn(apiArgs, method)) throw new Error(`unknown API method: ${method}`);
  const m = method as ApiMethod;
  const parsed = apiArgs[m].safeParse(args);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(`invalid arguments for ${m}: ${first?.path.join('.') || 'args'} ${first?.message ?? ''}`.trim());
  }
  return { method: m, args: parsed.data as unknown[] };
}
