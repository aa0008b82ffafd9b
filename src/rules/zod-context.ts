import { en } from "zod/v4/locales";
import type * as z from "zod/mini";

/**
 * How thidua asks zod to parse: English issue messages (the `message` of an `Issue` is English, for
 * logs; `zod/mini` has no default locale, the classic API loaded this one) and no generated code
 * (a schema is used a few times per load: interpreting beats compiling it on first use).
 */
export function zodContext(): { readonly error: z.core.$ZodErrorMap; readonly jitless: true } {
  return { error: en().localeError, jitless: true };
}
